package org.jiaoyan.org;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jiaoyan.dictionary.DictKind;
import org.jiaoyan.dictionary.DictItem;
import org.jiaoyan.dictionary.Dictionaries;
import org.jiaoyan.excel.CellText;
import org.jiaoyan.excel.CellValue;
import org.jiaoyan.excel.ColumnSpec;
import org.jiaoyan.excel.ExcelFormatException;
import org.jiaoyan.excel.ImportError;
import org.jiaoyan.excel.ParsedSheet;
import org.jiaoyan.excel.SheetReader;
import org.jiaoyan.excel.SheetRow;
import org.jiaoyan.excel.WorkbookWriter;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roster import (花名册导入): reads the school's own sheet, recognising the usual headers and their synonyms, normalises
 * the values real rosters hold (old and new 职称 names, 1985.03 / 1985年3月 / Excel dates, full-width digits, stray
 * spaces, two subjects in one cell) and imports all rows or none. Anything not understood is a row error, never a guess.
 */
@Service
public class RosterImport {

    public static final int MAX_ROWS = 20_000;
    private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("1\\d{10}");
    /** What no name holds: digits and the punctuation of notes, signatures and totals (制表人：…, 注：…, 共 45 人). */
    private static final java.util.regex.Pattern NOT_IN_A_NAME = java.util.regex.Pattern.compile("[0-9:：;；,，。!！?？=#@%/\\\\]");
    private static final Set<String> TOTAL_WORDS = Set.of("合计", "小计", "总计", "共计", "总人数", "人数");

    private final People people;
    private final OrgUnits units;
    private final Dictionaries dictionaries;
    private final MessageSource messages;

    public RosterImport(People people, OrgUnits units, Dictionaries dictionaries, MessageSource messages) {
        this.people = people;
        this.units = units;
        this.dictionaries = dictionaries;
        this.messages = messages;
    }

    /** Columns of our template and the headers real rosters use for them. */
    public List<ColumnSpec> columns() {
        return List.of(
                ColumnSpec.required("name", "姓名", "教师姓名", "名字", "职工姓名").withSample("张晓红"),
                ColumnSpec.optional("gender", "性别").withAllowedValues(List.of("男", "女")).withSample("女"),
                ColumnSpec.optional("birthDate", "出生日期", "出生年月", "出生时间", "生日", "出生年月日")
                        .withSample("1988-03-15").withHint("如 1988-03-15、1988.03、1988年3月"),
                ColumnSpec.optional("workStartDate", "参加工作时间", "工作时间", "参工时间", "参加工作日期", "任教时间", "从教时间", "入职时间")
                        .withSample("2010-09-01"),
                ColumnSpec.optional("title", "职称", "专业技术职务", "专业技术职称", "职务职称", "职称等级", "职称（职务）")
                        .withAllowedValues(labels(DictKind.TITLE)).withSample("一级教师"),
                ColumnSpec.optional("subjects", "学科", "任教学科", "所教学科", "学科名称", "教学科目")
                        .withAllowedValues(labels(DictKind.SUBJECT)).withSample("语文").withHint("两门学科用顿号分隔，如 语文、道德与法治"),
                ColumnSpec.optional("grades", "年级", "任教年级", "所教年级").withSample("三年级"),
                ColumnSpec.optional("mobile", "手机号码", "手机", "手机号", "联系电话", "电话", "联系方式").withSample("13900000000"),
                ColumnSpec.optional("party", "政治面貌", "党员", "是否党员").withAllowedValues(List.of("中共党员", "群众", "共青团员")).withSample("群众"),
                ColumnSpec.optional("school", "学校", "单位", "所在学校", "学校名称", "工作单位"),
                // read for the birth date and sex where those cells are blank; never stored
                ColumnSpec.optional("idNumber", "身份证号码", "身份证号", "身份证", "公民身份号码", "证件号码"),
                ColumnSpec.optional("note", "备注", "说明"));
    }

