package org.jiaoyan.org;

import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.shared.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts for the dashboard within the caller's scope, each figure from one grouped query. */
@Service
@Transactional(readOnly = true)
public class OrgStatistics {

    private final JdbcClient jdbc;

    public OrgStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Summary forCurrentUser(LocalDate today) {
        DataScope scope = Access.scope();
        SqlFilter people = new SqlFilter().where("p.deleted_at is null").where("p.status = 'ACTIVE'");
        if (!scope.all()) {
            people.where("(p.institution_id in (:inst) or p.id in (:persons))",
                    "inst", scope.institutionIds(), "persons", scope.personIds());
        }
        var counts = people.bind(jdbc.sql("""
                select count(*),
                       sum(case when p.birth_date > :young then 1 else 0 end),
                       sum(case when p.work_start_date > :novice then 1 else 0 end),
                       sum(case when p.party_member then 1 else 0 end)
                  from person p""" + people.sql()))
                .param("young", today.minusYears(40)).param("novice", today.minusYears(3))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        SqlFilter units = new SqlFilter().where("u.deleted_at is null");
        if (!scope.all()) {
            units.where("u.institution_id in (:inst)", "inst", scope.institutionIds());
        }
        List<long[]> byType = units.bind(jdbc.sql("""
                select case u.type when 'INSTITUTION' then 0 when 'DEPARTMENT' then 1 else 2 end, count(*)
                  from org_unit u""" + units.sql() + " and u.type <> 'REGION' group by u.type"))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        long[] unitCounts = new long[3];
        byType.forEach(r -> unitCounts[(int) r[0]] = r[1]);
        return new Summary(counts[0], counts[1], counts[2], counts[3], unitCounts[0], unitCounts[1], unitCounts[2]);
    }

    /** The dashboard's figures. */
    public record Summary(long people, long under40, long under3Years, long partyMembers, long institutions,
                          long departments, long groups) {
    }
}
