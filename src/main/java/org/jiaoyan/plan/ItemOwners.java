package org.jiaoyan.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The people behind items' owners, for notices: named persons, the leaders of owning units, and their members unless
 * the owner text named the leaders only (各教研组长). 全体 is left to the caller, who knows whether everyone is meant.
 */
@Component
class ItemOwners {

    private final JdbcClient jdbc;

    ItemOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, Set<Long>> of(List<Long> itemIds) {
        Map<Long, Set<Long>> out = new HashMap<>();
        for (int i = 0; i < itemIds.size(); i += 500) {
            List<Long> chunk = itemIds.subList(i, Math.min(itemIds.size(), i + 500));
            jdbc.sql("""
                    select pp.item_id, pp.person_id from plan_item_party pp
                     where pp.role = 'OWNER' and pp.person_id is not null and pp.item_id in (:ids)
                    union
                    select pp.item_id, ou.leader_id from plan_item_party pp join org_unit ou on ou.id = pp.unit_id
                     where pp.role = 'OWNER' and ou.leader_id is not null and pp.item_id in (:ids)
                    union
                    select pp.item_id, um.person_id from plan_item_party pp join unit_member um on um.unit_id = pp.unit_id
                     where pp.role = 'OWNER' and pp.leaders_only = false and pp.item_id in (:ids)""")
                    .param("ids", chunk)
                    .query(rs -> {
                        out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getLong(2));
                    });
        }
        return out;
    }

    Set<Long> of(long itemId) {
        return of(new ArrayList<>(List.of(itemId))).getOrDefault(itemId, Set.of());
    }
}
