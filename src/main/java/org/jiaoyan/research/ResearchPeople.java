package org.jiaoyan.research;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jiaoyan.metrics.PeopleSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who counts as a 课题 member beyond the 课题组 (org groups of kind PROJECT, made at 立项 for every project that is not
 * personal): the lead of a personal project (个人课题) that passed 立项, is not closed, rejected or in the recycle bin,
 * and has not run past its planned end on the day. The rules' subject filter 课题组成员 reads it through metrics.
 */
@Component
class ResearchPeople implements PeopleSource {

    static final String PERSONAL_LEADS = "research.personal-leads";

    private final JdbcClient jdbc;

    ResearchPeople(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> sets() {
        return Set.of(PERSONAL_LEADS);
    }

    @Override
    public Set<Long> people(String setId, Collection<Long> institutionIds, LocalDate day) {
        if (!PERSONAL_LEADS.equals(setId)) {
            throw new IllegalArgumentException(setId);
        }
        if (institutionIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select distinct lead_id from research_project
                 where institution_id in (:insts) and level = 'PERSONAL' and deleted_at is null
                   and stage in ('OPENING', 'MIDTERM', 'CONCLUSION', 'DISSEMINATION')
                   and (end_date is null or end_date >= :day)""")
                .param("insts", institutionIds).param("day", day).query(Long.class).list());
    }
}