    /** Reads and checks the file without writing anything. */
    @Transactional(readOnly = true)
    public RosterPreview preview(long schoolId, InputStream file) {
        OrgUnit school = targetSchool(schoolId);
        List<ImportError> errors = new ArrayList<>();
        ParsedSheet sheet;
        try {
            sheet = new SheetReader(columns(), MAX_ROWS).read(file);
        } catch (ExcelFormatException e) {
            errors.add(new ImportError(0, "", e.getMessage()));
            return RosterPreview.rejected(errors);
        }
        for (String missing : sheet.missingRequiredColumns()) {
            errors.add(new ImportError(1, missing, msg("roster.column.missing", missing)));
        }
        if (sheet.rows().isEmpty() && errors.isEmpty()) {
            errors.add(new ImportError(0, "", msg("roster.empty")));
        }
        Map<String, OrgUnit> schoolsByName = new HashMap<>();
        for (OrgUnit u : units.managedInstitutions()) {
            schoolsByName.put(CellText.personName(u.name()), u);
            if (u.shortName() != null) {
                schoolsByName.put(CellText.personName(u.shortName()), u);
            }
        }
        Map<String, SheetRow> mobileRows = new HashMap<>();
        List<RosterPreview.Row> rows = new ArrayList<>(sheet.rows().size());
        LocalDate today = LocalDate.now();
        for (SheetRow row : sheet.rows()) {
            RowReader r = new RowReader(row, errors, today);
            PersonData data = r.person(school, schoolsByName);
            if (data.mobile() != null) {
                SheetRow first = mobileRows.putIfAbsent(data.mobile(), row);
                if (first != null) {
                    r.error("mobile", msg("roster.mobile.duplicateInFile", first.place()));
                }
            }
            if (r.ok) {
                rows.add(new RosterPreview.Row(row.sheet(), row.rowNumber(), data,
                        nameOf(data.institutionId(), school, schoolsByName)));
            }
        }
        Set<String> taken = people.existingMobiles(mobileRows.keySet());
        for (var e : mobileRows.entrySet()) {
            if (taken.contains(e.getKey())) {
                errors.add(new ImportError(e.getValue().sheet(), e.getValue().rowNumber(), header("mobile"),
                        msg("roster.mobile.taken", e.getKey())));
            }
        }
        List<String> sheetOrder = sheet.sheetsRead();
        errors.sort(java.util.Comparator.<ImportError>comparingInt(e -> sheetOrder.indexOf(e.sheet()))
                .thenComparingInt(ImportError::row));
        return new RosterPreview(rows, errors, sheet.unrecognisedHeaders(), sheet.skippedRows(),
                sheetOrder.size() > 1 ? sheetOrder : List.of(), sheet.sheetsNotRead());
    }

    /** Imports every row or none: throws {@link RosterRejected} with all row errors when anything is wrong. */
    @Transactional
    public int importAll(long schoolId, InputStream file) {
        RosterPreview preview = preview(schoolId, file);
        if (!preview.errors().isEmpty()) {
            throw new RosterRejected(preview.errors());
        }
        Map<Long, List<PersonData>> bySchool = new HashMap<>();
        preview.rows().forEach(r -> bySchool.computeIfAbsent(r.data().institutionId(), k -> new ArrayList<>()).add(r.data()));
        int total = 0;
        for (var e : bySchool.entrySet()) {
            total += people.createAll(e.getKey(), e.getValue());
        }
        return total;
    }

    /** The import template: our headers, a sample row, drop-downs with the allowed values. */
    public void writeTemplate(java.io.OutputStream out) throws java.io.IOException {
        List<ColumnSpec> asked = columns().stream().filter(c -> !c.key().equals("idNumber")).toList(); // read, not asked for
        try (WorkbookWriter w = WorkbookWriter.template("教师名单", asked)) {
            w.writeTo(out);
        }
    }

    /** The filtered list as .xlsx in the template's column order, so an export can be edited and imported again. */
    @Transactional(readOnly = true)
    public void export(PersonFilter filter, java.io.OutputStream out) throws java.io.IOException {
        List<Person> list = people.export(filter);
        try (WorkbookWriter w = WorkbookWriter.sheet("教师名单")) {
            w.header(List.of("姓名", "性别", "出生日期", "参加工作时间", "职称", "学科", "年级", "手机号码", "政治面貌", "学校", "备注",
                    "年龄", "教龄", "荣誉称号", "状态"));
            LocalDate today = LocalDate.now();
            for (Person p : list) {
                w.row(java.util.Arrays.asList(p.name(), p.gender() == null ? null : "M".equals(p.gender()) ? "男" : "女",
                        p.birthDate(), p.workStartDate(), dictionaries.label(DictKind.TITLE, p.titleCode()),
                        dictionaries.labels(DictKind.SUBJECT, p.subjects()), dictionaries.labels(DictKind.GRADE, p.grades()),
                        p.mobile(), p.partyMember() ? "中共党员" : "", p.institutionName(), p.note(), p.age(today),
                        p.yearsOfService(today), honours(p), msg("status." + p.status())));
            }
            w.writeTo(out);
        }
    }

    private String honours(Person p) {
        return String.join("；", p.honours().stream().map(h -> dictionaries.label(DictKind.HONOUR, h.code())
                + (h.levelCode() == null ? "" : "（" + dictionaries.label(DictKind.HONOUR_LEVEL, h.levelCode()) + "）")
                + (h.year() == null ? "" : h.year())).toList());
    }

    /** A name as rosters hold them: 张晓红, 欧阳晓红, 阿依古丽·买买提, Mary Smith, 李明（大）; not 制表人：李明 or 合计. */
    static boolean looksLikeName(String name) {
        return !NOT_IN_A_NAME.matcher(name).find() && !TOTAL_WORDS.contains(name);
    }

    private OrgUnit targetSchool(long schoolId) {
        OrgUnit school = units.get(schoolId);
        if (school.type() != UnitType.INSTITUTION || !Access.scope().canManageInstitution(schoolId)) {
            throw new NotFoundException();
        }
        return school;
    }

    private static String nameOf(long id, OrgUnit school, Map<String, OrgUnit> byName) {
        if (id == school.id()) {
            return school.name();
        }
        return byName.values().stream().filter(u -> u.id() == id).map(OrgUnit::name).findFirst().orElse("");
    }

