package org.jiaoyan.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.excel.ImportError;
import org.jiaoyan.excel.ParsedSheet;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@JiaoyanIntegrationTest
class RosterImportIntegrationTests {

    private static final AtomicLong MOBILES = new AtomicLong(17_700_000_000L + (System.nanoTime() % 1_000_000) * 100);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired RosterImport roster;
    @Autowired People people;
    @Autowired OrgUnits units;

    private CurrentUser jks() {
        return TestUsers.load(users, "jks");
    }

    private long school() {
        return jks().institutionId();
    }

    /** A roster in a school's own layout: a title row above the headers, synonyms for the headers. */
    static byte[] roster(String[][] rows) throws IOException {
        return roster(new XSSFWorkbook(), rows);
    }

    /** The same in the given workbook kind (an HSSFWorkbook gives an Excel 97–2003 .xls). */
    static byte[] roster(org.apache.poi.ss.usermodel.Workbook workbook, String[][] rows) throws IOException {
        try (var wb = workbook; var out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("花名册");
            sheet.createRow(0).createCell(0).setCellValue("2026年秋季教职工花名册");
            var header = sheet.createRow(1);
            String[] headers = {"教师姓名", "性别", "出生年月", "工作时间", "专业技术职务", "任教学科", "联系电话"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r + 2);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private String mobile() {
        return String.valueOf(MOBILES.incrementAndGet());
    }

    @Test
    void realMessyRosterIsUnderstoodWithoutGuessing() throws IOException {
        byte[] file = new ClassPathResource("excel/roster-sample.xlsx").getContentAsByteArray();
        RosterPreview preview = Access.as(jks(), () -> roster.preview(school(), new ByteArrayInputStream(file)));
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.rows()).extracting(r -> r.data().name()).containsExactly("周晓燕", "孙浩", "马丽", "郭建国", "何雨桐");
        PersonData ma = preview.rows().get(2).data();
        assertThat(ma.titleCode()).as("小学高级 is today's 一级教师").isEqualTo("T1");
        assertThat(ma.subjects()).containsExactly("ENGLISH", "PRACTICE");
        assertThat(ma.birthDate()).isEqualTo(LocalDate.of(1992, 3, 15));
        PersonData guo = preview.rows().get(3).data();
        assertThat(guo.birthDate()).isEqualTo(LocalDate.of(1971, 11, 1));
        assertThat(guo.titleCode()).isEqualTo("SENIOR");
        assertThat(guo.mobile()).as("full-width digits").isEqualTo("13800010004");
        assertThat(preview.rows().get(4).data().birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(preview.rows().get(4).data().titleCode()).isNull();
    }

    @Test
    void oneBadRowImportsNothingAndEveryBadRowIsListed() throws IOException {
        String m1 = mobile();
        byte[] bad = roster(new String[][] {
                {"导入甲", "女", "1985.03", "2007.09", "一级教师", "语文", m1},
                {"导入乙", "男", "1985.13", "2008年9月", "中学高级", "数学、科学", mobile()},
                {"", "女", "1990-01-01", "2012-09-01", "特级大师", "体育", m1},
        });
        assertThatThrownBy(() -> Access.as(jks(), () -> roster.importAll(school(), new ByteArrayInputStream(bad))))
                .isInstanceOfSatisfying(RosterRejected.class, e -> assertThat(e.errors())
                        .extracting(ImportError::display)
                        .contains("第 4 行 · 出生日期 · 日期无法识别：1985.13",
                                "第 5 行 · 姓名 · 姓名不能为空",
                                "第 5 行 · 职称 · “特级大师”不在数据字典中",
                                "第 5 行 · 手机号码 · 手机号码与第 3 行重复"));
        assertThat(Access.as(jks(), () -> people.search(new PersonFilter(null, null, null, null, "导入甲", null, false),
                new PageQuery(1, 10, null, false))).total()).isZero();

        byte[] fixed = roster(new String[][] {
                {"导入甲", "女", "1985.03", "2007.09", "一级教师", "语文", m1},
                {"导入乙", "男", "1985.12", "2008年9月", "中学高级", "数学、科学", mobile()},
                {"导入丙", "女", "1990-01-01", "2012-09-01", "", "体育", mobile()},
        });
        assertThat(Access.as(jks(), () -> roster.importAll(school(), new ByteArrayInputStream(fixed)))).isEqualTo(3);
        var found = Access.as(jks(), () -> people.search(new PersonFilter(null, null, null, null, "导入乙", null, false),
                new PageQuery(1, 10, null, false)));
        assertThat(found.items()).singleElement().satisfies(p -> {
            assertThat(p.titleCode()).isEqualTo("SENIOR");
            assertThat(p.subjects()).containsExactly("MATH", "SCIENCE");
            assertThat(p.workStartDate()).isEqualTo(LocalDate.of(2008, 9, 1));
        });
        // the same file again: every mobile is now taken, nothing is imported twice
        assertThatThrownBy(() -> Access.as(jks(), () -> roster.importAll(school(), new ByteArrayInputStream(fixed))))
                .isInstanceOfSatisfying(RosterRejected.class, e -> assertThat(e.errors()).hasSize(3)
                        .allSatisfy(x -> assertThat(x.message()).contains("已被其他人员使用")));
    }

    @Test
    void importIntoAnotherSchoolIsRefused() throws IOException {
        byte[] file = roster(new String[][] {{"越权甲", "女", "1985.03", "2007.09", "", "语文", mobile()}});
        long other = Access.asSystem(() -> units.institutions().stream().filter(u -> u.id() != school() && u.kindCode() != null)
                .findFirst().orElseThrow().id());
        assertThatThrownBy(() -> Access.as(jks(), () -> roster.preview(other, new ByteArrayInputStream(file))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Access.as(TestUsers.load(users, "teacher"), () -> roster.importAll(school(), new ByteArrayInputStream(file))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void pageUploadPreviewsThenConfirmImports() throws Exception {
        byte[] bad = roster(new String[][] {{"页面甲", "女", "1985.03", "2007.09", "", "语文", mobile()},
                {"页面乙", "女", "1985.13", "2007.09", "", "语文", mobile()}});
        MockHttpSession session = new MockHttpSession();
        mvc.perform(multipart("/people/import").file(new MockMultipartFile("file", "a.xlsx", null, bad))
                        .param("schoolId", String.valueOf(school())).session(session).with(TestUsers.as(users, "jks")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("未导入任何数据")))
                .andExpect(content().string(Matchers.containsString("第 4 行")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("confirm-import"))));
        byte[] good = roster(new String[][] {{"页面甲", "女", "1985.03", "2007.09", "", "语文", mobile()}});
        String html = mvc.perform(multipart("/people/import").file(new MockMultipartFile("file", "b.xlsx", null, good))
                        .param("schoolId", String.valueOf(school())).session(session).with(TestUsers.as(users, "jks")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("confirm-import")))
                .andReturn().getResponse().getContentAsString();
        String token = html.replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
        mvc.perform(post("/people/import/confirm").param("token", token).session(session)
                        .with(TestUsers.as(users, "jks")).with(csrf()))
                .andExpect(redirectedUrlPattern("/people?schoolId=*"));
        assertThat(Access.as(jks(), () -> people.search(new PersonFilter(null, null, null, null, "页面甲", null, false),
                new PageQuery(1, 10, null, false))).total()).isEqualTo(1);
    }

    /**
     * A roster laid out with merged cells: captions merged across the table are left out and named on the preview page,
     * a teacher whose 姓名 is merged over two rows (a subject per row) is one person with both subjects.
     */
    @Test
    void mergedCaptionsAreLeftOutAndATeacherOverTwoRowsIsOnePerson() throws Exception {
        String m1 = mobile();
        String m2 = mobile();
        byte[] file = roster(new String[][] {
                {"一、语文组"},
                {"合并甲", "女", "1985.03", "2007.09", "一级教师", "语文", m1},
                {"合并乙", "男", "1986.05", "2008.09", "二级教师", "数学", m2},
                {"", "", "", "", "", "科学", ""},
                {"制表人：何雨桐　审核：王校长"},
        });
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(file)); var out = new ByteArrayOutputStream()) {
            var sheet = wb.getSheetAt(0);
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(2, 2, 0, 6));
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(6, 6, 0, 6));
            for (int column : new int[] {0, 1, 2, 3, 4, 6}) {
                sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(4, 5, column, column));
            }
            wb.write(out);
            file = out.toByteArray();
        }
        byte[] merged = file;
        RosterPreview preview = Access.as(jks(), () -> roster.preview(school(), new ByteArrayInputStream(merged)));
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.rows()).extracting(r -> r.data().name()).containsExactly("合并甲", "合并乙");
        assertThat(preview.rows().get(1).data().subjects()).containsExactly("MATH", "SCIENCE");
        assertThat(preview.rows().get(1).data().mobile()).isEqualTo(m2);
        assertThat(preview.skippedRows()).extracting(ParsedSheet.SkippedRow::rowNumber).containsExactly(3, 7);

