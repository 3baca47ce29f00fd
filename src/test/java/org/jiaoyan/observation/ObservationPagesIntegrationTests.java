package org.jiaoyan.observation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The observation, form and mentoring pages: entry keeps input and shows errors at the row, designer, fragments. */
@JiaoyanIntegrationTest
class ObservationPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Observations observations;
    @Autowired EvaluationForms forms;

    @Test
    void entryFormOffersTheSchoolsFormsWithOneNumberInputPerCriterionAndALiveTotal() throws Exception {
        mvc.perform(get("/observations/new").with(TestUsers.as(users, "teacher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("inputmode=\"decimal\"")))
                .andExpect(content().string(containsString("id=\"observation-total\"")))
                .andExpect(content().string(containsString("课堂评价表")))
                .andExpect(content().string(containsString("/assets/js/observation-form.js")));
    }

    @Test
    void badScoresAndAMissingTopicAreShownAtTheirFieldsWithWhatWasTyped() throws Exception {
        CurrentUser teacher = TestUsers.load(users, "teacher");
        EvaluationForm form = Access.as(teacher, () -> observations.usableForms()).get(0);
        FormVersion v = Access.as(teacher, () -> forms.current(form.id()));
        long colleague = Access.as(teacher, () -> observations.colleagues()).get(0).id();
        var request = post("/observations/new").with(TestUsers.as(users, "teacher")).with(csrf())
                .param("teacherId", String.valueOf(colleague)).param("observedOn", LocalDate.now().toString())
                .param("lessonType", "OPEN").param("formId", String.valueOf(form.id()))
                .param("strengths", "板书工整清楚")
                .param("scores[" + v.criteria().get(0).id() + "]", "99")
                .param("scores[" + v.criteria().get(1).id() + "]", "七");
        mvc.perform(request).andExpect(status().isOk())
                .andExpect(content().string(containsString("板书工整清楚")))
                .andExpect(content().string(containsString("value=\"99\"")))
                .andExpect(content().string(containsString("请输入数字")))
                .andExpect(content().string(not(containsString("分值应在")))) // type errors first; ranges once numbers
                .andExpect(content().string(containsString("is-invalid")));
        var fixed = post("/observations/new").with(TestUsers.as(users, "teacher")).with(csrf())
                .param("teacherId", String.valueOf(colleague)).param("observedOn", LocalDate.now().toString())
                .param("lessonType", "OPEN").param("formId", String.valueOf(form.id())).param("topic", "《页面测试》");
        for (Criterion c : v.criteria()) {
            if (!c.textField()) {
                fixed.param("scores[" + c.id() + "]", v.weighted() ? "4" : c.pointsOrZero().toPlainString());
            }
        }
        mvc.perform(fixed).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/observations/*"));
        var missing = post("/observations/new").with(TestUsers.as(users, "teacher")).with(csrf())
                .param("teacherId", String.valueOf(colleague)).param("observedOn", LocalDate.now().toString())
                .param("lessonType", "OPEN").param("formId", String.valueOf(form.id()))
                .param("scores[" + v.criteria().get(0).id() + "]", "1000");
        mvc.perform(missing).andExpect(status().isOk())
                .andExpect(content().string(containsString("分值应在")))
                .andExpect(content().string(containsString("请评分")));
    }

    @Test
    void listAnswersHtmxWithTheResultsFragmentOnly() throws Exception {
        mvc.perform(get("/observations?whose=MINE").with(TestUsers.as(users, "teacher")).header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("observations-table")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void departmentHeadFindsTheDefaultFormsAndTheDesignerShowsAPointsErrorAtItsRow() throws Exception {
        mvc.perform(get("/forms").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("课堂评价表"))).andExpect(content().string(containsString("课堂观察量表")));
        mvc.perform(post("/forms/new").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("school", String.valueOf(TestUsers.load(users, "jks").institutionId()))
                        .param("name", "设计器测试").param("scoring", "POINTS")
                        .param("criteria[0].group", "教学目标").param("criteria[0].name", "目标明确").param("criteria[0].points", "十"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请输入数字")))
                .andExpect(content().string(containsString("value=\"目标明确\"")));
        mvc.perform(get("/forms/new").with(TestUsers.as(users, "teacher"))).andExpect(status().isForbidden());
        mvc.perform(post("/forms/new").with(TestUsers.as(users, "teacher")).with(csrf())
                        .param("school", String.valueOf(TestUsers.load(users, "teacher").institutionId()))
                        .param("name", "教师不能建表").param("scoring", "POINTS")
                        .param("criteria[0].group", "教学目标").param("criteria[0].name", "目标明确").param("criteria[0].points", "10"))
                .andExpect(status().isForbidden());
    }

    @Test
    void mentoringPagesShowTheDemoPairsAndTheWeeklyView() throws Exception {
        mvc.perform(get("/mentoring").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("pairs-table")));
        mvc.perform(get("/mentoring/weeks").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("week-matrix")))
                .andExpect(content().string(containsString("data-pair-id")));
        mvc.perform(get("/mentoring/new").with(TestUsers.as(users, "jks"))).andExpect(status().isOk());
    }
}
