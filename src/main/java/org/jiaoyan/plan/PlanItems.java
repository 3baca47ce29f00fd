package org.jiaoyan.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.files.Attachment;
import org.jiaoyan.files.Attachments;
import org.jiaoyan.files.StoredFile;
import org.jiaoyan.notify.NoticeRequest;
import org.jiaoyan.notify.Notices;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.People;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedule items of a plan: create and revise them (owners resolved from text, time resolved against the term), mark
 * them done with a note, cancel them, link the records that fulfil them, and list an owner's tasks.
 */
@Service
@Transactional
public class PlanItems {

    /** The status rule of {@link PlanItem#status} in SQL, for counts over many items (alias it, parameter :today). */
    static final String STATUS_SQL = """
            case when it.state = 'CANCELLED' then 'CANCELLED'
                 when (it.state = 'DONE'
                       or (it.share_count > 1 and it.shares_done >= it.share_count)
                       or (it.share_count <= 1 and it.record_kind <> 'NONE'
                           and it.record_count >= case when it.required_count < 1 then 1 else it.required_count end))
                      and (it.time_kind not in ('WEEKLY', 'MONTHLY') or it.state = 'DONE' or it.period_end < :today)
                      then 'DONE'
                 when it.period_end < :today then 'OVERDUE'
                 when it.period_start > :today then 'NOT_STARTED'
                 else 'IN_PROGRESS' end""";

    /**
     * The status as one owner sees it (我的任务): with several owners, the parts the person :me is in (their own, the
     * units they lead or belong to) decide; a group that has done its part sees it done while others are still open.
     */
    static final String MY_STATUS_SQL = "case when it.share_count > 1 and it.state = 'OPEN' and exists (select 1 from plan_item_share s"
            + " where s.item_id = it.id and " + ItemShares.INVOLVED_SQL + ") then"
            + " case when not exists (select 1 from plan_item_share s where s.item_id = it.id and s.done = false and "
            + ItemShares.INVOLVED_SQL + ") and (it.time_kind not in ('WEEKLY', 'MONTHLY') or it.period_end < :today) then 'DONE'"
            + " when it.period_end < :today then 'OVERDUE' when it.period_start > :today then 'NOT_STARTED' else 'IN_PROGRESS' end"
            + " else " + STATUS_SQL + " end";

    private static final int MAX_CONTENT = 1000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Terms terms;
    private final People people;
    private final OrgUnits units;
    private final PlanHistory log;
    private final ItemOwners owners;
    private final Notices notices;
    private final ItemShares shares;
    private final Attachments attachments;

    PlanItems(JdbcClient jdbc, AuditLog audit, Terms terms, People people, OrgUnits units, PlanHistory log,
              ItemOwners owners, Notices notices, ItemShares shares, Attachments attachments) {
        this.shares = shares;
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.audit = audit;
        this.terms = terms;
        this.people = people;
        this.units = units;
        this.log = log;
        this.owners = owners;
        this.notices = notices;
    }

    // ---------------------------------------------------------------- reading

    /** Items of a plan in schedule order (time, then position), with owners and participants. */
    @Transactional(readOnly = true)
    public List<PlanItem> items(long planId) {
        Plans.load(jdbc, planId);
        List<PlanItem> rows = jdbc.sql("select * from plan_item it where it.plan_id = ? and it.deleted_at is null"
                        + " order by it.period_start, it.sort_order, it.id")
                .param(planId).query((rs, i) -> row(rs, List.of(), List.of())).list();
        return withParties(rows, "it.plan_id = :plan", Map.of("plan", planId));
    }

    @Transactional(readOnly = true)
    public PlanItem get(long itemId) {
        PlanItem item = jdbc.sql("select * from plan_item it where it.id = ? and it.deleted_at is null").param(itemId)
                .query((rs, i) -> row(rs, List.of(), List.of())).optional().orElseThrow(NotFoundException::new);
        Plans.load(jdbc, item.planId());
        return withParties(List.of(item), "it.id = :item", Map.of("item", itemId)).get(0);
    }

    /** Whether the current user is among the item's owners (person, leader or member of an owning unit, or 全体). */
    @Transactional(readOnly = true)
    public boolean isOwner(long itemId) {
        CurrentUser u = Access.user();
        if (u.personId() == null) {
            return false;
        }
        return jdbc.sql("select count(*) from plan_item it join plan p on p.id = it.plan_id where it.id = :item and ("
                        + OWNED_SQL + ")")
                .param("item", itemId).param("me", u.personId())
                .param("myInst", u.institutionId() == null ? -1L : u.institutionId()).query(Long.class).single() > 0;
    }

    /** Owner condition on alias it (item) and p (plan) for :me and :myInst. */
    private static final String OWNED_SQL = """
            exists (select 1 from plan_item_party pp where pp.item_id = it.id and pp.role = 'OWNER' and (
                        pp.person_id = :me
                        or exists (select 1 from org_unit ou where ou.id = pp.unit_id and ou.leader_id = :me)
                        or (pp.leaders_only = false and exists (select 1 from unit_member um
                                where um.unit_id = pp.unit_id and um.person_id = :me))))
            or (it.owner_all = true and p.institution_id = :myInst)""";

