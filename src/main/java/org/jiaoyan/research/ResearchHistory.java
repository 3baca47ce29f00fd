package org.jiaoyan.research;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.Inserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generated research projects for the bench's district (never the demo): a few approved school projects per school,
 * led by one of its teachers, running from the school year's start for two years, with the monthly process material of
 * the months so far (most on time in the first teaching week, some late, some missing). Administrators only; batch
 * inserts.
 */
@Service
public class ResearchHistory {

    private static final String[] TOPICS = {"大单元教学设计的实践研究", "课堂观察量表的开发与应用", "作业分层设计研究",
            "小学生阅读习惯培养研究", "跨学科主题学习研究", "信息技术与课堂融合研究"};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Terms terms;

    ResearchHistory(JdbcClient jdbc, JdbcTemplate template, Terms terms) {
        this.jdbc = jdbc;
        this.template = template;
        this.terms = terms;
    }

    /** What was generated. */
    public record Generated(int projects, int filings) {
    }

    /** Creates perSchool approved projects in each school with their material from yearStart to today. */
    @Transactional
    public Generated generate(List<Long> schoolIds, int perSchool, LocalDate yearStart, LocalDate today, long seed) {
        Access.requireAdmin();
        Random random = new Random(seed);
        List<SchoolTerm> all = terms.all();
        YearMonth first = YearMonth.from(yearStart);
        YearMonth last = YearMonth.from(today);
        MaterialCalendar cal = MaterialCalendar.of(all, first, last);
        List<Object[]> members = new ArrayList<>();
        List<Object[]> filings = new ArrayList<>();
        int projects = 0;
        for (long school : schoolIds) {
            List<Long> leads = jdbc.sql("select id from person where institution_id = ? and deleted_at is null order by id limit ?")
                    .params(school, perSchool).query(Long.class).list();
            for (int i = 0; i < leads.size(); i++) {
                long lead = leads.get(i);
                String title = TOPICS[random.nextInt(TOPICS.length)] + "（" + (i + 1) + "）";
                long id = Inserts.id(jdbc.sql("""
                        insert into research_project (institution_id, organizer_id, level, title, lead_id, start_date, end_date,
                                                      stage, approved_on, project_no, created_by, updated_by)
                        values (?, ?, 'SCHOOL', ?, ?, ?, ?, 'OPENING', ?, ?, 'generator', 'generator')""")
                        .params(school, school, title, lead, yearStart, yearStart.plusYears(2).minusDays(1), yearStart,
                                "G-" + school + "-" + (i + 1)));
                projects++;
                members.add(new Object[] {id, lead});
                for (YearMonth ym = first; !ym.isAfter(last); ym = ym.plusMonths(1)) {
                    var week = cal.firstWeek(ym);
                    if (week == null || !week.to().isBefore(today)) {
                        continue;
                    }
                    int roll = random.nextInt(100);
                    if (roll < 15) {
                        continue; // missing
                    }
                    LocalDate filed = roll < 85 ? week.from().plusDays(random.nextInt(5)) : week.to().plusDays(1 + random.nextInt(10));
                    filings.add(new Object[] {id, ym.atDay(1), ym.getMonthValue() + "月研究过程资料", filed.isAfter(today) ? today : filed});
                }
            }
        }
        template.batchUpdate("insert into research_member (project_id, person_id, role, sort_order) values (?, ?, 'LEAD', 0)", members);
        template.batchUpdate("""
                insert into research_material (project_id, for_month, title, filed_on, filed_by) values (?, ?, ?, ?, 'generator')""",
                filings);
        return new Generated(projects, filings.size());
    }
}
