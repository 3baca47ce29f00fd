package org.jiaoyan.research;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.data.RowRenderData;
import com.deepoove.poi.data.Rows;
import com.deepoove.poi.data.Tables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.files.Attachment;
import org.jiaoyan.files.Attachments;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ChineseDates;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.word.OfficialDocument;
import org.jiaoyan.word.OfficialDocument.Block;
import org.jiaoyan.word.OfficialDocument.Merge;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's Word templates of the stage documents (申报书, 开题报告, 中期报告, 结题报告) with {{placeholders}}, and a
 * project's stage document filled from them with poi-tl. Without an uploaded template a plain one made in code applies.
 */
@Service
@Transactional
public class StageTemplates {

    /** Owner type of template files in {@link Attachments} (owner id: the institution, category: the stage). */
    public static final String OWNER = "research.template";

    /** The stages that have a document template, in order. */
    public static final List<ProjectStage> STAGES = List.of(ProjectStage.APPLICATION, ProjectStage.OPENING,
            ProjectStage.MIDTERM, ProjectStage.CONCLUSION);

    /** The placeholders a template may use (message researchbox.placeholder.&lt;name&gt; explains each). */
    public static final List<String> PLACEHOLDERS = List.of("title", "projectNo", "level", "lead", "members", "school",
            "discipline", "startDate", "endDate", "summary", "tasks", "#taskTable", "round", "stage", "today");

    private static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final String[] TASK_HEADERS = {"序号", "成员", "研究任务", "完成时间", "完成情况"};

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Attachments attachments;
    private final MessageSource messages;
    private final AuditLog audit;