    private List<String> labels(String kind) {
        return dictionaries.items(kind).stream().map(DictItem::label).toList();
    }

    private String header(String key) {
        return columns().stream().filter(c -> c.key().equals(key)).findFirst().map(ColumnSpec::header).orElse(key);
    }

    private String msg(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }

    /** Reads one row into PersonData, collecting an error per bad cell. */
    private final class RowReader {
        private final SheetRow row;
        private final List<ImportError> errors;
        private final LocalDate today;
        private boolean ok = true;

        RowReader(SheetRow row, List<ImportError> errors, LocalDate today) {
            this.row = row;
            this.errors = errors;
            this.today = today;
        }

        void error(String key, String message) {
            ok = false;
            errors.add(new ImportError(row.sheet(), row.rowNumber(), header(key), message));
        }

        PersonData person(OrgUnit defaultSchool, Map<String, OrgUnit> schoolsByName) {
            String name = CellText.personName(row.text("name"));
            if (name.isEmpty()) {
                error("name", msg("roster.name.missing"));
            } else if (name.length() > 50) {
                error("name", msg("roster.tooLong"));
            } else if (!looksLikeName(name)) {
                error("name", msg("roster.name.notAName", row.text("name").strip())); // as the user typed it
            }
            long schoolId = defaultSchool.id();
            String schoolText = CellText.personName(row.text("school"));
            if (!schoolText.isEmpty()) {
                OrgUnit named = schoolsByName.get(schoolText);
                if (named == null) {
                    error("school", msg("roster.school.unknown", schoolText));
                } else {
                    schoolId = named.id();
                }
            }
            String genderText = CellText.normalise(row.text("gender"));
            IdNumber id = null;
            if (!row.get("idNumber").isBlank() && (genderText.isEmpty() || row.get("birthDate").isBlank())) {
                id = IdNumber.parse(row.text("idNumber")).orElse(null);
                if (id == null) {
                    error("idNumber", msg("roster.idNumber.invalid"));
                }
            }
            String gender = genderText.isEmpty() && id != null ? id.gender() : null;
            if (!genderText.isEmpty()) {
                gender = switch (genderText) {
                    case "男", "M", "m", "男性" -> "M";
                    case "女", "F", "f", "女性" -> "F";
                    default -> {
                        error("gender", msg("roster.gender.invalid", genderText));
                        yield null;
                    }
                };
            }
            LocalDate birth = date("birthDate");
            boolean birthMonthOnly = birth != null && CellText.monthOnly(row.get("birthDate"));
            if (birth == null && id != null) {
                birth = id.birthDate();
            }
            LocalDate start = date("workStartDate");
            boolean startMonthOnly = start != null && CellText.monthOnly(row.get("workStartDate"));
            if (birth != null && (birth.isAfter(today.minusYears(16)) || birth.getYear() < 1930)) {
                error("birthDate", msg("person.birthDate.implausible"));
            }
            if (start != null && start.isAfter(today)) {
                error("workStartDate", msg("person.workStartDate.future"));
            } else if (start != null && birth != null && start.isBefore(birth.plusYears(16))) {
                error("workStartDate", msg("person.workStartDate.beforeAdult"));
            }
            String title = code(DictKind.TITLE, "title", row.text("title"));
            List<String> subjects = codes(DictKind.SUBJECT, "subjects");
            List<String> grades = codes(DictKind.GRADE, "grades");
            String mobile = null;
            String mobileText = CellText.digits(row.text("mobile"));
            if (!mobileText.isEmpty()) {
                if (MOBILE.matcher(mobileText).matches()) {
                    mobile = mobileText;
                } else {
                    error("mobile", msg("roster.mobile.invalid", row.text("mobile")));
                }
            }
            String partyText = CellText.normalise(row.text("party"));
            boolean party = partyText.contains("党员") || partyText.equals("是");
            String note = CellText.normalise(row.text("note"));
            return new PersonData(schoolId, name, gender, mobile, birth, start, title, party,
                    note.isEmpty() ? null : note.substring(0, Math.min(500, note.length())), subjects, grades, List.of(),
                    birthMonthOnly, startMonthOnly);
        }

        private @Nullable LocalDate date(String key) {
            CellValue cell = row.get(key);
            if (cell.isBlank()) {
                return null;
            }
            Optional<LocalDate> d = CellText.date(cell);
            if (d.isEmpty()) {
                error(key, msg("roster.date.invalid", cell.text()));
                return null;
            }
            return d.get();
        }

        private @Nullable String code(String kind, String key, String text) {
            String t = CellText.normalise(text);
            if (t.isEmpty()) {
                return null;
            }
            Optional<String> code = dictionaries.resolve(kind, t);
            if (code.isEmpty()) {
                error(key, msg("roster.dictionary.unknown", t));
                return null;
            }
            return code.get();
        }

        private List<String> codes(String kind, String key) {
            List<String> result = new ArrayList<>();
            for (String part : CellText.splitMulti(row.text(key))) {
                String c = code(kind, key, part);
                if (c != null && !result.contains(c)) {
                    result.add(c);
                }
            }
            return result;
        }
    }
}
