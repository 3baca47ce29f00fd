package org.jiaoyan.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.activity.ActivityData;
import org.jiaoyan.org.People;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ChineseDates;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The archive box: items by the school's categories, the .zip with Chinese names in category order and its catalogue,
 * the office's categories, the teacher's handbook, and who may do what. Teachers 60–99 of jks's school.
 */
@JiaoyanIntegrationTest
class ArchiveBoxIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Projects projects;
    @Autowired ProjectStages stages;
    @Autowired ArchiveBox box;
    @Autowired Handbook handbook;
    @Autowired JdbcClient jdbc;
    @Autowired People people;
    @Autowired Activities activities;

    ResearchFixtures fx() {
        return new ResearchFixtures(users, projects, stages, jdbc, people);
    }

    private ArchiveBox.BoxItem upload(CurrentUser as, long projectId, String category, String title, String name) {
        return Access.as(as, () -> {
            try {
                return box.upload(projectId, category, title, name,
                        new ByteArrayInputStream(("内容：" + name).getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    @Test
    void theZipHoldsTheBoxByCategoryInOrderWithReadableNamesAndACatalogue() throws Exception {
        ResearchFixtures fx = fx();
        CurrentUser jks = fx.user("jks");
        List<Long> people = fx.teachers(60, 2);
        long id = fx.project("档案盒导出测试课题", people);
        fx.document(id, "申报书.txt");
        upload(jks, id, BoxItems.PROCESS, "三月过程资料", "三月资料.txt");
        upload(jks, id, BoxItems.TEACHER, "论文一", "论文.txt");
        upload(jks, id, BoxItems.TEACHER, "论文二", "论文.txt");
        upload(jks, id, BoxItems.STUDENT, "学生作品/优秀", "作品:1.txt");
        ArchiveBox.BoxItem gone = upload(jks, id, BoxItems.STUDENT, "删掉的材料", "删掉.txt");
        Access.as(jks, () -> {
            box.removeItem(id, gone.id());
            return null;
        });

        byte[] zip = mvc.perform(get("/projects/" + id + "/box.zip").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.containsString(
                        "filename*=UTF-8''" + java.net.URLEncoder.encode("《档案盒导出测试课题》档案盒.zip", StandardCharsets.UTF_8)
                                .replace("+", "%20"))))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries.keySet()).containsExactly("档案目录.xlsx", "档案目录.docx",
                "1 文本资料/", "1 文本资料/申报书.txt",
                "2 研究过程材料/", "2 研究过程材料/三月资料.txt",
                "3 教师成果材料/", "3 教师成果材料/论文.txt", "3 教师成果材料/论文 (2).txt",
                "4 学生成果材料/", "4 学生成果材料/作品_1.txt");
        assertThat(new String(entries.get("2 研究过程材料/三月资料.txt"), StandardCharsets.UTF_8)).isEqualTo("内容：三月资料.txt");

        String today = ChineseDates.date(LocalDate.now());
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(entries.get("档案目录.xlsx")))) {
            Sheet s = wb.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            for (Row r : s) {
                List<String> cells = new ArrayList<>();
                r.forEach(c -> cells.add(f.formatCellValue(c)));
                rows.add(cells);
            }
        }
        assertThat(rows.get(0).get(0)).isEqualTo("《档案盒导出测试课题》档案目录");
        assertThat(rows.get(1)).containsExactly("序号", "类别", "材料名称", "文件名", "日期", "大小");
        assertThat(rows.subList(2, rows.size())).extracting(r -> r.subList(0, 5)).containsExactly(
                List.of("1", "文本资料", "申报书.txt", "申报书.txt", today),
                List.of("2", "研究过程材料", "三月过程资料", "三月资料.txt", today),
                List.of("3", "教师成果材料", "论文一", "论文.txt", today),
                List.of("4", "教师成果材料", "论文二", "论文.txt", today),
                List.of("5", "学生成果材料", "学生作品/优秀", "作品:1.txt", today));
        String docx = StageTemplates.text(entries.get("档案目录.docx"));
        assertThat(docx).contains("《档案盒导出测试课题》档案目录", "序号", "三月过程资料", "论文二", "作品:1.txt", today)
                .doesNotContain("删掉的材料");

        // the page lists the same, by category
        mvc.perform(get("/projects/" + id + "/box").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        Matchers.allOf(Matchers.containsString("三月过程资料"), Matchers.containsString("2 研究过程材料"),
                                Matchers.not(Matchers.containsString("删掉的材料")))));
    }

    @Test
    void theOfficeRenamesAddsAndRemovesCategoriesButNotOneInUse() throws Exception {
        ResearchFixtures fx = fx();
        CurrentUser jks = fx.user("jks");
        long school = jks.institutionId();
        List<Long> people = fx.teachers(64, 2);
        long id = fx.project("档案盒类别测试课题", people);
        fx.document(id, "开题.txt");
        try {
            Access.as(jks, () -> {
                box.rename(school, BoxItems.TEXT, "课题文本");
                return null;
            });
            Map<String, byte[]> entries = unzip(mvc.perform(get("/projects/" + id + "/box.zip").with(TestUsers.as(users, "jks")))
                    .andReturn().getResponse().getContentAsByteArray());
            assertThat(entries).containsKey("1 课题文本/开题.txt");

            // a used category cannot go, with a message naming it
            assertThatThrownBy(() -> Access.as(jks, () -> {
                box.remove(school, BoxItems.TEXT);
                return null;
            })).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("researchbox.category.used"));
            mvc.perform(post("/research/box-categories/TEXT/delete").with(TestUsers.as(users, "jks")).with(csrf()))
                    .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashError", "researchbox.category.used"));

            // validation: required, unique, ≤ 50
            assertThatThrownBy(() -> Access.as(jks, () -> box.add(school, "研究过程材料")))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("researchbox.category.duplicate"));
            assertThatThrownBy(() -> Access.as(jks, () -> box.add(school, " "))).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> Access.as(jks, () -> box.add(school, "长".repeat(51)))).isInstanceOf(ValidationException.class);

            // added at the end, moved up, removed while empty
            String code = Access.as(jks, () -> box.add(school, "获奖证书"));
            assertThat(code).startsWith("C");
            Access.as(jks, () -> {
                box.move(school, code, true);
                return null;
            });
            assertThat(Access.as(jks, () -> box.categories(school))).extracting(ArchiveBox.BoxCategory::name)
                    .containsExactly("课题文本", "研究过程材料", "教师成果材料", "获奖证书", "学生成果材料");
            mvc.perform(get("/research/box-categories").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(Matchers.containsString("获奖证书")));
            mvc.perform(post("/research/box-categories/" + code + "/delete").with(TestUsers.as(users, "jks")).with(csrf()))
                    .andExpect(flash().attribute("flashSuccess", "researchbox.category.removed"));
            assertThat(Access.as(jks, () -> box.categories(school))).extracting(ArchiveBox.BoxCategory::name)
                    .doesNotContain("获奖证书");

            // a plain teacher of the school cannot change them
            CurrentUser member = ResearchFixtures.person(people.get(1), school);
            assertThatThrownBy(() -> Access.as(member, () -> {
                box.rename(school, BoxItems.PROCESS, "乱改");
                return null;
            })).isInstanceOf(ForbiddenException.class);
            mvc.perform(post("/research/box-categories/PROCESS/rename").param("name", "乱改")
                    .with(TestUsers.as(users, "teacher")).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(get("/research/box-categories").with(TestUsers.as(users, "teacher"))).andExpect(status().isForbidden());
        } finally {
            Access.as(jks, () -> {
                box.rename(school, BoxItems.TEXT, "文本资料");
                return null;
            });
        }
    }

    @Test
    void theHandbookHoldsWhatTheTeacherRecorded() throws Exception {
        ResearchFixtures fx = fx();
        CurrentUser jks = fx.user("jks");
        long school = jks.institutionId();
        List<Long> people = fx.teachers(70, 3);
        long id = fx.approved("手册测试课题", people);
        long member = people.get(1);
        String name = jdbc.sql("select name from person where id = ?").param(member).query(String.class).single();
        jdbc.sql("insert into research_week_plan (project_id, week_start, content, person_id) values (?, ?, ?, ?)")
                .params(id, LocalDate.of(2026, 3, 2), "整理课堂观察记录表", member).update();
        jdbc.sql("insert into research_week_plan (project_id, week_start, content, person_id) values (?, ?, ?, ?)")
                .params(id, LocalDate.of(2026, 3, 9), "别人的计划", people.get(2)).update();
        long term = jdbc.sql("select id from school_term order by id limit 1").query(Long.class).single();
        jdbc.sql("insert into research_paper (project_id, person_id, term_id, title, written_on, published_in) values (?, ?, ?, ?, ?, ?)")
                .params(id, member, term, "小学语文阅读教学中的追问", LocalDate.of(2026, 4, 1), "县教育学会论文评比一等奖").update();
        jdbc.sql("insert into research_study (project_id, studied_on, topic, reading) values (?, ?, ?, ?)")
                .params(id, LocalDate.of(2026, 3, 5), "学习课程标准", "《义务教育语文课程标准》").update();

        Project project = Access.as(jks, () -> projects.get(id));
        long type = Access.as(jks, () -> activities.types()).stream().filter(t -> t.name().equals("教研活动"))
                .findFirst().orElseThrow().id();
        LocalDateTime at = LocalDateTime.now().minusDays(1).withHour(15).withMinute(0).withSecond(0).withNano(0);
        long activity = Access.as(jks, () -> activities.create(new ActivityData(project.groupId(), type, "课题组追问策略研讨",
                at, at.plusHours(1), null, false, null)));
        Access.as(jks, () -> {
            activities.signInByHand(activity, member);
            return null;
        });

        CurrentUser self = ResearchFixtures.person(member, school);
        byte[] bytes = mvc.perform(get("/projects/" + id + "/handbook/" + member + ".docx").with(user(self)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.containsString(
                        java.net.URLEncoder.encode("《教师课题手册》", StandardCharsets.UTF_8))))
                .andReturn().getResponse().getContentAsByteArray();
        String text = StageTemplates.text(bytes);
        assertThat(text).contains("教师课题手册", "手册测试课题", "T-" + id, name, "课题组成员", "子任务：" + name,
                "整理课堂观察记录表", "小学语文阅读教学中的追问", "课题组追问策略研讨", "县教育学会论文评比一等奖", "学习课程标准", "2026年3月2日")
                .doesNotContain("别人的计划");

        // a member reads only their own; the lead and the office anyone's
        long other = people.get(2);
        mvc.perform(get("/projects/" + id + "/handbook/" + other + ".docx").with(user(self))).andExpect(status().isForbidden());
        mvc.perform(get("/projects/" + id + "/handbook/" + other + ".docx").with(user(ResearchFixtures.person(people.get(0), school))))
                .andExpect(status().isOk());
        mvc.perform(get("/projects/" + id + "/handbook/" + other + ".docx").with(TestUsers.as(users, "jks"))).andExpect(status().isOk());
        // someone not in the project is no member: 404
        mvc.perform(get("/projects/" + id + "/handbook/" + fx.teachers(75, 1).get(0) + ".docx").with(TestUsers.as(users, "jks")))
                .andExpect(status().isNotFound());
        assertThat(Access.as(jks, () -> handbook.docx(id, people.get(0)))).isNotEmpty();
    }

    @Test
    void anotherSchoolsUserGets404OnEveryUrlAndAMemberCannotFile() throws Exception {
        ResearchFixtures fx = fx();
        CurrentUser jks = fx.user("jks");
        long school = jks.institutionId();
        List<Long> people = fx.teachers(80, 2);
        long id = fx.project("档案盒权限测试课题", people);
        ArchiveBox.BoxItem item = upload(jks, id, BoxItems.TEXT, "权限材料", "权限.txt");
        long doc = Access.as(jks, () -> {
            try {
                return stages.addDocument(id, ProjectStage.APPLICATION, "申报书.txt",
                        new ByteArrayInputStream("申报".getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).id();
        long member = people.get(1);

        for (String url : List.of("/projects/" + id + "/box", "/projects/" + id + "/box.zip",
                "/projects/" + id + "/box/items/" + item.id(), "/projects/" + id + "/handbook/" + member + ".docx",
                "/projects/" + id + "/stage-document/APPLICATION.docx", "/projects/" + id + "/documents/" + doc,
                "/projects/" + id + "/documents/" + doc + "/file", "/research/box-categories?school=" + school,
                "/research/templates?school=" + school, "/research/templates/APPLICATION.docx?school=" + school)) {
            mvc.perform(get(url).with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        }
        for (String url : List.of("/projects/" + id + "/box/items/" + item.id() + "/delete",
                "/research/box-categories/TEXT/rename?school=" + school + "&name=x",
                "/research/box-categories/TEXT/delete?school=" + school, "/research/box-categories?school=" + school + "&name=x",
                "/research/templates/APPLICATION/reset?school=" + school)) {
            mvc.perform(post(url).with(TestUsers.as(users, "teacher2")).with(csrf())).andExpect(status().isNotFound());
        }
        mvc.perform(multipart("/projects/" + id + "/box/upload").file(new MockMultipartFile("file", "x.txt", "text/plain",
                        "x".getBytes(StandardCharsets.UTF_8))).param("category", "TEXT")
                .with(TestUsers.as(users, "teacher2")).with(csrf())).andExpect(status().isNotFound());

        // a plain member reads the box but does not file into it or take out of it
        CurrentUser m = ResearchFixtures.person(member, school);
        mvc.perform(get("/projects/" + id + "/box").with(user(m))).andExpect(status().isOk());
        mvc.perform(post("/projects/" + id + "/box/items/" + item.id() + "/delete").with(user(m)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/projects/" + id + "/stage-document/APPLICATION.docx").with(user(m))).andExpect(status().isForbidden());
        // the lead uploads through the page
        mvc.perform(multipart("/projects/" + id + "/box/upload").file(new MockMultipartFile("file", "学生习作.txt", "text/plain",
                        "习作".getBytes(StandardCharsets.UTF_8))).param("category", "STUDENT").param("title", "")
                .with(user(ResearchFixtures.person(people.get(0), school))).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "researchbox.uploaded"));
        // a refused upload says why and keeps what was chosen and typed
        mvc.perform(multipart("/projects/" + id + "/box/upload").file(new MockMultipartFile("file", "a.txt", "text/plain",
                        "a".getBytes(StandardCharsets.UTF_8))).param("category", "NOPE").param("title", "保留的标题")
                .with(user(ResearchFixtures.person(people.get(0), school))).with(csrf()))
                .andExpect(flash().attribute("flashError", "researchbox.category.unknown"))
                .andExpect(flash().attribute("boxTitle", "保留的标题")).andExpect(flash().attribute("boxCategory", "NOPE"));
        assertThat(Access.as(jks, () -> box.box(id))).filteredOn(s -> s.category().code().equals(BoxItems.STUDENT))
                .flatExtracting(ArchiveBox.Section::items).extracting(ArchiveBox.BoxItem::title).containsExactly("学生习作");
    }
}
