package org.jiaoyan.profile;

import java.util.List;

/**
 * One list of a profile part (听课, 被听课, 组织的活动 …): its title and column headers as message keys, and its rows.
 * The first column is always the row's date; {@code columnKeys} name the ones after it.
 */
public record ProfileTable(String id, String titleKey, List<String> columnKeys, List<ProfileRow> rows) {

    public ProfileTable {
        columnKeys = List.copyOf(columnKeys);
        rows = List.copyOf(rows);
    }

    public int count() {
        return rows.size();
    }

    public ProfileTable withRows(List<ProfileRow> only) {
        return new ProfileTable(id, titleKey, columnKeys, only);
    }
}
