package org.jiaoyan.plan;

import java.time.LocalDateTime;
import java.util.List;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The owners' parts of an item (分工): one share per owning person or unit, or per person of the school for a 全体 item
 * that each person does. A share is done by its owner's mark (负责人标记) or, for records kinds, by a record of that owner;
 * the item keeps share_count and shares_done for the status rule and for counts in SQL.
 */
@Component
class ItemShares {

    /** Shares the person :me works on: their own, the units they lead, or (no leader, not 各…组长) the units they are in. */
    static final String MINE_SQL = """
            (s.person_id = :me
             or exists (select 1 from org_unit ou where ou.id = s.unit_id and ou.leader_id = :me)
             or (s.leaders_only = false and exists (select 1 from org_unit ou where ou.id = s.unit_id and ou.leader_id is null)
                 and exists (select 1 from unit_member um where um.unit_id = s.unit_id and um.person_id = :me)))""";

    /** Shares that concern :me, for what 我的任务 shows: their own, the units they lead, and the units they are in. */
    static final String INVOLVED_SQL = """
            (s.person_id = :me
             or exists (select 1 from org_unit ou where ou.id = s.unit_id and ou.leader_id = :me)
             or (s.leaders_only = false and exists (select 1 from unit_member um where um.unit_id = s.unit_id and um.person_id = :me)))""";

    private final JdbcClient jdbc;

    ItemShares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rewrites the shares from the item's resolved owners, keeping the marks of owners who stay. */
    void write(long itemId, long institutionId, RecordKind kind, OwnerDirectory.Resolution owners) {
        List<ItemShare> before = list(itemId);
        jdbc.sql("delete from plan_item_share where item_id = ?").param(itemId).update();
        if (kind != RecordKind.PASS_EACH) {
            if (owners.all()) {
                if (kind == RecordKind.NONE || kind == RecordKind.UPLOAD) {
                    jdbc.sql("""
                            insert into plan_item_share (item_id, person_id)
                            select ?, pe.id from person pe
                             where pe.institution_id = ? and pe.deleted_at is null and pe.status = 'ACTIVE'""")
                            .params(itemId, institutionId).update();
                }
            } else {
                for (Party p : owners.parties()) {
                    jdbc.sql("insert into plan_item_share (item_id, person_id, unit_id, leaders_only) values (?, ?, ?, ?)")
                            .params(itemId, p.personId(), p.unitId(), p.leadersOnly()).update();
                }
            }
        }
        for (ItemShare old : before) {
            if (old.state() == ItemState.DONE) {
                jdbc.sql("""
                        update plan_item_share set state = 'DONE', note = ?, done_at = ?, done_by = ?, done_by_name = ?
                         where item_id = ? and coalesce(person_id, -1) = ? and coalesce(unit_id, -1) = ?""")
                        .params(old.note(), old.doneAt(), old.doneBy(), old.doneByName(), itemId,
                                old.personId() == null ? -1L : old.personId(), old.unitId() == null ? -1L : old.unitId())
                        .update();
            }
        }
        recount(itemId);
    }

    /**
     * Counts each share's records (linked records and evidence of its owner: the unit, its leader or members, or the
     * person), sets done, and keeps the item's share_count and shares_done.
     */
    void recount(long itemId) {
        jdbc.sql("""
                update plan_item_share set record_count =
                       (select count(*) from plan_item_record r where r.item_id = plan_item_share.item_id and (""" + credit("r", true) + """
                       )) + (select count(*) from attachment e left join app_user eu on eu.username = e.created_by
                                 where e.owner_type = 'plan.evidence' and e.owner_id = plan_item_share.item_id
                                   and e.deleted_at is null and (""" + credit("eu", false) + """
                       ))
                 where item_id = ?""").param(itemId).update();
        jdbc.sql("""
                update plan_item_share set done = case when state = 'DONE' then true
                       when record_count > 0 and exists (select 1 from plan_item it where it.id = plan_item_share.item_id
                                                             and it.record_kind <> 'NONE') then true else false end
                 where item_id = ?""").param(itemId).update();
        jdbc.sql("""
                update plan_item set share_count = (select count(*) from plan_item_share s where s.item_id = plan_item.id),
                                     shares_done = (select count(*) from plan_item_share s where s.item_id = plan_item.id and s.done = true)
                 where id = ?""").param(itemId).update();
    }

    /**
     * A record (table alias a) made for a unit (an activity of its organising group) counts for that unit's share only;
     * one without a unit (an observation, an uploaded file) counts for the share of the person who made it: their own,
     * or the units they lead or belong to. An evidence file's person is the person of the account that uploaded it.
     */
    private static String credit(String a, boolean withUnit) {
        String byPerson = "((plan_item_share.unit_id is not null and ("
                + a + ".person_id in (select ou.leader_id from org_unit ou where ou.id = plan_item_share.unit_id)"
                + " or " + a + ".person_id in (select um.person_id from unit_member um where um.unit_id = plan_item_share.unit_id)))"
                + " or (plan_item_share.person_id is not null and " + a + ".person_id = plan_item_share.person_id))";
        return withUnit ? "(" + a + ".unit_id is not null and " + a + ".unit_id = plan_item_share.unit_id) or (" + a
                + ".unit_id is null and " + byPerson + ")" : byPerson;
    }

    /** The shares of an item with their owners' names, open ones first, then by name. */
    List<ItemShare> list(long itemId) {
        return jdbc.sql("""
                select s.*, coalesce(pe.name, coalesce(ou.short_name, ou.name)) as owner_name from plan_item_share s
                  left join person pe on pe.id = s.person_id left join org_unit ou on ou.id = s.unit_id
                 where s.item_id = ? order by s.done, ou.sort_order, ou.name, pe.name, s.id""")
                .param(itemId).query((rs, i) -> new ItemShare(rs.getLong("id"), rs.getObject("person_id", Long.class),
                        rs.getObject("unit_id", Long.class), rs.getString("owner_name"),
                        ItemState.valueOf(rs.getString("state")), rs.getInt("record_count"), rs.getBoolean("done"),
                        rs.getString("note"), rs.getObject("done_at", LocalDateTime.class), rs.getString("done_by"),
                        rs.getString("done_by_name"))).list();
    }

    /** Ids of the shares of the item that the current user works on. */
    List<Long> mine(long itemId) {
        CurrentUser u = Access.user();
        if (u.personId() == null) {
            return List.of();
        }
        return jdbc.sql("select s.id from plan_item_share s where s.item_id = :item and " + MINE_SQL)
                .param("item", itemId).param("me", u.personId()).query(Long.class).list();
    }

    /** Sets the owner's mark on shares of the item (the caller has checked the right to). */
    void mark(long itemId, List<Long> shareIds, ItemState state, @Nullable String note) {
        if (shareIds.isEmpty()) {
            return;
        }
        boolean done = state == ItemState.DONE;
        CurrentUser u = Access.user();
        jdbc.sql("""
                update plan_item_share set state = :state, note = :note, done_at = :at, done_by = :by, done_by_name = :name
                 where item_id = :item and id in (:ids)""")
                .param("state", state.name()).param("note", note == null || note.isBlank() ? null : note.strip())
                .param("at", done ? LocalDateTime.now() : null).param("by", done ? u.username() : null)
                .param("name", done ? u.displayName() : null).param("item", itemId).param("ids", shareIds).update();
        recount(itemId);
    }

}
