package org.jiaoyan.profile;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A record in a profile list: its date (which places it in a school year), a link to it, and its texts. */
public record ProfileRow(LocalDate date, @Nullable String link, List<String> cells) {

    public ProfileRow {
        cells = List.copyOf(cells);
    }
}