    /**
     * 我的任务: items of published plans the current user owns, overdue first, then by time. With openOnly, done and
     * cancelled items are left out. termId limits to one term (null: all).
     */
    @Transactional(readOnly = true)
    public List<TaskRow> myTasks(@Nullable Long termId, boolean openOnly, LocalDate today) {
        CurrentUser u = Access.user();
        if (u.personId() == null) {
            return List.of();
        }
        String status = "(" + MY_STATUS_SQL + ")";
        String sql = "select it.*, p.title as plan_title, coalesce(ou.short_name, ou.name) as unit_name, " + status + " as st"
                + " from plan_item it join plan p on p.id = it.plan_id join org_unit ou on ou.id = p.unit_id"
                + " where it.deleted_at is null and p.deleted_at is null and p.status = 'PUBLISHED' and (" + OWNED_SQL + ")"
                + (termId == null ? "" : " and p.term_id = :term")
                + (openOnly ? " and " + status + " not in ('DONE', 'CANCELLED')" : "")
                + " order by case when " + status + " = 'OVERDUE' then 0 else 1 end, it.period_start, it.id limit 500";
        var spec = jdbc.sql(sql).param("me", u.personId()).param("today", today)
                .param("myInst", u.institutionId() == null ? -1L : u.institutionId());
        if (termId != null) {
            spec = spec.param("term", termId);
        }
        Map<Long, String[]> plans = new HashMap<>();
        List<PlanItem> rows = spec.query((rs, i) -> {
            plans.put(rs.getLong("id"), new String[] {rs.getString("plan_title"), rs.getString("unit_name"), rs.getString("st")});
            return row(rs, List.of(), List.of());
        }).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<PlanItem> full = withParties(rows, "it.id in (:ids)", Map.of("ids", rows.stream().map(PlanItem::id).toList()));
        return full.stream().map(it -> new TaskRow(it, it.planId(), plans.get(it.id())[0], plans.get(it.id())[1],
                ItemStatus.valueOf(plans.get(it.id())[2]))).toList();
    }