        mvc.perform(multipart("/people/import").file(new MockMultipartFile("file", "merged.xlsx", null, merged))
                        .param("schoolId", String.valueOf(school())).with(TestUsers.as(users, "jks")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("以下 2 行是跨列合并的标题、说明或重复的表头，不是教师，未导入：第 3 行“一、语文组”；第 7 行“制表人")))
                .andExpect(content().string(Matchers.containsString("confirm-import")));
    }

    /**
     * 出生年月 1985.03 gives no day: the preview, the person's page and the API say 1985年3月 (the API: the 1st with a flag),
     * never an invented 1985年3月1日; saving the form unchanged keeps it so; a full date keeps its day.
     */
    @Test
    void aYearAndMonthWithoutDayIsShownAsAMonth() throws Exception {
        String m1 = mobile();
        byte[] file = roster(new String[][] {
                {"年月甲", "女", "1985.03", "2007年9月", "一级教师", "语文", m1},
                {"年月乙", "男", "1986-05-17", "2008年9月1日", "二级教师", "数学", mobile()}});
        mvc.perform(multipart("/people/import").file(new MockMultipartFile("file", "年月.xlsx", null, file))
                        .param("schoolId", String.valueOf(school())).with(TestUsers.as(users, "jks")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(">1985年3月<")))
                .andExpect(content().string(Matchers.containsString(">2007年9月<")))
                .andExpect(content().string(Matchers.containsString(">1986年5月17日<")))
                .andExpect(content().string(Matchers.containsString(">2008年9月1日<")));
        Access.as(jks(), () -> roster.importAll(school(), new ByteArrayInputStream(file)));
        Person jia = Access.as(jks(), () -> people.search(new PersonFilter(null, null, null, null, "年月甲", null, false),
                new PageQuery(1, 10, null, false))).items().get(0);
        Person yi = Access.as(jks(), () -> people.search(new PersonFilter(null, null, null, null, "年月乙", null, false),
                new PageQuery(1, 10, null, false))).items().get(0);
        assertThat(jia.birthDate()).isEqualTo(LocalDate.of(1985, 3, 1));
        assertThat(jia.birthMonthOnly()).isTrue();
        assertThat(jia.workStartMonthOnly()).isTrue();
        assertThat(yi.birthMonthOnly()).isFalse();
        assertThat(yi.workStartMonthOnly()).isFalse();
        mvc.perform(get("/people/" + jia.id()).with(TestUsers.as(users, "jks")))
                .andExpect(content().string(Matchers.containsString(">1985年3月<")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("1985年3月1日"))))
                .andExpect(content().string(Matchers.containsString(">2007年9月<")));
        mvc.perform(get("/people/" + yi.id()).with(TestUsers.as(users, "jks")))
                .andExpect(content().string(Matchers.containsString(">1986年5月17日<")))
                .andExpect(content().string(Matchers.containsString(">2008年9月1日<")));
        mvc.perform(get("/api/v1/teachers/" + jia.id()).with(httpBasic("jks", TestUsers.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.birthDate").value("1985-03-01"))
                .andExpect(jsonPath("$.birthDateMonthOnly").value(true))
                .andExpect(jsonPath("$.workStartDateMonthOnly").value(true));

        // the edit form carries the flags; saving it with another note keeps the month, a changed day is a day
        mvc.perform(get("/people/" + jia.id() + "/edit").with(TestUsers.as(users, "jks")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*name=\"birthMonthOnly\" value=\"true\".*")));
        mvc.perform(post("/people/" + jia.id() + "/edit").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("version", String.valueOf(jia.version())).param("institutionId", String.valueOf(school()))
                        .param("name", "年月甲").param("gender", "F").param("mobile", m1).param("titleCode", "T1")
                        .param("subjects", "CHINESE").param("birthDate", "1985-03-01").param("birthMonthOnly", "true")
                        .param("workStartDate", "2007-09-01").param("workStartMonthOnly", "true").param("note", "改了备注"))
                .andExpect(status().is3xxRedirection());
        Person saved = Access.as(jks(), () -> people.get(jia.id()));
        assertThat(saved.note()).isEqualTo("改了备注");
        assertThat(saved.birthMonthOnly()).isTrue();
        assertThat(saved.workStartMonthOnly()).isTrue();
        mvc.perform(post("/people/" + jia.id() + "/edit").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("version", String.valueOf(saved.version())).param("institutionId", String.valueOf(school()))
                        .param("name", "年月甲").param("gender", "F").param("mobile", m1).param("titleCode", "T1")
                        .param("subjects", "CHINESE").param("birthDate", "1985-03-15").param("birthMonthOnly", "true")
                        .param("workStartDate", "2007-09-01").param("workStartMonthOnly", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/people/" + jia.id()).with(TestUsers.as(users, "jks")))
                .andExpect(content().string(Matchers.containsString(">1985年3月15日<")))
                .andExpect(content().string(Matchers.containsString(">2007年9月<")));
    }

    /** Many offices' personnel systems still export .xls: it imports as the same roster in .xlsx does. */
    @Test
    void anXlsRosterImportsLikeAnXlsx() throws Exception {
        byte[] xls = roster(new org.apache.poi.hssf.usermodel.HSSFWorkbook(), new String[][] {
                {"旧格式甲", "女", "1985.03", "2007.09", "小学高级", "英语、综合实践", mobile()},
                {"旧格式乙", "男", "1986-05-01", "2008年9月", "中学高级", "数学", mobile()}});
        mvc.perform(multipart("/api/v1/teachers/import").file(new MockMultipartFile("file", "花名册.xls", null, xls))
                        .param("schoolId", String.valueOf(school())).with(httpBasic("jks", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));
        var found = Access.as(jks(), () -> people.search(new PersonFilter(null, null, null, null, "旧格式甲", null, false),
                new PageQuery(1, 10, null, false)));
        assertThat(found.items()).singleElement().satisfies(p -> {
            assertThat(p.titleCode()).isEqualTo("T1");
            assertThat(p.subjects()).containsExactly("ENGLISH", "PRACTICE");
            assertThat(p.birthDate()).isEqualTo(LocalDate.of(1985, 3, 1));
        });
    }

    /**
     * A school's roster with everything at once: an instructions sheet, a sheet per group, a title and section captions
     * merged across, a two-row header (联系方式 over 手机号码 and 邮箱), a teacher over two rows, a signature line.
     */
    @Test
    void aGroupedRosterWithATwoRowHeaderIsReadAsTheSchoolMeantIt() throws IOException {
        byte[] file = new ClassPathResource("excel/roster-grouped.xlsx").getContentAsByteArray();
        RosterPreview preview = Access.as(jks(), () -> roster.preview(school(), new ByteArrayInputStream(file)));
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.sheetsRead()).containsExactly("语文组", "数学组");
        assertThat(preview.sheetsNotRead()).containsExactly("填表说明");
        assertThat(preview.ignoredHeaders()).containsExactly("邮箱");
        assertThat(preview.rows()).extracting(r -> r.sheet() + " " + r.rowNumber() + " " + r.data().name())
                .containsExactly("语文组 5 周晓燕", "语文组 6 王海燕", "语文组 9 李明", "数学组 2 马丽", "数学组 3 郭建国");
        PersonData wang = preview.rows().get(1).data();
        assertThat(wang.subjects()).containsExactly("CHINESE", "MORALITY");
        assertThat(wang.mobile()).isEqualTo("13900010002");
        assertThat(wang.titleCode()).isEqualTo("SENIOR");
        assertThat(preview.rows().get(0).data().mobile()).isEqualTo("13900010001");
        assertThat(preview.skippedRows()).extracting(ParsedSheet.SkippedRow::place)
                .containsExactly("语文组 第 4 行", "语文组 第 8 行", "语文组 第 10 行");
    }

    /** The ID card number fills a blank birth date and sex; an unreadable one is an error only where it is needed. */
    @Test
    void theIdCardNumberFillsABlankBirthDateAndSex() throws Exception {
        String[] headers = {"姓名", "性别", "出生日期", "身份证号码", "联系电话"};
        String[][] rows = {{"身份甲", "", "", "330102198804120034", mobile()},
                {"身份乙", "女", "1990-05-01", "330102198804120035", mobile()}, // not needed: its own cells are filled
                {"身份丙", "", "", "330102198804120000", mobile()}};
        byte[] file;
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("名单");
            String[][] all = new String[rows.length + 1][];
            all[0] = headers;
            System.arraycopy(rows, 0, all, 1, rows.length);
            for (int r = 0; r < all.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < all[r].length; c++) row.createCell(c).setCellValue(all[r][c]);
            }
            wb.write(out);
            file = out.toByteArray();
        }
        RosterPreview preview = Access.as(jks(), () -> roster.preview(school(), new ByteArrayInputStream(file)));
        assertThat(preview.ignoredHeaders()).isEmpty();
        assertThat(preview.errors()).extracting(ImportError::display).singleElement().asString()
                .startsWith("第 4 行 · 身份证号码 · 身份证号码无法识别");
        assertThat(preview.rows()).extracting(r -> r.data().name()).containsExactly("身份甲", "身份乙");
        assertThat(preview.rows().get(0).data().birthDate()).isEqualTo(LocalDate.of(1988, 4, 12));
        assertThat(preview.rows().get(0).data().gender()).isEqualTo("M");
        assertThat(preview.rows().get(1).data().birthDate()).isEqualTo(LocalDate.of(1990, 5, 1));
        assertThat(preview.rows().get(1).data().gender()).isEqualTo("F");
        // the template does not ask for the number
        byte[] template = mvc.perform(get("/people/import/template").with(TestUsers.as(users, "jks")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            var header = wb.getSheetAt(0).getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("姓名");
            assertThat(header.getLastCellNum()).isGreaterThan((short) 5);
            for (var cell : header) assertThat(cell.getStringCellValue()).doesNotContain("身份证");
        }
    }

    /** A roster as one sheet per group: both sheets are read, and every error says which sheet it is on. */
    @Test
    void aRosterInSeveralSheetsIsReadWholeAndErrorsNameTheSheet() throws Exception {
        String shared = mobile();
        byte[] file;
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            String[][][] sheets = {
                    {{"姓名", "性别", "出生年月", "联系电话"}, {"分表甲", "女", "1985.03", shared}, {"分表乙", "男", "1986.13", mobile()}},
                    {{"姓名", "性别", "出生年月", "联系电话"}, {"分表丙", "女", "1987.05", shared}}};
            String[] names = {"语文组", "数学组"};
            for (int i = 0; i < sheets.length; i++) {
                var sheet = wb.createSheet(names[i]);
                for (int r = 0; r < sheets[i].length; r++) {
                    var row = sheet.createRow(r);
                    for (int c = 0; c < sheets[i][r].length; c++) row.createCell(c).setCellValue(sheets[i][r][c]);
                }
            }
            wb.write(out);
            file = out.toByteArray();
        }
        RosterPreview preview = Access.as(jks(), () -> roster.preview(school(), new ByteArrayInputStream(file)));
        assertThat(preview.sheetsRead()).containsExactly("语文组", "数学组");
        assertThat(preview.errors()).extracting(ImportError::display).containsExactly(
                "语文组 第 3 行 · 出生日期 · 日期无法识别：1986.13",
                "数学组 第 2 行 · 手机号码 · 手机号码与语文组 第 2 行重复");
        mvc.perform(multipart("/people/import").file(new MockMultipartFile("file", "分组.xlsx", null, file))
                        .param("schoolId", String.valueOf(school())).with(TestUsers.as(users, "jks")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("读取了 2 个工作表：语文组、数学组")))
                .andExpect(content().string(Matchers.containsString("数学组 第 2 行")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("confirm-import"))));
    }

    /** A CSV saved by Excel on a Chinese Windows (GB18030), with ID numbers kept whole as text: it imports like a workbook. */
    @Test
    void aCsvRosterInGb18030Imports() throws Exception {
        String m1 = mobile();
        String csv = "序号,姓名,性别,出生年月,身份证号码,职称,任教学科,联系电话\r\n"
                + "1,表格甲,,,330102198804120034,小学高级,\"英语、综合实践\"," + m1 + "\r\n"
                + "2,表格乙,女,1986.05,,中学高级,数学," + mobile() + "\r\n";
        byte[] file = csv.getBytes(java.nio.charset.Charset.forName("GB18030"));
        mvc.perform(multipart("/people/import").file(new MockMultipartFile("file", "花名册.csv", "text/csv", file))
                        .param("schoolId", String.valueOf(school())).with(TestUsers.as(users, "jks")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("检查通过，可以导入 2 人。")))
                .andExpect(content().string(Matchers.containsString("1988年4月12日")));
        assertThat(Access.as(jks(), () -> roster.importAll(school(), new ByteArrayInputStream(file)))).isEqualTo(2);
        var found = Access.as(jks(), () -> people.search(new PersonFilter(null, null, null, null, "表格甲", null, false),
                new PageQuery(1, 10, null, false)));
        assertThat(found.items()).singleElement().satisfies(p -> {
            assertThat(p.birthDate()).isEqualTo(LocalDate.of(1988, 4, 12));
            assertThat(p.gender()).isEqualTo("M");
            assertThat(p.subjects()).containsExactly("ENGLISH", "PRACTICE");
            assertThat(p.mobile()).isEqualTo(m1);
        });
    }

    /** A long roster: the page lists the first 500 rows and says how many more the import takes. */
    @Test
    void aLongPreviewListsTheFirstRowsAndCountsTheRest() throws Exception {
        String[][] rows = new String[620][];
        for (int i = 0; i < rows.length; i++) rows[i] = new String[] {"长名单" + "甲乙丙丁戊己庚辛".charAt(i % 8), "女", "1985.03", "2007.09", "", "语文", mobile()};
        String html = mvc.perform(multipart("/people/import").file(new MockMultipartFile("file", "long.xlsx", null, roster(rows)))
                        .param("schoolId", String.valueOf(school())).with(TestUsers.as(users, "jks")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("检查通过，可以导入 620 人。")))
                .andExpect(content().string(Matchers.containsString("上表列出前 500 行，另有 120 行未列出，确认导入时一并导入。")))
                .andReturn().getResponse().getContentAsString();
        String table = html.substring(html.indexOf("id=\"import-rows\""), html.indexOf("id=\"import-rows-more\""));
        assertThat(table.split("<tr>", -1)).hasSize(1 + 1 + 500); // before the header row, the header, 500 rows
    }

    /** The same caption rows typed into the 姓名 column without merging are refused, never imported as people. */
    @Test
    void notesAndTotalsInTheNameColumnAreRowErrors() throws IOException {
        byte[] file = roster(new String[][] {
                {"注释甲", "女", "1985.03", "2007.09", "一级教师", "语文", mobile()},
                {"制表人：何雨桐"},
                {"合计", "", "", "", "", "", ""},
                {"共 45 人"},
                {"阿依古丽·买买提", "女", "1990.01", "2012.09", "", "音乐", mobile()},
                {"李明（大）", "男", "1990.02", "2012.09", "", "体育", mobile()},
        });
        assertThatThrownBy(() -> Access.as(jks(), () -> roster.importAll(school(), new ByteArrayInputStream(file))))
                .isInstanceOfSatisfying(RosterRejected.class, e -> assertThat(e.errors())
                        .extracting(ImportError::display)
                        .containsExactly("第 4 行 · 姓名 · “制表人：何雨桐”不像人名（含有数字或标点，或是合计行）。说明、签名、合计等行请删除后再上传",
                                "第 5 行 · 姓名 · “合计”不像人名（含有数字或标点，或是合计行）。说明、签名、合计等行请删除后再上传",
                                "第 6 行 · 姓名 · “共 45 人”不像人名（含有数字或标点，或是合计行）。说明、签名、合计等行请删除后再上传"));
    }

    @Test
    void apiImportAnswers422WithRowErrorsOr200WithTheCount() throws Exception {
        byte[] bad = roster(new String[][] {{"接口甲", "未知", "1985.03", "2007.09", "", "语文", mobile()}});
        mvc.perform(multipart("/api/v1/teachers/import").file(new MockMultipartFile("file", "a.xlsx", null, bad))
                        .param("schoolId", String.valueOf(school())).with(httpBasic("jks", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("性别"))
                .andExpect(jsonPath("$.detail", Matchers.containsString("未导入任何数据")));
        byte[] good = roster(new String[][] {{"接口甲", "男", "1985.03", "2007.09", "", "语文", mobile()},
                {"接口乙", "女", "1986.04", "2008.09", "二级", "英语", mobile()}});
        mvc.perform(multipart("/api/v1/teachers/import").file(new MockMultipartFile("file", "b.xlsx", null, good))
                        .param("schoolId", String.valueOf(school())).with(httpBasic("jks", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));
    }

    @Test
    void exportAndTemplateAreRealWorkbooks() throws Exception {
        byte[] xlsx = mvc.perform(get("/people/export").param("subject", "CHINESE").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("教师名单"); // the printed title row
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("姓名");
            assertThat(sheet.getLastRowNum()).isGreaterThan(2);
            assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).contains("语文");
        }
        byte[] template = mvc.perform(get("/people/import/template").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        RosterPreview preview = Access.as(jks(), () -> roster.preview(school(), new ByteArrayInputStream(template)));
        assertThat(preview.errors()).as("the template's sample row is itself valid").isEmpty();
        assertThat(preview.rows()).hasSize(1);
        assertThat(List.of(preview.rows().get(0).data().titleCode())).containsExactly("T1");
    }
}
