package org.jiaoyan.activity;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * An activity in one person's record (成长档案): whether they organised it (created it), were a participant, and when
 * they signed in.
 */
public record PersonActivity(long id, String title, String typeName, String organiserName, LocalDateTime startsAt,
                             boolean organised, boolean participant, @Nullable LocalDateTime signedAt) {

    public boolean attended() {
        return signedAt != null;
    }
}
