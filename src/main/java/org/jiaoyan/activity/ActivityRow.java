package org.jiaoyan.activity;

import java.time.LocalDateTime;

/** An activity as the list shows it, with its participant and sign-in counts. */
public record ActivityRow(long id, String title, String typeName, String organiserName, String institutionName,
                          LocalDateTime startsAt, String place, int participants, int signedIn) {
}
