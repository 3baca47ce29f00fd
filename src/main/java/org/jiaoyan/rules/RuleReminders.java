package org.jiaoyan.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jiaoyan.account.UserAccounts;
import org.jiaoyan.notify.OutboundMessage;
import org.jiaoyan.notify.Outbox;
import org.jiaoyan.rules.ComplianceMatrix.Cell;
import org.jiaoyan.rules.ComplianceMatrix.Row;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders (提醒): before a period closes (its rule's "remind days" before the last day), everyone still behind gets
 * ONE digest for the day listing what each rule still needs; the day after a period closes, the office head of the
 * school gets a summary of who did not meet it. Messages go through notify's outbox (inbox at once, e-mail and robots
 * queued with retries); dedupe keys make a re-run of the same day send nothing twice.
 */
@Component
public class RuleReminders {

    private static final Logger log = LoggerFactory.getLogger(RuleReminders.class);
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final Rules rules;
    private final Compliance compliance;
    private final RuleWords words;
    private final Outbox outbox;
    private final UserAccounts accounts;

    RuleReminders(Rules rules, Compliance compliance, RuleWords words, Outbox outbox, UserAccounts accounts) {
        this.rules = rules;
        this.compliance = compliance;
        this.words = words;
        this.outbox = outbox;
        this.accounts = accounts;
    }

    @Scheduled(cron = "${jiaoyan.rules.remind-cron:0 0 16 * * *}")
    @SchedulerLock(name = "rules-remind", lockAtMostFor = "PT30M")
    void daily() {
        Result r = remind(LocalDate.now());
        if (r.digests() + r.summaries() > 0) {
            log.info("rules: {} reminder digests and {} summaries queued", r.digests(), r.summaries());
        }
    }

    public record Result(int digests, int summaries) {
    }

    /** Queues the day's digests and summaries; idempotent for a day. */
    @Transactional
    public Result remind(LocalDate today) {
        return Access.asSystem(() -> {
            Map<Long, List<String>> digest = new LinkedHashMap<>();
            Map<Long, List<String>> summaries = new LinkedHashMap<>(); // institution → lines
            for (Rule rule : rules.enabled(today)) {
                List<Long> institutions = compliance.institutionsOf(rule, null);
                if (institutions.isEmpty()) {
                    continue;
                }
                // before the current period closes
                compliance.periods(rule.spec(), today, today).stream().filter(p -> p.span().contains(today)).findFirst()
                        .filter(p -> ChronoUnit.DAYS.between(today, p.span().to()) <= rule.spec().remindDays())
                        .ifPresent(p -> behind(rule, p, institutions, today, digest));
                // the day after a period closed
                compliance.periods(rule.spec(), today.minusDays(1), today.minusDays(1)).stream()
                        .filter(p -> p.span().to().equals(today.minusDays(1))).findFirst()
                        .ifPresent(p -> summary(rule, p, institutions, today, summaries));
            }
            int digests = 0;
            for (Map.Entry<Long, List<String>> e : digest.entrySet()) {
                if (outbox.toPerson(new OutboundMessage(e.getKey(), "rules.digest", "rules-digest:" + e.getKey() + ":" + today,
                        "制度提醒：" + e.getValue().get(0) + (e.getValue().size() > 1 ? "等 " + e.getValue().size() + " 项" : ""),
                        String.join("\n", e.getValue()), "/"))) {
                    digests++;
                }
            }
            int sent = 0;
            for (Map.Entry<Long, List<String>> e : summaries.entrySet()) {
                for (long head : accounts.personsWithRole(e.getKey(), Role.DEPT_HEAD)) {
                    if (outbox.toPerson(new OutboundMessage(head, "rules.summary", "rules-summary:" + head + ":" + e.getKey() + ":" + today,
                            "制度执行情况：" + e.getValue().size() + " 项制度有未达标", String.join("\n", e.getValue()), "/rules"))) {
                        sent++;
                    }
                }
            }
            return new Result(digests, sent);
        });
    }

    private void behind(Rule rule, RulePeriod p, List<Long> institutions, LocalDate today, Map<Long, List<String>> digest) {
        ComplianceMatrix m = compliance.evaluate(rule, List.of(p), institutions, today, false);
        for (Row row : m.rows()) {
            Cell c = row.cells().get(0);
            if (c == null || c.state() != ComplianceState.NOT_DUE) {
                continue;
            }
            long missing = rule.spec().comparison().missing(c.count(), rule.spec().threshold());
            if (missing <= 0) {
                continue;
            }
            Set<Long> to = row.subject().leaders().isEmpty() ? row.subject().people()
                    : rule.spec().filter() == SubjectFilter.PAIRS ? row.subject().people() : row.subject().leaders();
            String what = rule.name() + "：" + p.label() + "还需" + words.amount(rule.spec().metricId(), missing, ZH)
                    + (to.size() == 1 && row.subject().people().size() == 1 ? "" : "（" + row.subject().name() + "）")
                    + "，" + org.jiaoyan.shared.ChineseDates.date(p.span().to()) + "截止";
            to.forEach(person -> digest.computeIfAbsent(person, k -> new ArrayList<>()).add(what));
        }
    }

    private void summary(Rule rule, RulePeriod p, List<Long> institutions, LocalDate today, Map<Long, List<String>> out) {
        ComplianceMatrix m = compliance.evaluate(rule, List.of(p), institutions, today, false);
        Map<Long, List<String>> behindBySchool = new LinkedHashMap<>();
        Map<Long, Integer> judged = new LinkedHashMap<>();
        for (Row row : m.rows()) {
            Cell c = row.cells().get(0);
            if (c == null || c.state() == ComplianceState.EXEMPT) {
                continue;
            }
            judged.merge(row.subject().institutionId(), 1, Integer::sum);
            if (c.state() == ComplianceState.NOT_MET) {
                behindBySchool.computeIfAbsent(row.subject().institutionId(), k -> new ArrayList<>()).add(row.subject().name());
            }
        }
        behindBySchool.forEach((school, names) -> out.computeIfAbsent(school, k -> new ArrayList<>()).add(
                rule.name() + "（" + p.label() + "）：" + names.size() + " / " + judged.get(school) + " 未达标——"
                        + String.join("、", names.subList(0, Math.min(names.size(), 20))) + (names.size() > 20 ? "等" : "")));
    }
}
