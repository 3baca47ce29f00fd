package org.jiaoyan.profile;

import java.util.List;
import java.util.Locale;
import org.jiaoyan.mentoring.MentorEligibility;
import org.jiaoyan.mentoring.MentorPairs;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** 青蓝工程: the pairs the teacher was mentor or apprentice in, with the observations each way that year. */
@Component
class MentoringWork implements ProfileSection {

    private final MentorPairs pairs;
    private final MessageSource messages;

    MentoringWork(MentorPairs pairs, MessageSource messages) {
        this.pairs = pairs;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<ProfileTable> tables(ProfileTeacher teacher, YearRange years, Locale locale) {
        Words w = new Words(messages, locale);
        List<ProfileRow> rows = pairs.ofPerson(teacher.personId(), years.fromYear(), years.toYear()).stream()
                .map(pp -> {
                    boolean mentor = pp.pair().mentorId() == teacher.personId();
                    return new ProfileRow(MentorEligibility.yearStart(pp.pair().schoolYear()), "/mentoring/" + pp.pair().id(),
                            List.of(mentor ? pp.pair().apprenticeName() : pp.pair().mentorName(),
                                    w.text(mentor ? "growth.asMentor" : "growth.asApprentice"),
                                    w.text("growth.mutual", String.valueOf(pp.mentorObserved()),
                                            String.valueOf(pp.apprenticeObserved()))));
                })
                .toList();
        return List.of(new ProfileTable("mentoring", "growth.mentoring",
                List.of("growth.col.partner", "growth.col.role", "growth.col.mutual"), rows));
    }
}
