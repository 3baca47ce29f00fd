package org.jiaoyan.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exemptions (豁免: a person on leave, a group in exam week, a holiday week) with reason and who decided, and the
 * monthly snapshots of closed periods with their log. An exemption or a recomputation touching a frozen period
 * recomputes that period and logs what changed.
 */
@Service
@Transactional
public class Exemptions {

    private final JdbcClient jdbc;
    private final Rules rules;
    private final Compliance compliance;
    private final AuditLog audit;

    public Exemptions(JdbcClient jdbc, Rules rules, Compliance compliance, AuditLog audit) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.compliance = compliance;
        this.audit = audit;
    }

    public record Exemption(long id, @Nullable Long subjectId, @Nullable String subjectName, LocalDate from, LocalDate to,
                            String reason, String decidedBy, LocalDateTime decidedAt) {
    }

    public record Run(String kind, LocalDate periodFrom, LocalDate periodTo, @Nullable String reason, int changed,
                      @Nullable String changes, String runBy, LocalDateTime runAt) {
    }

    @Transactional(readOnly = true)
    public List<Exemption> of(long ruleId) {
        rules.get(ruleId);
        return jdbc.sql("""
                select e.id, e.subject_id, coalesce(p.name, u.short_name, u.name), e.from_date, e.to_date, e.reason,
                       e.decided_by, e.decided_at
                  from rule_exemption e left join person p on p.id = e.subject_id left join org_unit u on u.id = e.subject_id
                 where e.rule_id = ? and e.deleted_at is null order by e.from_date desc, e.id desc""")
                .param(ruleId)
                .query((rs, i) -> new Exemption(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6),
                        rs.getString(7), rs.getTimestamp(8).toLocalDateTime()))
                .list();
    }

    /**
     * Records an exemption for one subject of the rule (or every subject when subjectId is null); frozen periods it
     * touches are recomputed with the exemption as the reason.
     */
    public long add(long ruleId, @Nullable Long subjectId, LocalDate from, LocalDate to, String reason) {
        Rule rule = rules.get(ruleId);
        rules.requireManage(rule);
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(new ValidationException.FieldProblem("reason", "compliance.exempt.reason.required"));
        }
        if (to.isBefore(from)) {
            problems.add(new ValidationException.FieldProblem("to", "compliance.exempt.dates.invalid"));
        }
        if (subjectId != null && !to.isBefore(from) && compliance.evaluate(rule, compliance.periods(rule.spec(), from, to),
                compliance.institutionsOf(rule, null), LocalDate.now(), true, s -> s.id() == subjectId).rows().isEmpty()) {
            problems.add(new ValidationException.FieldProblem("subjectId", "compliance.exempt.subject.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = Inserts.id(jdbc.sql("""
                insert into rule_exemption (rule_id, subject_id, from_date, to_date, reason, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(ruleId, subjectId, from, to, reason.strip(), Access.user().displayName(), LocalDateTime.now()));
        audit.success("CREATE", "rule_exemption", id, rule.name() + "：" + reason.strip(), null);
        refreezeTouched(rule, from, to, "豁免：" + reason.strip());
        return id;
    }

    public void remove(long ruleId, long exemptionId) {
        Rule rule = rules.get(ruleId);
        rules.requireManage(rule);
        var span = jdbc.sql("select from_date, to_date from rule_exemption where id = ? and rule_id = ? and deleted_at is null")
                .params(exemptionId, ruleId).query((rs, i) -> new DateSpan(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .optional().orElseThrow(NotFoundException::new);
        jdbc.sql("update rule_exemption set deleted_at = ? where id = ?").params(LocalDateTime.now(), exemptionId).update();
        audit.success("DELETE", "rule_exemption", exemptionId, rule.name(), null);
        refreezeTouched(rule, span.from(), span.to(), "撤销豁免");
    }

    @Transactional(readOnly = true)
    public List<Run> runs(long ruleId) {
        rules.get(ruleId);
        return jdbc.sql("""
                select kind, period_from, period_to, reason, changed, changes, run_by, run_at from compliance_run
                 where rule_id = ? order by run_at desc, id desc limit 50""")
                .param(ruleId)
                .query((rs, i) -> new Run(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toLocalDateTime()))
                .list();
    }

    // --- snapshots ------------------------------------------------------------------------------------------

    /**
     * Freezes every closed period (ended before today) of every enabled rule, back to the start of the rule's first
     * term in reach (at most a year), that is not frozen yet. Idempotent; returns the periods frozen. Runs as the system.
     */
    public int freezeClosedPeriods(LocalDate today) {
        return freeze(today, null);
    }

    /** As above for one rule (a rule switched on late, whose past periods an office wants fixed now). */
    public int freezeClosedPeriods(LocalDate today, long ruleId) {
        return freeze(today, ruleId);
    }

    private int freeze(LocalDate today, @Nullable Long only) {
        return Access.asSystem(() -> {
            int frozen = 0;
            for (Rule rule : rules.enabled(today)) {
                if (only != null && rule.id() != only) {
                    continue;
                }
                List<Long> institutions = compliance.institutionsOf(rule, null);
                if (institutions.isEmpty()) {
                    continue;
                }
                List<RulePeriod> periods = compliance.periods(rule.spec(), today.minusYears(1), today.minusDays(1)).stream()
                        .filter(p -> p.span().to().isBefore(today)).toList();
                List<LocalDate> done = jdbc.sql("select distinct period_from from compliance_run where rule_id = ?")
                        .param(rule.id()).query(LocalDate.class).list();
                List<RulePeriod> todo = periods.stream().filter(p -> !done.contains(p.span().from())).toList();
                if (todo.isEmpty()) {
                    continue;
                }
                ComplianceMatrix m = compliance.evaluate(rule, todo, institutions, today, false);
                for (int i = 0; i < todo.size(); i++) {
                    write(rule, m, i, "FREEZE", null, Map.of());
                    frozen++;
                }
            }
            return frozen;
        });
    }

    /** Recomputes a frozen period from today's records and people, with a reason; returns how many cells changed. */
    public int recompute(long ruleId, LocalDate periodFrom, String reason) {
        Rule rule = rules.get(ruleId);
        rules.requireManage(rule);
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "compliance.recompute.reason.required");
        }
        return recomputeAs(rule, periodFrom, reason.strip());
    }

    private int recomputeAs(Rule rule, LocalDate periodFrom, String reason) {
        RulePeriod period = compliance.periods(rule.spec(), periodFrom, periodFrom).stream()
                .filter(p -> p.span().from().equals(periodFrom)).findFirst().orElseThrow(NotFoundException::new);
        Map<Long, String[]> before = new java.util.HashMap<>();
        jdbc.sql("select subject_id, subject_name, state, count_value from compliance_snapshot where rule_id = ? and period_from = ?")
                .params(rule.id(), periodFrom).query(rs -> {
                    before.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                });
        ComplianceMatrix m = Access.asSystem(() -> compliance.evaluate(rule, List.of(period),
                compliance.institutionsOf(rule, null), LocalDate.now(), false));
        jdbc.sql("delete from compliance_snapshot where rule_id = ? and period_from = ?").params(rule.id(), periodFrom).update();
        int changed = write(rule, m, 0, "RECOMPUTE", reason, before);
        audit.success("RECOMPUTE", "compliance", rule.id(), rule.name() + " " + period.label() + "：" + reason, null);
        return changed;
    }

    private void refreezeTouched(Rule rule, LocalDate from, LocalDate to, String reason) {
        List<LocalDate> frozen = jdbc.sql("""
                select distinct period_from from compliance_snapshot where rule_id = ? and period_to >= ? and period_from <= ?""")
                .params(rule.id(), from, to).query(LocalDate.class).list();
        for (LocalDate p : frozen) {
            recomputeAs(rule, p, reason);
        }
    }

    /** Writes period i of the matrix as the snapshot; returns how many subjects differ from {@code before}. */
    private int write(Rule rule, ComplianceMatrix m, int i, String kind, @Nullable String reason, Map<Long, String[]> before) {
        RulePeriod p = m.periods().get(i);
        long runId = Inserts.id(jdbc.sql("""
                insert into compliance_run (rule_id, period_from, period_to, kind, reason, changed, run_by, run_at)
                values (?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(rule.id(), p.span().from(), p.span().to(), kind, reason, Access.actor(), LocalDateTime.now()));
        Rule version = Access.asSystem(() -> rules.at(rule.id(), p.span().from()));
        List<String> changes = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (ComplianceMatrix.Row r : m.rows()) {
            ComplianceMatrix.Cell c = r.cells().get(i);
            if (c == null) {
                continue;
            }
            seen.add(r.subject().id());
            jdbc.sql("""
                    insert into compliance_snapshot (rule_id, rule_version_id, period_from, period_to, subject_id, subject_name,
                                                     institution_id, count_value, state, run_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(rule.id(), version.specId(), p.span().from(), p.span().to(), r.subject().id(), r.subject().name(),
                            r.subject().institutionId(), c.count(), c.state().name(), runId)
                    .update();
            String[] old = before.get(r.subject().id());
            if ("RECOMPUTE".equals(kind) && (old == null || !old[1].equals(c.state().name()))) {
                changes.add(r.subject().name() + "：" + (old == null ? "—" : ComplianceState.valueOf(old[1]).symbol())
                        + "→" + c.state().symbol());
            }
        }
        before.forEach((id, old) -> {
            if (!seen.contains(id)) {
                changes.add(old[0] + "：" + ComplianceState.valueOf(old[1]).symbol() + "→（不再适用）");
            }
        });
        String text = String.join("；", changes);
        jdbc.sql("update compliance_run set changed = ?, changes = ? where id = ?")
                .params(changes.size(), text.length() > 3900 ? text.substring(0, 3899) + "…" : text, runId).update();
        return changes.size();
    }
}
