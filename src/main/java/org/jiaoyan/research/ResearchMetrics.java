package org.jiaoyan.research;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.metrics.Evidence;
import org.jiaoyan.metrics.EvidenceSource;
import org.jiaoyan.metrics.MetricDefinition;
import org.jiaoyan.metrics.MetricSource;
import org.jiaoyan.metrics.PeriodBuckets;
import org.jiaoyan.metrics.SubjectKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the rules read from research projects: the monthly process material a 课题组 filed (每月第一周上报), each
 * member's papers (每学期一篇课题论文) and tasks, stages submitted by their due date, and theory-study sessions. Group
 * metrics count per the project's 课题组 (research_project.group_id). One grouped query per call, also for many
 * periods at once; the evidence lists the records, linked to the project's 过程管理 page.
 */
@Component
class ResearchMetrics implements MetricSource, EvidenceSource {

    static final String MONTHLY_MATERIAL = "research.monthly-material";
    static final String MEMBER_PAPERS = "research.member-papers";
    static final String MEMBER_TASKS = "research.member-tasks";
    static final String STAGES_ON_TIME = "research.stages-on-time";
    static final String STUDY_SESSIONS = "research.study-sessions";

    private final JdbcClient jdbc;

    ResearchMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<MetricDefinition> definitions() {
        return List.of(new MetricDefinition(MONTHLY_MATERIAL, SubjectKind.GROUP, "metric.research.monthly-material"),
                new MetricDefinition(MEMBER_PAPERS, SubjectKind.TEACHER, "metric.research.member-papers"),
                new MetricDefinition(MEMBER_TASKS, SubjectKind.TEACHER, "metric.research.member-tasks"),
                new MetricDefinition(STAGES_ON_TIME, SubjectKind.GROUP, "metric.research.stages-on-time"),
                new MetricDefinition(STUDY_SESSIONS, SubjectKind.GROUP, "metric.research.study-sessions"));
    }

    /** What a metric counts: the subject column, the date column, the from clause with its conditions, the title. */
    private record Rows(String subject, String day, String fromWhere, String title) {
    }

    private static Rows rows(String metricId) {
        return switch (metricId) {
            case MONTHLY_MATERIAL -> new Rows("p.group_id", "m.filed_on", """
                    from research_material m join research_project p on p.id = m.project_id
                     where m.deleted_at is null and p.deleted_at is null""", "m.title");
            case MEMBER_PAPERS -> new Rows("r.person_id", "r.written_on", """
                    from research_paper r join research_project p on p.id = r.project_id
                     where r.deleted_at is null and p.deleted_at is null""", "r.title");
            case MEMBER_TASKS -> new Rows("t.person_id", "t.due_date", """
                    from research_task t join research_project p on p.id = t.project_id
                     where t.deleted_at is null and p.deleted_at is null""", "t.title");
            case STAGES_ON_TIME -> new Rows("p.group_id", "s.submitted_on", """
                    from research_stage s join research_project p on p.id = s.project_id
                     where p.deleted_at is null and s.submitted_on is not null and s.due_date is not null
                       and s.submitted_on <= s.due_date""", "s.stage");
            case STUDY_SESSIONS -> new Rows("p.group_id", "s.studied_on", """
                    from research_study s join research_project p on p.id = s.project_id
                     where s.deleted_at is null and p.deleted_at is null""", "s.topic");
            default -> throw new IllegalArgumentException(metricId);
        };
    }

    @Override
    public Map<Long, Long> count(String metricId, LocalDate from, LocalDate to, Collection<Long> subjectIds) {
        Map<Long, Long> out = new HashMap<>();
        countPerPeriod(metricId, List.of(new DateSpan(from, to)), subjectIds).forEach((id, n) -> out.put(id, n[0]));
        return out;
    }

    /** All periods in one grouped query, each record put in its period by its day. */
    @Override
    public Map<Long, long[]> countPerPeriod(String metricId, List<DateSpan> periods, Collection<Long> subjectIds) {
        Rows rows = rows(metricId);
        if (subjectIds.isEmpty() || periods.isEmpty()) {
            return new HashMap<>();
        }
        return PeriodBuckets.ofDates(rows.day(), periods).count(jdbc, rows.subject(), rows.fromWhere(), subjectIds, Map.of());
    }

    @Override
    public boolean lists(String metricId) {
        return definitions().stream().anyMatch(d -> d.id().equals(metricId));
    }

    @Override
    public List<Evidence> evidence(String metricId, DateSpan period, long subjectId) {
        Rows rows = rows(metricId);
        return jdbc.sql("select " + rows.day() + " as d, " + rows.title() + " as title, p.id as project_id, p.title as project "
                        + rows.fromWhere() + " and " + rows.subject() + " = :subject and " + rows.day() + " >= :from and "
                        + rows.day() + " <= :to order by " + rows.day() + ", p.id limit 200")
                .param("subject", subjectId).param("from", period.from()).param("to", period.to())
                .query((rs, i) -> new Evidence(rs.getObject("d", LocalDate.class), title(metricId, rs.getString("title"),
                        rs.getString("project")), "/projects/" + rs.getLong("project_id") + "/work"))
                .list();
    }

    private static String title(String metricId, String title, String project) {
        if (STAGES_ON_TIME.equals(metricId)) {
            String stage = switch (title) {
                case "APPLICATION" -> "申报";
                case "OPENING" -> "开题";
                case "MIDTERM" -> "中期检查";
                case "CONCLUSION" -> "结题";
                case "DISSEMINATION" -> "成果推广";
                default -> title;
            };
            return "《" + project + "》" + stage;
        }
        return title + "（" + project + "）";
    }
}
