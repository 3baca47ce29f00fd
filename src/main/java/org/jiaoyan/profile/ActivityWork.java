package org.jiaoyan.profile;

import java.util.List;
import java.util.Locale;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.activity.CollectivePrep;
import org.jiaoyan.activity.PersonActivity;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** 教研活动: the activities the teacher organised and took part in, and their 集体备课 parts. */
@Component
class ActivityWork implements ProfileSection {

    private final Activities activities;
    private final CollectivePrep prep;
    private final MessageSource messages;

    ActivityWork(Activities activities, CollectivePrep prep, MessageSource messages) {
        this.activities = activities;
        this.prep = prep;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<ProfileTable> tables(ProfileTeacher teacher, YearRange years, Locale locale) {
        Words w = new Words(messages, locale);
        List<PersonActivity> all = activities.ofPerson(teacher.personId(), teacher.usernames(), years.from(), years.to());
        List<ProfileRow> organised = all.stream().filter(PersonActivity::organised)
                .map(a -> new ProfileRow(a.startsAt().toLocalDate(), "/activities/" + a.id(),
                        List.of(a.title(), a.typeName(), a.organiserName())))
                .toList();
        List<ProfileRow> attended = all.stream().filter(a -> a.participant() || a.attended())
                .map(a -> new ProfileRow(a.startsAt().toLocalDate(), "/activities/" + a.id(),
                        List.of(a.title(), a.typeName(), a.organiserName(),
                                w.text(a.attended() ? "growth.signedIn" : "growth.notSignedIn"))))
                .toList();
        List<ProfileRow> parts = prep.partsOf(teacher.personId(), years.from(), years.to()).stream()
                .map(p -> new ProfileRow(p.startsAt().toLocalDate(), "/activities/" + p.activityId(),
                        List.of(p.title(), p.part() == null ? "" : p.part(),
                                w.text("growth.stepsDone", String.valueOf(p.stepsDone()), String.valueOf(p.steps())))))
                .toList();
        return List.of(
                new ProfileTable("organised", "growth.organised",
                        List.of("growth.col.title", "growth.col.type", "growth.col.organiser"), organised),
                new ProfileTable("attended", "growth.attended",
                        List.of("growth.col.title", "growth.col.type", "growth.col.organiser", "growth.col.signIn"), attended),
                new ProfileTable("prep", "growth.prep",
                        List.of("growth.col.activity", "growth.col.part", "growth.col.steps"), parts));
    }
}
