package org.jiaoyan.quality;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What creates or changes a quality-control check (as typed; the service checks it). */
public record QcCheckData(long unitId, @Nullable LocalDate checkedOn, @Nullable String item, @Nullable Long checkerId,
                          @Nullable QcResult result, @Nullable String findings, @Nullable String rectification) {
}