    /**
     * Items of published plans whose period starts between from and to and that name the person as owner, or a group
     * they lead (not 全体 nor plain membership: everyone would own those), newest first, at most 1,000. A person
     * outside the scope is a 404.
     */
    @Transactional(readOnly = true)
    public List<OwnedItem> ownedBy(long personId, LocalDate from, LocalDate to) {
        people.get(personId);
        return jdbc.sql("""
                select it.id, it.plan_id, p.title, it.content, it.period_start, it.period_end, it.state
                  from plan_item it join plan p on p.id = it.plan_id
                 where it.deleted_at is null and p.deleted_at is null and p.status = 'PUBLISHED'
                   and it.period_start between :from and :to
                   and exists (select 1 from plan_item_party pp where pp.item_id = it.id and pp.role = 'OWNER' and (
                        pp.person_id = :p or exists (select 1 from org_unit ou where ou.id = pp.unit_id and ou.leader_id = :p)))
                 order by it.period_start desc, it.id desc limit 1000""")
                .param("p", personId).param("from", from).param("to", to)
                .query((rs, i) -> new OwnedItem(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), ItemState.valueOf(rs.getString(7))))
                .list();
    }

    /**
     * Words of the owner and participant text that name no person or unit of the institution (a typo, someone who left,
     * a role like 课题主持人): the item page shows them to editors, reminders cannot reach them.
     */
    @Transactional(readOnly = true)
    public List<String> unresolvedNames(long itemId) {
        PlanItem item = get(itemId);
        Plan p = Plans.load(jdbc, item.planId());
        OwnerDirectory directory = directory(p.institutionId());
        List<String> out = new ArrayList<>(directory.resolve(item.ownerText()).unresolved());
        directory.resolve(item.participantText()).unresolved().stream().filter(w -> !out.contains(w)).forEach(out::add);
        return out;
    }

    /**
     * Open items of published plans that a record of this kind may fulfil and the user may link: items they own, and
     * every such item of the plans they edit. For the "完成计划事项" choice when an activity or observation is recorded.
     */
    @Transactional(readOnly = true)
    public List<TaskRow> linkable(RecordKind kind, LocalDate today) {
        CurrentUser u = Access.user();
        String status = "(" + STATUS_SQL + ")";
        String sql = "select it.*, p.title as plan_title, coalesce(ou.short_name, ou.name) as unit_name"
                + " from plan_item it join plan p on p.id = it.plan_id join org_unit ou on ou.id = p.unit_id"
                + " where it.deleted_at is null and p.deleted_at is null and p.status = 'PUBLISHED' and it.record_kind = :kind"
                + " and it.state = 'OPEN' and " + status + " <> 'DONE'"
                + " and (" + (Access.scope().all() ? "true" : "p.institution_id in (:edit)")
                + (u.personId() == null ? "" : " or " + OWNED_SQL) + ")"
                + " order by it.period_start, it.id limit 200";
        var spec = jdbc.sql(sql).param("kind", kind.name()).param("today", today);
        if (!Access.scope().all()) {
            spec = spec.param("edit", PlanPolicy.editInstitutions());
        }
        if (u.personId() != null) {
            spec = spec.param("me", u.personId()).param("myInst", u.institutionId() == null ? -1L : u.institutionId());
        }
        Map<Long, String[]> plans = new HashMap<>();
        List<PlanItem> rows = spec.query((rs, i) -> {
            plans.put(rs.getLong("id"), new String[] {rs.getString("plan_title"), rs.getString("unit_name")});
            return row(rs, List.of(), List.of());
        }).list();
        return rows.stream().map(it -> new TaskRow(it, it.planId(), plans.get(it.id())[0], plans.get(it.id())[1],
                it.status(today))).toList();
    }

    /** Linked records of an item (activities, observations …), newest first. */
    @Transactional(readOnly = true)
    public List<LinkedRecord> records(long itemId) {
        get(itemId);
        return jdbc.sql("select record_type, record_id, label, record_date, linked_at, linked_by from plan_item_record"
                        + " where item_id = ? order by linked_at desc")
                .param(itemId).query((rs, i) -> new LinkedRecord(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDateTime.class), rs.getString(6))).list();
    }

    /** A record of another module that fulfils an item. */
    public record LinkedRecord(String recordType, long recordId, @Nullable String label, @Nullable LocalDate date,
                               LocalDateTime linkedAt, @Nullable String linkedBy) {
    }

    // ---------------------------------------------------------------- changing the schedule

    public long create(long planId, ItemData d, @Nullable String reason) {
        Plan p = Plans.load(jdbc, planId);
        Plans.requireChangeable(p);
        String reasonText = Plans.revisionReason(p, reason);
        SchoolTerm term = terms.get(p.termId());
        OwnerDirectory owners = directory(p.institutionId());
        int next = jdbc.sql("select coalesce(max(sort_order), 0) + 1 from plan_item where plan_id = ?").param(planId)
                .query(Integer.class).single();
        long id = insert(planId, p.institutionId(), next, checked(d, term, null), owners);
        log.touch(planId);
        log.revised(p, reasonText, "新增：" + d.content());
        audit.success("CREATE", "plan_item", id, Plans.truncate(d.content(), 100), null);
        return id;
    }

    /**
     * Adds many items at once (template, import, copy): every row is checked first and nothing is written when one is
     * wrong; the problems name the row (field "items[3].time").
     */
    public void createAll(long planId, long institutionId, SchoolTerm term, List<ItemData> rows) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Checked> ok = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                ok.add(checked(rows.get(i), term, null));
            } catch (ValidationException e) {
                for (FieldProblem fp : e.problems()) {
                    problems.add(new FieldProblem("items[" + i + "]." + fp.field(), fp.messageKey(), fp.args()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        OwnerDirectory owners = directory(institutionId);
        int sort = jdbc.sql("select coalesce(max(sort_order), 0) from plan_item where plan_id = ?").param(planId)
                .query(Integer.class).single();
        for (Checked c : ok) {
            insert(planId, institutionId, ++sort, c, owners);
        }
    }

    /** Checks rows without saving (import preview): the problems per row, empty when all are fine. */
    @Transactional(readOnly = true)
    public List<FieldProblem> check(long termId, List<ItemData> rows) {
        SchoolTerm term = terms.get(termId);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                checked(rows.get(i), term, null);
            } catch (ValidationException e) {
                for (FieldProblem fp : e.problems()) {
                    problems.add(new FieldProblem("items[" + i + "]." + fp.field(), fp.messageKey(), fp.args()));
                }
            }
        }
        return problems;
    }

    public void update(long itemId, int version, ItemData d, @Nullable String reason) {
        PlanItem before = get(itemId);
        Plan p = Plans.load(jdbc, before.planId());
        Plans.requireChangeable(p);
        String reasonText = Plans.revisionReason(p, reason);
        SchoolTerm term = terms.get(p.termId());
        Checked c = checked(d, term, before);
        Set<Long> ownersBefore = p.published() ? owners.of(itemId) : Set.of();
        OwnerDirectory.Resolution resolved = directory(p.institutionId()).resolve(c.ownerText());
        int n = jdbc.sql("""
                update plan_item set category = :category, content = :content, time_kind = :kind, months = :months,
                       weeks = :weeks, start_date = :start, end_date = :end, time_text = :timeText,
                       period_start = :pstart, period_end = :pend, owner_text = :owners, owner_all = :all,
                       participant_text = :participants, record_kind = :recordKind, version = version + 1,
                       updated_at = :now, updated_by = :by
                 where id = :id and version = :version and deleted_at is null""")
                .params(c.params()).param("all", resolved.all()).param("now", LocalDateTime.now())
                .param("by", Access.actor()).param("id", itemId).param("version", version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        writeParties(itemId, resolved, directory(p.institutionId()).resolve(c.participantText()));
        updateRequired(itemId);
        shares.write(itemId, p.institutionId(), c.recordKind(), resolved);
        String changes = AuditLog.diff(describe(before.category(), before.content(), before.timeLabel(), before.ownerLabel(), before.recordKind()),
                describe(c.category(), c.content(), c.timeText() != null ? c.timeText() : c.time().label(), c.ownerText(), c.recordKind()));
        log.touch(p.id());
        log.revised(p, reasonText, changes == null ? null : Plans.truncate(d.content(), 60) + "：" + changes);
        if (p.published()) {
            Set<Long> to = new HashSet<>(owners.of(itemId));
            to.addAll(ownersBefore);
            notifyRevision(p, itemId, c.content(), reasonText, to);
        }
        audit.success("UPDATE", "plan_item", itemId, Plans.truncate(d.content(), 100), changes);
    }

    public void delete(long itemId, int version, @Nullable String reason) {
        PlanItem item = get(itemId);
        Plan p = Plans.load(jdbc, item.planId());
        Plans.requireChangeable(p);
        String reasonText = Plans.revisionReason(p, reason);
        int n = jdbc.sql("update plan_item set deleted_at = ?, deleted_by = ?, version = version + 1 where id = ? and version = ? and deleted_at is null")
                .params(LocalDateTime.now(), Access.actor(), itemId, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        log.touch(p.id());
        log.revised(p, reasonText, "删除：" + item.content());
        if (p.published()) {
            notifyRevision(p, itemId, item.content(), reasonText, owners.of(itemId));
        }
        audit.success("DELETE", "plan_item", itemId, Plans.truncate(item.content(), 100), null);
    }

    /** Deleted items of a plan (recycle bin of the schedule). */
    @Transactional(readOnly = true)
    public List<PlanItem> deleted(long planId) {
        Plan p = Plans.load(jdbc, planId);
        PlanPolicy.requireEdit(p.institutionId(), p.status());
        return jdbc.sql("select * from plan_item it where it.plan_id = ? and it.deleted_at is not null order by it.deleted_at desc")
                .param(planId).query((rs, i) -> row(rs, List.of(), List.of())).list();
    }

    public void restore(long itemId) {
        long planId = jdbc.sql("select plan_id from plan_item where id = ? and deleted_at is not null").param(itemId)
                .query(Long.class).optional().orElseThrow(NotFoundException::new);
        Plan p = Plans.load(jdbc, planId);
        Plans.requireChangeable(p);
        jdbc.sql("update plan_item set deleted_at = null, deleted_by = null, version = version + 1 where id = ?").param(itemId).update();
        log.revised(p, p.published() ? "恢复已删除的事项" : null, "恢复事项 #" + itemId);
        audit.success("RESTORE", "plan_item", itemId, "plan " + planId, null);
    }

    /** Copies the items of one plan into another, shifting months and dates by the months between the terms. */
    void copyShifted(long fromPlan, long toPlan, long institutionId, SchoolTerm from, SchoolTerm to) {
        int shift = Math.floorMod(to.startDate().getMonthValue() - from.startDate().getMonthValue(), 12);
        List<ItemData> rows = new ArrayList<>();
        for (PlanItem it : items(fromPlan)) {
            ScheduleTime t = it.time();
            ScheduleTime moved = switch (t.kind()) {
                case MONTHS -> ScheduleTime.months(t.months().stream().map(m -> Math.floorMod(m - 1 + shift, 12) + 1)
                        .filter(m -> inTerm(m, to)).distinct().toList());
                case WEEKS -> ScheduleTime.weeks(t.weeks().stream().filter(w -> w <= to.weekCount()).toList());
                case DATES -> ScheduleTime.dates(clamp(shiftDate(t.start(), from, to), to), clamp(shiftDate(t.end(), from, to), to));
                default -> t;
            };
            if ((moved.kind() == TimeKind.MONTHS && moved.months().isEmpty())
                    || (moved.kind() == TimeKind.WEEKS && moved.weeks().isEmpty())) {
                moved = ScheduleTime.months(List.of(to.endDate().getMonthValue()));
            }
            rows.add(new ItemData(it.category(), it.content(), null, moved, it.ownerText(), it.participantText(), it.recordKind()));
        }
        createAll(toPlan, institutionId, to, rows);
    }

    /** Tells the owners of a revised item what changed and why (once per revision and person). */
    private void notifyRevision(Plan p, long itemId, String content, @Nullable String reason, Set<Long> to) {
        int revision = jdbc.sql("select revision from plan where id = ?").param(p.id()).query(Integer.class).single();
        for (long person : to) {
            notices.send(new NoticeRequest(person, "plan-revised", "计划修订：" + Plans.truncate(content, 80), reason,
                    "/plans/" + p.id() + "/items/" + itemId, "plan-item:" + itemId + ":revised:" + revision + ":" + person));
        }
    }

    /** After publishing: each owner learns once how many items of the plan are theirs. */
    void announce(Plan p) {
        List<Long> ids = jdbc.sql("select id from plan_item where plan_id = ? and deleted_at is null").param(p.id())
                .query(Long.class).list();
        Map<Long, Integer> counts = new HashMap<>();
        owners.of(ids).values().forEach(people -> people.forEach(person -> counts.merge(person, 1, Integer::sum)));
        counts.forEach((person, n) -> notices.send(new NoticeRequest(person, "plan-published", "计划已发布：" + p.title(),
                "其中由您负责的工作 " + n + " 项，请在“我的任务”中查看。", "/tasks", "plan:" + p.id() + ":published:" + person)));
    }

    // ---------------------------------------------------------------- doing the work

    /** The owner (or an editor) marks the item done with a note of what was done. */
    public void markDone(long itemId, int version, @Nullable String note) {
        markDone(itemId, version, note, null);
    }

    /**
     * Marks done and attaches the photo or file in one transaction: a refused mark keeps no evidence either. Only
     * 负责人标记 items are finished by a button; an item with several owners is marked for the caller's own part
     * (their person, or the unit they lead), and is done when every part is.
     */
    public void markDone(long itemId, int version, @Nullable String note, @Nullable StoredFile evidence) {
        PlanItem item = get(itemId);
        requirePublished(item);
        if (!item.markable()) {
            throw new ValidationException(null, "plan.item.doneByRecords");
        }
        checkNote(note);
        List<Long> mine = shares.mine(itemId);
        if (item.shared()) {
            if (mine.isEmpty()) {
                if (PlanPolicy.canEdit(Plans.load(jdbc, item.planId()).institutionId())) {
                    throw new ValidationException(null, "plan.item.closeInstead");
                }
                throw new ForbiddenException();
            }
            shares.mark(itemId, mine, ItemState.DONE, note);
            audit.success("DONE", "plan_item", itemId, Plans.truncate(item.content(), 100), shareNames(itemId, mine));
        } else {
            requireWorker(item);
            setState(item, version, ItemState.DONE, note, "DONE");
            shares.mark(itemId, shares.list(itemId).stream().map(ItemShare::id).toList(), ItemState.DONE, note);
        }
        if (evidence != null) {
            addEvidence(itemId, evidence);
        }
    }

    /**
     * A manager closes an item whatever fulfils it (records missing, an owner gone) with the reason, which the item page
     * and the audit log keep.
     */
    public void close(long itemId, int version, @Nullable String reason) {
        PlanItem item = get(itemId);
        requirePublished(item);
        if (!PlanPolicy.canEdit(Plans.load(jdbc, item.planId()).institutionId())) {
            throw new ForbiddenException();
        }
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "plan.item.closeReasonRequired");
        }
        checkNote(reason);
        setState(item, version, ItemState.DONE, reason, "CLOSE");
    }

    /** Back to open (done by mistake, or a cancelled item goes ahead after all); with several owners, the caller's part. */
    public void reopen(long itemId, int version, @Nullable String note) {
        PlanItem item = get(itemId);
        requirePublished(item);
        List<Long> mine = shares.mine(itemId);
        boolean editor = PlanPolicy.canEdit(Plans.load(jdbc, item.planId()).institutionId());
        if (item.shared() && !(editor && item.state() != ItemState.OPEN)) {
            if (mine.isEmpty()) {
                throw new ForbiddenException();
            }
            shares.mark(itemId, mine, ItemState.OPEN, note);
            audit.success("REOPEN", "plan_item", itemId, Plans.truncate(item.content(), 100), shareNames(itemId, mine));
            return;
        }
        requireWorker(item);
        setState(item, version, ItemState.OPEN, note == null ? item.note() : note, "REOPEN");
        if (!item.shared()) {
            shares.mark(itemId, shares.list(itemId).stream().map(ItemShare::id).toList(), ItemState.OPEN, null);
        }
    }

    /** Cancels the item with the reason, which the term summary shows. With several owners only a manager may. */
    public void cancel(long itemId, int version, @Nullable String reason) {
        PlanItem item = get(itemId);
        if (item.shared()) {
            if (!PlanPolicy.canEdit(Plans.load(jdbc, item.planId()).institutionId())) {
                throw new ForbiddenException();
            }
        } else {
            requireWorker(item);
        }
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("note", "plan.item.cancelReasonRequired");
        }
        setState(item, version, ItemState.CANCELLED, reason, "CANCEL");
    }

    /** Saves the owner's note without changing the state (why it is late, what is planned); with several owners, on their part. */
    public void saveNote(long itemId, int version, @Nullable String note) {
        PlanItem item = get(itemId);
        List<Long> mine = shares.mine(itemId);
        if (item.shared() && !mine.isEmpty()) {
            requirePublished(item);
            checkNote(note);
            jdbc.sql("update plan_item_share set note = :note where item_id = :item and id in (:ids)")
                    .param("note", note == null || note.isBlank() ? null : note.strip()).param("item", itemId)
                    .param("ids", mine).update();
            return;
        }
        requireWorker(item);
        setState(item, version, item.state(), note, "NOTE");
    }

    /** The owners' parts of an item, open ones first (empty for an item without resolved owners). */
    @Transactional(readOnly = true)
    public List<ItemShare> shares(long itemId) {
        get(itemId);
        return shares.list(itemId);
    }

    /** Ids of the parts of the item that the current user works on (their own, the units they lead). */
    @Transactional(readOnly = true)
    public List<Long> myShares(long itemId) {
        get(itemId);
        return shares.mine(itemId);
    }

    private String shareNames(long itemId, List<Long> ids) {
        return String.join("、", shares.list(itemId).stream().filter(s -> ids.contains(s.id())).map(ItemShare::name).toList());
    }

    private void requirePublished(PlanItem item) {
        if (!Plans.load(jdbc, item.planId()).published()) {
            throw new ValidationException(null, "plan.item.notPublished");
        }
    }

    private static void checkNote(@Nullable String note) {
        if (note != null && note.length() > 2000) {
            throw new ValidationException("note", "validation.tooLong");
        }
    }

    private void setState(PlanItem item, int version, ItemState state, @Nullable String note, String action) {
        Plan p = Plans.load(jdbc, item.planId());
        if (!p.published()) {
            throw new ValidationException(null, "plan.item.notPublished");
        }
        if (note != null && note.length() > 2000) {
            throw new ValidationException("note", "validation.tooLong");
        }
        boolean done = state == ItemState.DONE;
        int n = jdbc.sql("""
                update plan_item set state = ?, note = ?, done_at = ?, done_by = ?, done_by_name = ?, version = version + 1,
                       updated_at = ?, updated_by = ?
                 where id = ? and version = ? and deleted_at is null""")
                .params(state.name(), note == null || note.isBlank() ? null : note.strip(), done ? LocalDateTime.now() : null,
                        done ? Access.actor() : null, done ? Access.user().displayName() : null, LocalDateTime.now(),
                        Access.actor(), item.id(), version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success(action, "plan_item", item.id(), Plans.truncate(item.content(), 100), "state: " + item.state() + " → " + state);
    }

    /**
     * Links a record that fulfils the item (called by the record's module when a record is created for the item, or by
     * an editor by hand). Linking twice is harmless. The item's status follows.
     */
    public void linkRecord(long itemId, String recordType, long recordId, @Nullable String label, @Nullable LocalDate date) {
        linkRecord(itemId, recordType, recordId, label, date, null);
    }

    /**
     * Links a record made by or for a unit (an activity of the organising group): with several owners, it counts for the
     * owner it belongs to (the unit, or the person linking it and the units they lead or belong to).
     */
    public void linkRecord(long itemId, String recordType, long recordId, @Nullable String label, @Nullable LocalDate date,
                           @Nullable Long forUnitId) {
        PlanItem item = get(itemId);
        requireWorker(item);
        int n = jdbc.sql("""
                insert into plan_item_record (item_id, record_type, record_id, label, record_date, linked_by, unit_id, person_id)
                select ?, ?, ?, ?, ?, ?, ?, ? where not exists
                       (select 1 from plan_item_record where item_id = ? and record_type = ? and record_id = ?)""")
                .params(itemId, recordType, recordId, label, date, Access.actor(), forUnitId, Access.user().personId(),
                        itemId, recordType, recordId).update();
        if (n > 0) {
            recount(itemId);
            audit.success("LINK", "plan_item", itemId, Plans.truncate(item.content(), 100), AuditLog.fact("record", recordType + " #" + recordId));
        }
    }

    public void unlinkRecord(long itemId, String recordType, long recordId) {
        PlanItem item = get(itemId);
        requireWorker(item);
        int n = jdbc.sql("delete from plan_item_record where item_id = ? and record_type = ? and record_id = ?")
                .params(itemId, recordType, recordId).update();
        if (n > 0) {
            recount(itemId);
            audit.success("UNLINK", "plan_item", itemId, Plans.truncate(item.content(), 100), AuditLog.fact("record", recordType + " #" + recordId));
        }
    }

    /** Owner type of an item's evidence files in the shared {@link Attachments} table (owner id: the item). */
    public static final String EVIDENCE = "plan.evidence";

    /** Attaches an uploaded file (photo of the meeting, sign-in sheet …) as evidence; it counts as a record. */
    public long addEvidence(long itemId, StoredFile file) {
        PlanItem item = get(itemId);
        requireWorker(item);
        Plan p = Plans.load(jdbc, item.planId());
        long id = attachments.attach(p.institutionId(), EVIDENCE, itemId, null, file).id();
        recount(itemId);
        audit.success("UPLOAD", "plan_item", itemId, Plans.truncate(item.content(), 100), AuditLog.fact("file", file.originalName()));
        return id;
    }

    @Transactional(readOnly = true)
    public List<Evidence> evidence(long itemId) {
        get(itemId);
        return attachments.of(EVIDENCE, itemId).stream().map(Evidence::of).toList();
    }

    /** The stored file behind an evidence file of an item the user may read (404 otherwise), to serve it. */
    @Transactional(readOnly = true)
    public Attachment evidenceFile(long itemId, long evidenceId) {
        get(itemId);
        return attachments.get(evidenceId, EVIDENCE, itemId);
    }

    /** Moves an evidence file to the recycle bin (those who may upload may delete); it no longer counts as a record. */
    public void deleteEvidence(long itemId, long evidenceId) {
        PlanItem item = get(itemId);
        requireWorker(item);
        Attachment a = attachments.get(evidenceId, EVIDENCE, itemId);
        attachments.delete(a.id());
        recount(itemId);
        audit.success("DELETE", "plan_item", itemId, Plans.truncate(item.content(), 100), AuditLog.fact("file", a.fileName()));
    }

    /** Deleted evidence files of an item (its recycle bin), newest deletion first; empty for those who may not restore. */
    @Transactional(readOnly = true)
    public List<Evidence> deletedEvidence(long itemId) {
        PlanItem item = get(itemId);
        Plan p = Plans.load(jdbc, item.planId());
        if (!PlanPolicy.canEdit(p.institutionId()) && !isOwner(itemId)) {
            return List.of();
        }
        return attachments.deleted(EVIDENCE, itemId).stream().map(Evidence::of).toList();
    }

    /** Takes an evidence file back out of the recycle bin; it counts again. */
    public void restoreEvidence(long itemId, long evidenceId) {
        PlanItem item = get(itemId);
        requireWorker(item);
        Attachment a = attachments.deleted(EVIDENCE, itemId).stream().filter(d -> d.id() == evidenceId).findFirst()
                .orElseThrow(NotFoundException::new);
        attachments.restore(a.id());
        recount(itemId);
        audit.success("RESTORE", "plan_item", itemId, Plans.truncate(item.content(), 100), AuditLog.fact("file", a.fileName()));
    }

    /** An evidence file as the item page lists it. */
    public record Evidence(long id, String fileName, @Nullable String contentType, long size, String storageKey,
                           LocalDateTime uploadedAt, @Nullable String uploadedBy) {

        static Evidence of(Attachment a) {
            return new Evidence(a.id(), a.fileName(), a.contentType(), a.sizeBytes(), a.storageKey(), a.createdAt(),
                    a.createdBy());
        }

        public boolean image() {
            return contentType != null && contentType.startsWith("image/");
        }
    }

    /** 人人过关: records that a participant passed (a drill, a skill check); twice is harmless. */
    public void recordPass(long itemId, long personId, @Nullable String note) {
        PlanItem item = get(itemId);
        requireWorker(item);
        if (!participantIds(item).contains(personId)) {
            throw new ValidationException("personId", "plan.pass.notParticipant");
        }
        jdbc.sql("""
                insert into plan_item_pass (item_id, person_id, checked_by, note)
                select ?, ?, ?, ? where not exists (select 1 from plan_item_pass where item_id = ? and person_id = ?)""")
                .params(itemId, personId, Access.actor(), note, itemId, personId).update();
        recount(itemId);
        audit.success("PASS", "plan_item", itemId, Plans.truncate(item.content(), 100), AuditLog.fact("person", "#" + personId));
    }

    public void revokePass(long itemId, long personId) {
        PlanItem item = get(itemId);
        requireWorker(item);
        jdbc.sql("delete from plan_item_pass where item_id = ? and person_id = ?").params(itemId, personId).update();
        recount(itemId);
    }

    /** Participants of a 人人过关 item with whether they passed, in name order. */
    @Transactional(readOnly = true)
    public List<PassRow> passes(long itemId) {
        PlanItem item = get(itemId);
        List<Long> ids = participantIds(item);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, LocalDateTime> passed = new HashMap<>();
        jdbc.sql("select person_id, passed_at from plan_item_pass where item_id = ?").param(itemId)
                .query(rs -> {
                    passed.put(rs.getLong(1), rs.getObject(2, LocalDateTime.class));
                });
        return jdbc.sql("select id, name from person where id in (:ids) order by name").param("ids", ids)
                .query((rs, i) -> new PassRow(rs.getLong(1), rs.getString(2), passed.get(rs.getLong(1)))).list();
    }

    /** A participant of a 人人过关 item and when they passed (null: not yet). */
    public record PassRow(long personId, String name, @Nullable LocalDateTime passedAt) {
    }

    /** Everyone the participants stand for: persons, members of units, or the whole institution for 全体. */
    private List<Long> participantIds(PlanItem item) {
        Plan p = Plans.load(jdbc, item.planId());
        // participants when the item names them, else the owners stand for themselves
        boolean named = item.participantText() != null && !item.participantText().isBlank();
        List<Party> parties = named ? item.participants() : item.owners();
        boolean all = named ? OwnerDirectory.meansEveryone(item.participantText()) : item.ownerAll();
        if (all) {
            return jdbc.sql("select id from person where institution_id = ? and deleted_at is null and status = 'ACTIVE'")
                    .param(p.institutionId()).query(Long.class).list();
        }
        List<Long> out = new ArrayList<>();
        List<Long> unitIds = new ArrayList<>();
        for (Party party : parties) {
            if (party.personId() != null) {
                out.add(party.personId());
            } else if (party.unitId() != null) {
                unitIds.add(party.unitId());
            }
        }
        if (!unitIds.isEmpty()) {
            out.addAll(jdbc.sql("select distinct person_id from unit_member where unit_id in (:ids)").param("ids", unitIds)
                    .query(Long.class).list());
        }
        return out.stream().distinct().toList();
    }

    /** Keeps record_count = linked records + evidence files + passes, the count the status rule reads. */
    void recount(long itemId) {
        jdbc.sql("""
                update plan_item set record_count =
                       (select count(*) from plan_item_record r where r.item_id = plan_item.id)
                     + (select count(*) from attachment e where e.owner_type = 'plan.evidence' and e.owner_id = plan_item.id
                                                             and e.deleted_at is null)
                     + (select count(*) from plan_item_pass s where s.item_id = plan_item.id)
                 where id = ?""").param(itemId).update();
        shares.recount(itemId);
    }

    private void updateRequired(long itemId) {
        PlanItem item = get(itemId);
        int required = item.recordKind() == RecordKind.PASS_EACH ? Math.max(1, participantIds(item).size()) : 1;
        jdbc.sql("update plan_item set required_count = ? where id = ?").params(required, itemId).update();
    }

    /** Owners do the work; the plan's editors may act for them. */
    void requireWorker(PlanItem item) {
        Plan p = Plans.load(jdbc, item.planId());
        if (!PlanPolicy.canEdit(p.institutionId()) && !isOwner(item.id())) {
            throw new ForbiddenException();
        }
    }

    /**
     * Names of the people and units of the institution an office belongs to, for the import parser to find owners in
     * glued text. Empty when the user may not write plans there (so no names leak to other schools).
     */
    @Transactional(readOnly = true)
    public List<String> ownerNames(long officeId) {
        for (org.jiaoyan.org.OrgUnit inst : units.institutions()) {
            if (!PlanPolicy.canEdit(inst.id())) {
                continue;
            }
            if (inst.id() == officeId || units.unitsOf(inst.id(), null, false).stream().anyMatch(u -> u.id() == officeId)) {
                return directory(inst.id()).names();
            }
        }
        return List.of();
    }

    // ---------------------------------------------------------------- internals

    private OwnerDirectory directory(long institutionId) {
        return Access.asSystem(() -> new OwnerDirectory(institutionId, people, units));
    }

    /** A row checked and with its time read; ready to insert or update. */
    private record Checked(@Nullable String category, String content, ScheduleTime time, ScheduleTime.Period period,
                           @Nullable String timeText, @Nullable String ownerText, @Nullable String participantText,
                           RecordKind recordKind) {

        Map<String, Object> params() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("category", category);
            m.put("content", content);
            m.put("kind", time.kind().name());
            m.put("months", time.months().isEmpty() ? null : ScheduleTime.join(time.months()));
            m.put("weeks", time.weeks().isEmpty() ? null : ScheduleTime.join(time.weeks()));
            m.put("start", time.start());
            m.put("end", time.end());
            m.put("timeText", timeText);
            m.put("pstart", period.start());
            m.put("pend", period.end());
            m.put("owners", ownerText);
            m.put("participants", participantText);
            m.put("recordKind", recordKind.name());
            return m;
        }
    }

    private Checked checked(ItemData d, SchoolTerm term, @Nullable PlanItem before) {
        List<FieldProblem> problems = new ArrayList<>();
        String content = d.content() == null ? "" : d.content().strip();
        if (content.isEmpty()) {
            problems.add(new FieldProblem("content", "validation.required"));
        } else if (content.length() > MAX_CONTENT) {
            problems.add(new FieldProblem("content", "validation.tooLong"));
        }
        String category = blankToNull(d.category());
        if (category != null && category.length() > 100) {
            problems.add(new FieldProblem("category", "validation.tooLong"));
        }
        String owners = blankToNull(d.ownerText());
        String participants = blankToNull(d.participantText());
        if ((owners != null && owners.length() > 300) || (participants != null && participants.length() > 300)) {
            problems.add(new FieldProblem(owners != null && owners.length() > 300 ? "ownerText" : "participantText", "validation.tooLong"));
        }
        ScheduleTime time = null;
        String timeText = blankToNull(d.timeText());
        try {
            time = d.time() != null ? d.time().requireWithin(term) : ScheduleTime.parse(timeText, term);
        } catch (ValidationException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Checked(category, content, time, time.resolve(term), timeText, owners, participants,
                d.recordKind() == null ? RecordKind.NONE : d.recordKind());
    }

    private long insert(long planId, long institutionId, int sort, Checked c, OwnerDirectory directory) {
        OwnerDirectory.Resolution resolved = directory.resolve(c.ownerText());
        long id = Inserts.id(jdbc.sql("""
                insert into plan_item (plan_id, sort_order, category, content, time_kind, months, weeks, start_date, end_date,
                                       time_text, period_start, period_end, owner_text, owner_all, participant_text,
                                       record_kind, created_by, updated_by)
                values (:plan, :sort, :category, :content, :kind, :months, :weeks, :start, :end, :timeText, :pstart, :pend,
                        :owners, :all, :participants, :recordKind, :by, :by)""")
                .params(c.params()).param("plan", planId).param("sort", sort).param("all", resolved.all())
                .param("by", Access.actor()));
        writeParties(id, resolved, directory.resolve(c.participantText()));
        if (c.recordKind() == RecordKind.PASS_EACH) {
            updateRequired(id);
        }
        shares.write(id, institutionId, c.recordKind(), resolved);
        return id;
    }

    private void writeParties(long itemId, OwnerDirectory.Resolution owners, OwnerDirectory.Resolution participants) {
        jdbc.sql("delete from plan_item_party where item_id = ?").param(itemId).update();
        for (var entry : Map.of("OWNER", owners, "PARTICIPANT", participants).entrySet()) {
            for (Party p : entry.getValue().parties()) {
                jdbc.sql("insert into plan_item_party (item_id, role, person_id, unit_id, leaders_only) values (?, ?, ?, ?, ?)")
                        .params(itemId, entry.getKey(), p.personId(), p.unitId(), p.leadersOnly()).update();
            }
        }
    }

    /** Loads owners and participants of the given items in one query. */
    private List<PlanItem> withParties(List<PlanItem> rows, String where, Map<String, ?> params) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Party>> owners = new HashMap<>();
        Map<Long, List<Party>> participants = new HashMap<>();
        var spec = jdbc.sql("""
                select pp.item_id, pp.role, pp.person_id, pp.unit_id, pp.leaders_only,
                       coalesce(pe.name, coalesce(ou.short_name, ou.name)) as name
                  from plan_item_party pp join plan_item it on it.id = pp.item_id
                  left join person pe on pe.id = pp.person_id left join org_unit ou on ou.id = pp.unit_id
                 where\s""" + where + " order by pp.id");
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.query(rs -> {
            Party party = new Party(rs.getObject("person_id", Long.class), rs.getObject("unit_id", Long.class),
                    rs.getString("name"), rs.getBoolean("leaders_only"));
            ("OWNER".equals(rs.getString("role")) ? owners : participants)
                    .computeIfAbsent(rs.getLong("item_id"), k -> new ArrayList<>()).add(party);
        });
        return rows.stream().map(it -> withParties(it, owners.getOrDefault(it.id(), List.of()),
                participants.getOrDefault(it.id(), List.of()))).toList();
    }

    private static PlanItem withParties(PlanItem it, List<Party> owners, List<Party> participants) {
        return new PlanItem(it.id(), it.planId(), it.sortOrder(), it.category(), it.content(), it.time(), it.timeText(),
                it.periodStart(), it.periodEnd(), it.ownerText(), it.ownerAll(), owners, it.participantText(), participants,
                it.recordKind(), it.state(), it.recordCount(), it.requiredCount(), it.note(), it.doneAt(), it.doneBy(),
                it.doneByName(), it.shareCount(), it.sharesDone(), it.version());
    }

    static PlanItem row(ResultSet rs, List<Party> owners, List<Party> participants) throws SQLException {
        TimeKind kind = TimeKind.valueOf(rs.getString("time_kind"));
        ScheduleTime time = new ScheduleTime(kind, ScheduleTime.split(rs.getString("months")),
                ScheduleTime.split(rs.getString("weeks")), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class));
        return new PlanItem(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("sort_order"), rs.getString("category"),
                rs.getString("content"), time, rs.getString("time_text"), rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class), rs.getString("owner_text"), rs.getBoolean("owner_all"),
                owners, rs.getString("participant_text"), participants, RecordKind.valueOf(rs.getString("record_kind")),
                ItemState.valueOf(rs.getString("state")), rs.getInt("record_count"), rs.getInt("required_count"),
                rs.getString("note"), rs.getObject("done_at", LocalDateTime.class), rs.getString("done_by"),
                rs.getString("done_by_name"), rs.getInt("share_count"), rs.getInt("shares_done"), rs.getInt("version"));
    }

    private static Map<String, Object> describe(@Nullable String category, String content, String time,
                                                @Nullable String owners, RecordKind kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("项目", Objects.toString(category, ""));
        m.put("内容", content);
        m.put("时间", time);
        m.put("负责人", Objects.toString(owners, ""));
        m.put("完成依据", kind.name());
        return m;
    }

    private static boolean inTerm(int month, SchoolTerm term) {
        var ym = java.time.YearMonth.of(ScheduleTime.yearOf(month, term), month);
        return !ym.atEndOfMonth().isBefore(term.startDate()) && !ym.atDay(1).isAfter(term.endDate());
    }

    private static LocalDate shiftDate(LocalDate d, SchoolTerm from, SchoolTerm to) {
        long months = java.time.temporal.ChronoUnit.MONTHS.between(from.startDate().withDayOfMonth(1), to.startDate().withDayOfMonth(1));
        return d.plusMonths(months);
    }

    private static LocalDate clamp(LocalDate d, SchoolTerm term) {
        return d.isBefore(term.startDate()) ? term.startDate() : d.isAfter(term.endDate()) ? term.endDate() : d;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
