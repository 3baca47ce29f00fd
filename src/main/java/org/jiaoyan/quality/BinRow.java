package org.jiaoyan.quality;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A deleted quality record in the recycle bin: kind (checks, trainings, drills), what it was, when it was deleted. */
public record BinRow(String kind, long id, String title, String unitName, LocalDate date, LocalDateTime deletedAt) {
}