    StageTemplates(JdbcClient jdbc, Projects projects, Attachments attachments, MessageSource messages, AuditLog audit) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.attachments = attachments;
        this.messages = messages;
        this.audit = audit;
    }

    /** An uploaded template of a stage. */
    public record StageTemplate(long id, ProjectStage stage, long attachmentId, String fileName, LocalDateTime uploadedAt,
                                @Nullable String uploadedBy) {
    }

    /** The school's uploaded templates by stage (a stage without one uses the built-in template). */
    @Transactional(readOnly = true)
    public Map<ProjectStage, StageTemplate> templates(long institutionId) {
        checkOffice(institutionId);
        return templatesOf(institutionId);
    }

    private Map<ProjectStage, StageTemplate> templatesOf(long institutionId) {
        Map<ProjectStage, StageTemplate> out = new EnumMap<>(ProjectStage.class);
        jdbc.sql("""
                select t.id, t.stage, t.attachment_id, a.file_name, t.created_at, t.created_by
                  from research_doc_template t join attachment a on a.id = t.attachment_id
                 where t.institution_id = ? and t.deleted_at is null and a.deleted_at is null order by t.id""")
                .param(institutionId)
                .query((rs, i) -> new StageTemplate(rs.getLong(1), ProjectStage.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getString(4), rs.getTimestamp(5).toLocalDateTime(), rs.getString(6)))
                .list().forEach(t -> out.put(t.stage(), t));
        return out;
    }

    /** Whether the user manages the school's templates (its 教科室, admins). */
    public boolean canManage(long institutionId) {
        return Access.scope().canManageInstitution(institutionId);
    }

    /** Uploads the school's template of a stage, replacing the one before; a file that is not a valid .docx is refused. */
    public StageTemplate upload(long institutionId, ProjectStage stage, String fileName, InputStream in) throws IOException {
        checkOffice(institutionId);
        if (!STAGES.contains(stage)) {
            throw new ValidationException("stage", "researchbox.template.stage");
        }
        if (!fileName.toLowerCase(Locale.ROOT).endsWith(".docx")) {
            throw new ValidationException("file", "researchbox.template.invalid");
        }
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new ValidationException("file", "researchbox.template.tooLarge");
        }
        try (XWPFTemplate t = XWPFTemplate.compile(new ByteArrayInputStream(bytes))) {
            t.getElementTemplates(); // compiled: a Word document poi-tl reads
        } catch (Exception | LinkageError e) {
            throw new ValidationException("file", "researchbox.template.invalid");
        }
        Attachment a = attachments.upload(institutionId, OWNER, institutionId, stage.name(), fileName,
                new ByteArrayInputStream(bytes));
        jdbc.sql("update research_doc_template set deleted_at = current_timestamp where institution_id = ? and stage = ?"
                + " and deleted_at is null").params(institutionId, stage.name()).update();
        jdbc.sql("insert into research_doc_template (institution_id, stage, attachment_id, created_by) values (?, ?, ?, ?)")
                .params(institutionId, stage.name(), a.id(), Access.actor()).update();
        audit.success("CREATE", "research_doc_template", institutionId, stage + " " + a.fileName(), null);
        return templatesOf(institutionId).get(stage);
    }

    /** Goes back to the built-in template of the stage. */
    public void reset(long institutionId, ProjectStage stage) {
        checkOffice(institutionId);
        jdbc.sql("update research_doc_template set deleted_at = current_timestamp where institution_id = ? and stage = ?"
                + " and deleted_at is null").params(institutionId, stage.name()).update();
        audit.success("DELETE", "research_doc_template", institutionId, stage.name(), null);
    }

    /** The uploaded template file itself (for the office to check what it uploaded). */
    @Transactional(readOnly = true)
    public Attachment templateFile(long institutionId, ProjectStage stage) {
        checkOffice(institutionId);
        StageTemplate t = templatesOf(institutionId).get(stage);
        if (t == null) {
            throw new NotFoundException();
        }
        return attachments.get(t.attachmentId(), OWNER, institutionId);
    }

    /** The name the built-in template downloads under: 申报书模板.docx. */
    public String builtInName(ProjectStage stage) {
        return stageName(stage) + "模板.docx";
    }

    /** The built-in template of a stage as a .docx (for the office to start its own from). */
    public byte[] builtIn(ProjectStage stage) {
        return defaultTemplate(stageName(stage));
    }

    private void checkOffice(long institutionId) {
        if (!canManage(institutionId)) {
            CurrentUser u = Access.user();
            if (Long.valueOf(institutionId).equals(u.institutionId())) {
                throw new ForbiddenException();
            }
            throw new NotFoundException();
        }
    }

    // ---------------------------------------------------------------- a project's document

    /** Whether the user fills the project's stage documents: its lead and the school's office. */
    public boolean canFill(Project p) {
        CurrentUser u = Access.user();
        return projects.officeOf(p) || (u.personId() != null && u.personId() == p.leadId());
    }

    /** The file name of the filled document: 《课题》申报书.docx. */
    public String fileName(long projectId, ProjectStage stage) {
        Project p = projects.get(projectId);
        return "《" + p.title() + "》" + stageName(stage) + ".docx";
    }

    /** The stage's document of the project, filled from the school's template (or the built-in one). */
    public byte[] fill(long projectId, ProjectStage stage) throws IOException {
        Project p = projects.get(projectId);
        if (!canFill(p)) {
            throw new ForbiddenException();
        }
        if (!STAGES.contains(stage)) {
            throw new NotFoundException();
        }
        StageTemplate t = templatesOf(p.institutionId()).get(stage);
        byte[] template;
        if (t == null) {
            template = defaultTemplate(stageName(stage));
        } else {
            try (InputStream in = attachments.open(attachments.get(t.attachmentId()))) {
                template = in.readAllBytes();
            }
        }
        Map<String, Object> data = data(p, stage);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFTemplate doc = XWPFTemplate.compile(new ByteArrayInputStream(template)).render(data)) {
            doc.write(out);
        }
        audit.success("EXPORT", "research_stage_document", projectId, stage.name(), null);
        return out.toByteArray();
    }

    /** The values of the placeholders for a project. */
    Map<String, Object> data(Project p, ProjectStage stage) {
        List<ProjectMember> members = projects.membersOf(p.id());
        List<ResearchTask> tasks = projects.tasks(p.id());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", p.title());
        data.put("projectNo", p.projectNo() == null ? "" : p.projectNo());
        data.put("level", message(p.level().messageKey()));
        data.put("lead", p.leadName());
        data.put("members", members.stream().filter(m -> !m.lead()).map(ProjectMember::name).collect(Collectors.joining("、")));
        data.put("school", p.institutionName());
        data.put("discipline", p.discipline() == null ? "" : p.discipline());
        data.put("startDate", ChineseDates.date(p.startDate()));
        data.put("endDate", ChineseDates.date(p.endDate()));
        data.put("summary", p.summary() == null ? "" : p.summary());
        data.put("round", p.roundName() == null ? "" : p.roundName());
        data.put("stage", stageName(stage));
        data.put("today", ChineseDates.date(LocalDate.now()));
        List<String> lines = new ArrayList<>();
        int n = 1;
        for (ResearchTask t : tasks) {
            lines.add(n++ + "．" + t.personName() + "：" + t.title() + "（" + ChineseDates.date(t.dueDate()) + "前）");
        }
        data.put("tasks", String.join("\n", lines));
        List<RowRenderData> rows = new ArrayList<>();
        rows.add(Rows.of(TASK_HEADERS).textBold().center().create());
        n = 1;
        for (ResearchTask t : tasks) {
            rows.add(Rows.of(String.valueOf(n++), t.personName(), t.title(), ChineseDates.date(t.dueDate()),
                    t.doneOn() == null ? "" : "已完成 " + ChineseDates.date(t.doneOn())).create());
        }
        data.put("taskTable", Tables.of(rows.toArray(RowRenderData[]::new)).create());
        return data;
    }

    private String stageName(ProjectStage stage) {
        return message("researchbox.document." + stage.name());
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }

    /** A plain template made in code: the stage's title, the project's details in a table, the tasks and the summary. */
    static byte[] defaultTemplate(String documentName) {
        OfficialDocument doc = new OfficialDocument();
        doc.title("{{title}}");
        doc.subtitle(documentName);
        doc.blankLine();
        String[][] rows = {{"课题名称", "{{title}}"}, {"立项编号", "{{projectNo}}"}, {"课题级别", "{{level}}"},
                {"所属批次", "{{round}}"}, {"承担学校", "{{school}}"}, {"学科", "{{discipline}}"}, {"主持人", "{{lead}}"},
                {"课题组成员", "{{members}}"}, {"起止时间", "{{startDate}} 至 {{endDate}}"}};
        int[] widths = {2200, OfficialDocument.TEXT_WIDTH - 2200};
        XWPFTable table = doc.table(widths);
        for (String[] r : rows) {
            XWPFTableRow row = OfficialDocument.row(table, false);
            OfficialDocument.cellText(OfficialDocument.cell(row, widths[0], 1, Merge.NONE), Block.CELL_HEADER, r[0]);
            OfficialDocument.cellText(OfficialDocument.cell(row, widths[1], 1, Merge.NONE), Block.CELL, r[1]);
        }
        doc.blankLine();
        doc.paragraph(Block.HEADING, "一、课题研究摘要");
        doc.paragraph(Block.BODY, "{{summary}}");
        doc.paragraph(Block.HEADING, "二、研究任务分工");
        doc.paragraph(Block.BODY, "{{#taskTable}}");
        doc.blankLine();
        doc.paragraph(Block.BODY, "填表日期：{{today}}");
        return doc.bytes();
    }

    /** Reads a .docx's text (paragraphs and table cells) — for tests and checks. */
    static String text(byte[] docx) throws IOException {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx));
             org.apache.poi.xwpf.extractor.XWPFWordExtractor x = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(d)) {
            return x.getText();
        }
    }
}
