package org.jiaoyan.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.jiaoyan.observation.ObservationRow;
import org.jiaoyan.observation.Observations;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** 听课与评课: the lessons the teacher observed (听课) and the lessons of theirs others observed (被听课), with scores. */
@Component
class ObservationWork implements ProfileSection {

    private final Observations observations;
    private final MessageSource messages;

    ObservationWork(Observations observations, MessageSource messages) {
        this.observations = observations;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<ProfileTable> tables(ProfileTeacher teacher, YearRange years, Locale locale) {
        Words w = new Words(messages, locale);
        List<ObservationRow> rows = observations.ofPerson(teacher.personId(), years.from(), years.to());
        List<ProfileRow> given = rows.stream().filter(o -> o.observerId() == teacher.personId())
                .map(o -> new ProfileRow(o.observedOn(), "/observations/" + o.id(),
                        List.of(o.topic(), o.teacherName(), w.text(o.lessonType().messageKey()), score(o.total()))))
                .toList();
        List<ProfileRow> received = rows.stream().filter(o -> o.teacherId() == teacher.personId())
                .map(o -> new ProfileRow(o.observedOn(), "/observations/" + o.id(),
                        List.of(o.topic(), o.observerName(), w.text(o.lessonType().messageKey()), score(o.total()))))
                .toList();
        return List.of(
                new ProfileTable("observationsGiven", "growth.observationsGiven",
                        List.of("growth.col.topic", "growth.col.teacher", "growth.col.lessonType", "growth.col.score"), given),
                new ProfileTable("observationsReceived", "growth.observationsReceived",
                        List.of("growth.col.topic", "growth.col.observer", "growth.col.lessonType", "growth.col.score"), received));
    }

    static String score(@Nullable BigDecimal total) {
        return total == null ? "—" : total.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
