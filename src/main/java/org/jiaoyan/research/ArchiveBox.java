package org.jiaoyan.research;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.excel.WorkbookWriter;
import org.jiaoyan.files.Attachment;
import org.jiaoyan.files.Attachments;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ChineseDates;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.Text;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.word.OfficialDocument;
import org.jiaoyan.word.OfficialDocument.Block;
import org.jiaoyan.word.OfficialDocument.Merge;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive box (档案盒) of a project: the school office's categories (the shipped four until the office changes
 * them), the items laid in as material is filed or uploaded directly, and the box exported as a .zip with a catalogue
 * (档案目录) in category order.
 */
@Service
@Transactional
public class ArchiveBox {

    /** Owner type of files uploaded straight into a box (owner id: the project, category: the box category code). */
    public static final String UPLOADS = "research.box";

    /** The shipped categories, in order, used while a school has none of its own. */
    static final List<BoxCategory> DEFAULTS = List.of(
            new BoxCategory(BoxItems.TEXT, "文本资料", 1), new BoxCategory(BoxItems.PROCESS, "研究过程材料", 2),
            new BoxCategory(BoxItems.TEACHER, "教师成果材料", 3), new BoxCategory(BoxItems.STUDENT, "学生成果材料", 4));

    static final List<String> CATALOGUE_HEADERS = List.of("序号", "类别", "材料名称", "文件名", "日期", "大小");

    private static final Logger log = LoggerFactory.getLogger(ArchiveBox.class);

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Attachments attachments;
    private final BoxItems box;
    private final ProjectStages stages;
    private final AuditLog audit;

