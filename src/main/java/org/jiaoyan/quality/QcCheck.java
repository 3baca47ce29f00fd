package org.jiaoyan.quality;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** 质控检查: one item of a department checked on a day by a staff member, with the result and what follows. */
public record QcCheck(long id, long institutionId, long unitId, String unitName, LocalDate checkedOn, String item,
                      long checkerId, String checkerName, QcResult result, @Nullable String findings,
                      @Nullable String rectification, @Nullable String fileName, @Nullable String contentType,
                      @Nullable String storageKey, int version) implements QualityRecord {

    public boolean hasFile() {
        return storageKey != null && fileName != null;
    }
}
