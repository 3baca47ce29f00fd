package org.jiaoyan.research;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.People;
import org.jiaoyan.org.PersonData;
import org.jiaoyan.research.ProjectStages.DecisionData;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What research tests share: the demo accounts, fresh teachers of jks's school (not yet in any project), a project
 * made by jks (the school's 教科室) with members and a task each, a stage document, and 立项 in one call.
 */
public record ResearchFixtures(UserDetailsService users, Projects projects, ProjectStages stages, JdbcClient jdbc,
                               People people) {

    public CurrentUser user(String name) {
        return TestUsers.load(users, name);
    }

    /** A teacher of the institution signed in with the self-only scope every teacher has. */
    public static CurrentUser person(long personId, long institutionId) {
        return new CurrentUser(0, "p" + personId, "教师" + personId, personId, institutionId, Set.of(Role.TEACHER),
                new DataScope(false, Set.of(), Set.of(), Set.of(), personId), "", true, true);
    }

    /**
     * n new teachers of jks's school, made for the test (the demo school is small and other tests use its people);
     * salt keeps names apart between tests (rwork 20–59, rbox 60–99, rreview 100–139, lifecycle 140–).
     */
    public List<Long> teachers(int salt, int n) {
        CurrentUser jks = user("jks");
        long school = jks.institutionId();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            long serial = SERIAL.incrementAndGet();
            String name = "课题" + NAMES[(int) (serial % NAMES.length)] + salt + "-" + serial;
            ids.add(Access.as(jks, () -> people.create(new PersonData(school, name, "F",
                    "139" + String.format("%08d", (System.nanoTime() / 1000 + serial) % 100_000_000L),
                    LocalDate.of(1988, 3, 1), LocalDate.of(2010, 9, 1), null, false, null, List.of(), List.of(), List.of()))));
        }
        return ids;
    }

    private static final java.util.concurrent.atomic.AtomicLong SERIAL = new java.util.concurrent.atomic.AtomicLong();
    private static final String[] NAMES = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"};

    /** A school-level project of jks's school led by the first person with the others as members, at 申报. */
    public long project(String title, List<Long> people) {
        CurrentUser jks = user("jks");
        return Access.as(jks, () -> {
            long id = projects.create(new ProjectData(jks.institutionId(), null, null, ProjectLevel.SCHOOL, false, title,
                    people.get(0), "语文", LocalDate.now().minusMonths(1), LocalDate.now().plusYears(1), "研究摘要"));
            projects.setMembers(id, people.subList(1, people.size()));
            return id;
        });
    }

    /** Gives every member one task due in a month. */
    public void taskEach(long projectId) {
        CurrentUser jks = user("jks");
        Access.as(jks, () -> {
            for (ProjectMember m : projects.members(projectId)) {
                projects.addTask(projectId, m.personId(), "子任务：" + m.name(), LocalDate.now().plusMonths(1));
            }
            return null;
        });
    }

    /** Files a small text document for the project's current stage. */
    public void document(long projectId, String fileName) {
        CurrentUser jks = user("jks");
        Access.as(jks, () -> {
            Project p = projects.get(projectId);
            try {
                return stages.addDocument(projectId, p.stage(), fileName,
                        new ByteArrayInputStream(("材料：" + p.title()).getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Submits the current stage (as jks) after filing a document for it. */
    public void submit(long projectId) {
        document(projectId, "材料.txt");
        CurrentUser jks = user("jks");
        Access.as(jks, () -> {
            stages.submit(projectId, projects.get(projectId).version());
            return null;
        });
    }

    /** The decider (an office user who is not a member) decides the current stage. */
    public void decide(CurrentUser decider, long projectId, DecisionData d) {
        Access.as(decider, () -> {
            stages.decide(projectId, projects.get(projectId).version(), d);
            return null;
        });
    }

    /** A project taken through 申报 and 立项 (tasks, document, approval number "T-" + id) by jks. */
    public long approved(String title, List<Long> people) {
        long id = project(title, people);
        taskEach(id);
        submit(id);
        decide(user("jks"), id, new DecisionData(Decision.PASS, null, "T-" + id, "实验小学教科室〔2026〕1号"));
        return id;
    }
}
