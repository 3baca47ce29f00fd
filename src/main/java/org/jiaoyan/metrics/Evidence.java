package org.jiaoyan.metrics;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One record behind a count (an activity, an observation …): its day, its title as people name it, its page. */
public record Evidence(LocalDate on, String title, @Nullable String link) {
}