    ArchiveBox(JdbcClient jdbc, Projects projects, Attachments attachments, BoxItems box, ProjectStages stages,
               AuditLog audit) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.attachments = attachments;
        this.box = box;
        this.stages = stages;
        this.audit = audit;
    }

    /** A category of the box: its code (TEXT … or C&lt;n&gt;), the office's name for it, its place. */
    public record BoxCategory(String code, String name, int sortOrder) {
    }

    /** A file in a box; source is STAGE, MATERIAL, PAPER, STUDY or UPLOAD (message researchbox.source.*). */
    public record BoxItem(long id, String categoryCode, long attachmentId, String title, String fileName, long sizeBytes,
                          LocalDate filedOn, @Nullable String source) {

        public String sourceKey() {
            return "researchbox.source." + (source == null ? "UPLOAD" : source);
        }

        public String size() {
            return ArchiveBox.size(sizeBytes);
        }
    }

    /** One category of a project's box with its items, oldest first. */
    public record Section(int number, BoxCategory category, List<BoxItem> items) {

        /** The folder of the category in the .zip: "1 文本资料". */
        public String folder() {
            return number + " " + safe(category.name());
        }
    }

    // ---------------------------------------------------------------- categories

    /** The categories of the school's boxes in order (the shipped four while the office has set none). */
    @Transactional(readOnly = true)
    public List<BoxCategory> categories(long institutionId) {
        List<BoxCategory> own = jdbc.sql("""
                select code, name, sort_order from research_box_category
                 where institution_id = ? and deleted_at is null order by sort_order, id""").param(institutionId)
                .query((rs, i) -> new BoxCategory(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
        return own.isEmpty() && !configured(institutionId) ? DEFAULTS : own;
    }

    private boolean configured(long institutionId) {
        return jdbc.sql("select count(*) from research_box_category where institution_id = ?").param(institutionId)
                .query(Long.class).single() > 0;
    }

    /** Whether the user sets the school's categories (its 教科室, admins). */
    public boolean canConfigure(long institutionId) {
        return Access.scope().canManageInstitution(institutionId);
    }

    /** The categories for the office's settings page, with how many items lie in each across the school's boxes. */
    @Transactional(readOnly = true)
    public Map<BoxCategory, Long> categoryUse(long institutionId) {
        checkConfigure(institutionId);
        Map<String, Long> used = new LinkedHashMap<>();
        jdbc.sql("""
                select b.category_code, count(*) from research_box_item b join research_project p on p.id = b.project_id
                 where p.institution_id = ? and b.deleted_at is null and p.deleted_at is null group by b.category_code""")
                .param(institutionId).query(rs -> {
                    used.put(rs.getString(1), rs.getLong(2));
                });
        Map<BoxCategory, Long> out = new LinkedHashMap<>();
        for (BoxCategory c : categories(institutionId)) {
            out.put(c, used.getOrDefault(c.code(), 0L));
        }
        return out;
    }

    /** Renames a category (name required, at most 50 characters, unique in the school). */
    public void rename(long institutionId, String code, String name) {
        checkConfigure(institutionId);
        materialise(institutionId);
        category(institutionId, code);
        String n = validName(institutionId, name, code);
        jdbc.sql("update research_box_category set name = ? where institution_id = ? and code = ? and deleted_at is null")
                .params(n, institutionId, code).update();
        audit.success("UPDATE", "research_box_category", institutionId, code + " " + n, null);
    }

    /** Adds a category at the end; its code is C&lt;n&gt;. */
    public String add(long institutionId, String name) {
        checkConfigure(institutionId);
        materialise(institutionId);
        String n = validName(institutionId, name, null);
        long count = jdbc.sql("select count(*) from research_box_category where institution_id = ?").param(institutionId)
                .query(Long.class).single();
        String code = "C" + (count + 1);
        while (jdbc.sql("select count(*) from research_box_category where institution_id = ? and code = ?")
                .params(institutionId, code).query(Long.class).single() > 0) {
            code = "C" + (++count + 1);
        }
        int order = jdbc.sql("select coalesce(max(sort_order), 0) from research_box_category where institution_id = ?"
                + " and deleted_at is null").param(institutionId).query(Integer.class).single() + 1;
        Inserts.id(jdbc.sql("insert into research_box_category (institution_id, code, name, sort_order) values (?, ?, ?, ?)")
                .params(institutionId, code, n, order));
        audit.success("CREATE", "research_box_category", institutionId, code + " " + n, null);
        return code;
    }

    /** Moves a category one place up (up = true) or down. */
    public void move(long institutionId, String code, boolean up) {
        checkConfigure(institutionId);
        materialise(institutionId);
        category(institutionId, code);
        List<BoxCategory> list = new ArrayList<>(categories(institutionId));
        int i = indexOf(list, code);
        int j = up ? i - 1 : i + 1;
        if (j < 0 || j >= list.size()) {
            return;
        }
        list.add(j, list.remove(i));
        for (int k = 0; k < list.size(); k++) {
            jdbc.sql("update research_box_category set sort_order = ? where institution_id = ? and code = ? and deleted_at is null")
                    .params(k + 1, institutionId, list.get(k).code()).update();
        }
    }

    /** Removes a category no box uses any more (soft); one with items is refused. */
    public void remove(long institutionId, String code) {
        checkConfigure(institutionId);
        materialise(institutionId);
        BoxCategory c = category(institutionId, code);
        long used = jdbc.sql("""
                select count(*) from research_box_item b join research_project p on p.id = b.project_id
                 where p.institution_id = ? and b.category_code = ? and b.deleted_at is null and p.deleted_at is null""")
                .params(institutionId, code).query(Long.class).single();
        if (used > 0) {
            throw new ValidationException("code", "researchbox.category.used", c.name(), used);
        }
        if (categories(institutionId).size() <= 1) {
            throw new ValidationException("code", "researchbox.category.last");
        }
        jdbc.sql("update research_box_category set deleted_at = current_timestamp where institution_id = ? and code = ?")
                .params(institutionId, code).update();
        audit.success("DELETE", "research_box_category", institutionId, code + " " + c.name(), null);
    }

    private void checkConfigure(long institutionId) {
        if (!canConfigure(institutionId)) {
            CurrentUser u = Access.user();
            if (Long.valueOf(institutionId).equals(u.institutionId())) {
                throw new ForbiddenException();
            }
            throw new NotFoundException();
        }
    }

    /** Writes the shipped four into the school's table the first time its office changes anything. */
    private void materialise(long institutionId) {
        if (configured(institutionId)) {
            return;
        }
        for (BoxCategory c : DEFAULTS) {
            jdbc.sql("insert into research_box_category (institution_id, code, name, sort_order) values (?, ?, ?, ?)")
                    .params(institutionId, c.code(), c.name(), c.sortOrder()).update();
        }
    }

    private BoxCategory category(long institutionId, String code) {
        return categories(institutionId).stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    private String validName(long institutionId, @Nullable String name, @Nullable String exceptCode) {
        String n = Text.clean(name);
        if (n == null) {
            throw new ValidationException("name", "validation.required");
        }
        if (n.length() > 50) {
            throw new ValidationException("name", "researchbox.category.long");
        }
        boolean taken = categories(institutionId).stream()
                .anyMatch(c -> c.name().equals(n) && !c.code().equals(exceptCode));
        if (taken) {
            throw new ValidationException("name", "researchbox.category.duplicate", n);
        }
        return n;
    }

    private static int indexOf(List<BoxCategory> list, String code) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- a project's box

    /** The project's box: every category in order with its items (empty categories included). */
    @Transactional(readOnly = true)
    public List<Section> box(long projectId) {
        Project p = projects.get(projectId);
        return sections(p);
    }

    private List<Section> sections(Project p) {
        List<BoxItem> items = jdbc.sql("""
                select b.id, b.category_code, b.attachment_id, b.title, a.file_name, a.size_bytes, b.filed_on, b.source_type
                  from research_box_item b join attachment a on a.id = b.attachment_id
                 where b.project_id = ? and b.deleted_at is null and a.deleted_at is null
                 order by b.filed_on, b.id""").param(p.id())
                .query((rs, i) -> new BoxItem(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getObject(7, LocalDate.class), rs.getString(8))).list();
        List<BoxCategory> cats = new ArrayList<>(categories(p.institutionId()));
        Set<String> known = new HashSet<>();
        cats.forEach(c -> known.add(c.code()));
        // an item under a code the office no longer lists still shows (and exports), after the listed categories
        items.stream().map(BoxItem::categoryCode).distinct().filter(c -> !known.contains(c)).forEach(c -> {
            cats.add(new BoxCategory(c, c, Integer.MAX_VALUE));
            known.add(c);
        });
        List<Section> out = new ArrayList<>();
        int n = 1;
        for (BoxCategory c : cats) {
            out.add(new Section(n++, c, items.stream().filter(i -> i.categoryCode().equals(c.code())).toList()));
        }
        return out;
    }

    /** Whether the user lays files into the box and takes them out: the lead and the school's office. */
    public boolean canFile(Project p) {
        return projects.canEdit(p);
    }

    /** Uploads a file straight into a category of the box. */
    public BoxItem upload(long projectId, String categoryCode, @Nullable String title, String fileName, InputStream in)
            throws IOException {
        Project p = projects.editable(projectId);
        if (categories(p.institutionId()).stream().noneMatch(c -> c.code().equals(categoryCode))) {
            throw new ValidationException("category", "researchbox.category.unknown");
        }
        String t = Text.clean(title);
        if (t != null && t.length() > 200) {
            throw new ValidationException("title", "research.title.long");
        }
        Attachment a = attachments.upload(p.institutionId(), UPLOADS, projectId, categoryCode, fileName, in);
        String name = t != null ? t : stripExtension(a.fileName());
        long id = box.file(projectId, categoryCode, a, name, "UPLOAD", a.id(), LocalDate.now());
        audit.success("CREATE", "research_box_item", id, name, null);
        return item(projectId, id);
    }

    /** Takes an item out of the box (recycle bin); a file uploaded straight into the box goes with it. */
    public void removeItem(long projectId, long itemId) {
        projects.editable(projectId);
        BoxItem i = item(projectId, itemId);
        jdbc.sql("update research_box_item set deleted_at = current_timestamp where id = ?").param(itemId).update();
        if ("UPLOAD".equals(i.source())) {
            attachments.delete(i.attachmentId());
        }
        audit.success("DELETE", "research_box_item", itemId, i.title(), null);
    }

    /** The file of an item of a box the user reads. */
    @Transactional(readOnly = true)
    public Attachment file(long projectId, long itemId) {
        projects.get(projectId);
        return attachments.get(item(projectId, itemId).attachmentId());
    }

    private BoxItem item(long projectId, long itemId) {
        return jdbc.sql("""
                select b.id, b.category_code, b.attachment_id, b.title, a.file_name, a.size_bytes, b.filed_on, b.source_type
                  from research_box_item b join attachment a on a.id = b.attachment_id
                 where b.id = ? and b.project_id = ? and b.deleted_at is null and a.deleted_at is null""")
                .params(itemId, projectId)
                .query((rs, i) -> new BoxItem(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getObject(7, LocalDate.class), rs.getString(8)))
                .optional().orElseThrow(NotFoundException::new);
    }

    // ---------------------------------------------------------------- reading a stage document

    /** How a stage document shows in the browser: PDF inline, .docx as simple escaped HTML, anything else downloaded. */
    public record DocumentView(Attachment file, Kind kind, @Nullable String html) {

        public enum Kind { PDF, DOCX, OTHER }
    }

    /** A stage document of a project the user reads, ready to show (404 for another project's file). */
    @Transactional(readOnly = true)
    public DocumentView document(long projectId, long attachmentId) {
        Attachment a = stages.document(projectId, attachmentId);
        return switch (a.extension()) {
            case "pdf" -> new DocumentView(a, DocumentView.Kind.PDF, null);
            case "docx" -> {
                try (InputStream in = attachments.open(a)) {
                    yield new DocumentView(a, DocumentView.Kind.DOCX, DocumentPreview.html(in));
                } catch (IOException | RuntimeException unreadable) {
                    log.info("Stage document {} not previewed: {}", a.id(), unreadable.toString());
                    yield new DocumentView(a, DocumentView.Kind.OTHER, null);
                }
            }
            default -> new DocumentView(a, DocumentView.Kind.OTHER, null);
        };
    }

    // ---------------------------------------------------------------- export

    /** What the .zip holds, read with the user's checks; {@link #writeZip} streams it without touching the user. */
    public record Export(Project project, List<Section> sections, Map<Long, Attachment> files) {

        public String fileName() {
            return safe("《" + project.title() + "》档案盒") + ".zip";
        }
    }

    public Export export(long projectId) { // not read-only: the export is audited
        Project p = projects.get(projectId);
        audit.success("EXPORT", "research_box", projectId, p.title(), null);
        Map<Long, Attachment> files = new java.util.HashMap<>();
        jdbc.sql("""
                select a.* from attachment a join research_box_item b on b.attachment_id = a.id
                 where b.project_id = ? and b.deleted_at is null and a.deleted_at is null""").param(projectId)
                .query((rs, i) -> new Attachment(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("owner_type"),
                        rs.getLong("owner_id"), rs.getString("category"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("storage_key"),
                        rs.getTimestamp("created_at").toLocalDateTime(), rs.getString("created_by")))
                .list().forEach(a -> files.put(a.id(), a));
        return new Export(p, sections(p), files);
    }

    /**
     * Streams the box as a .zip: a folder per category ("1 文本资料/") in order with the files under readable names
     * (UTF-8 entry names; a repeated name gets " (2)"), and 档案目录.xlsx and .docx at the root. Files are copied one at a
     * time, so the zip is never held in memory.
     */
    public void writeZip(Export e, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
        OutputStream shield = new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                zip.flush(); // the zip closes after its last entry, not when a writer closes its stream
            }
        };
        zip.putNextEntry(new ZipEntry("档案目录.xlsx"));
        catalogueXlsx(e, shield);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("档案目录.docx"));
        catalogueDocx(e).write(shield);
        zip.closeEntry();
        for (Section s : e.sections()) {
            String folder = s.folder() + "/";
            zip.putNextEntry(new ZipEntry(folder));
            zip.closeEntry();
            Set<String> names = new HashSet<>();
            for (BoxItem i : s.items()) {
                Attachment a = e.files().get(i.attachmentId());
                if (a == null) {
                    continue;
                }
                String name = unique(names, safe(i.fileName()));
                try (InputStream in = attachments.open(a)) {
                    zip.putNextEntry(new ZipEntry(folder + name));
                    in.transferTo(zip);
                    zip.closeEntry();
                } catch (IOException missing) {
                    log.warn("Box {}: file {} could not be read: {}", e.project().id(), a.id(), missing.toString());
                }
            }
        }
        zip.finish();
        zip.flush();
    }

    /** The catalogue's rows: 序号, 类别, 材料名称, 文件名, 日期, 大小. */
    static List<List<Object>> catalogue(Export e) {
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (Section s : e.sections()) {
            for (BoxItem i : s.items()) {
                rows.add(List.of(n++, s.category().name(), i.title(), i.fileName(), ChineseDates.date(i.filedOn()), i.size()));
            }
        }
        return rows;
    }

    private static void catalogueXlsx(Export e, OutputStream out) throws IOException {
        WorkbookWriter w = WorkbookWriter.sheet("档案目录").title("《" + e.project().title() + "》档案目录")
                .header(CATALOGUE_HEADERS);
        for (List<Object> row : catalogue(e)) {
            w.row(row);
        }
        w.writeTo(out);
    }

    private static OfficialDocument catalogueDocx(Export e) {
        OfficialDocument doc = new OfficialDocument();
        doc.title("《" + e.project().title() + "》档案目录");
        doc.subtitle(e.project().institutionName() + (e.project().projectNo() == null ? "" : "　" + e.project().projectNo()));
        doc.blankLine();
        int[] widths = {700, 1700, 2600, 2400, 1700, 0};
        widths[5] = OfficialDocument.TEXT_WIDTH - 700 - 1700 - 2600 - 2400 - 1700;
        XWPFTable t = doc.table(widths);
        XWPFTableRow head = OfficialDocument.row(t, true);
        for (int c = 0; c < CATALOGUE_HEADERS.size(); c++) {
            OfficialDocument.cellText(OfficialDocument.cell(head, widths[c], 1, Merge.NONE), Block.CELL_HEADER,
                    CATALOGUE_HEADERS.get(c));
        }
        for (List<Object> row : catalogue(e)) {
            XWPFTableRow r = OfficialDocument.row(t, false);
            for (int c = 0; c < row.size(); c++) {
                OfficialDocument.cellText(OfficialDocument.cell(r, widths[c], 1, Merge.NONE),
                        c == 0 || c >= 4 ? Block.CELL_CENTRED : Block.CELL, String.valueOf(row.get(c)));
            }
        }
        return doc;
    }

    // ---------------------------------------------------------------- names

    /** A name safe as a zip entry and on Windows: no path characters, controls or leading dots. */
    static String safe(String name) {
        String s = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            s = "未命名";
        }
        return s.length() > 150 ? s.substring(0, 150) : s;
    }

    /** The name, or "名称 (2).ext", "名称 (3).ext" … when the folder has it already. */
    static String unique(Set<String> taken, String name) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = base + " (" + n + ")" + ext;
        }
        return candidate;
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
