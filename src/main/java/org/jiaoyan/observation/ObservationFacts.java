package org.jiaoyan.observation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who observed whom when, for modules that count observations (mentoring's weekly view, metrics). No data scope: the
 * caller has already checked that the user may see the people asked about, and only facts without scores leave here.
 */
@Service
@Transactional(readOnly = true)
public class ObservationFacts {

    private final JdbcClient jdbc;

    ObservationFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Lessons in the period where both the observer and the observed teacher are among the people. One query. */
    public List<ObservedLesson> among(Collection<Long> people, LocalDate from, LocalDate to) {
        if (people.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select observer_id, teacher_id, observed_on, lesson_type from observation
                 where deleted_at is null and observer_id in (:people) and teacher_id in (:people)
                   and observed_on between :from and :to order by observed_on""")
                .param("people", people).param("from", from).param("to", to)
                .query((rs, i) -> new ObservedLesson(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        LessonType.valueOf(rs.getString(4))))
                .list();
    }

    /** One lesson as the evidence behind a count names it: the day, who observed whom, the topic (no scores). */
    public record Lesson(long id, LocalDate observedOn, long observerId, String observerName, long teacherId,
                         String teacherName, String topic) {
    }

    /** The lessons either of two people observed of the other in the period, oldest first, at most max. One query. */
    public List<Lesson> between(long a, long b, LocalDate from, LocalDate to, int max) {
        return jdbc.sql("""
                select o.id, o.observed_on, o.observer_id, p.name, o.teacher_id, t.name, o.topic
                  from observation o join person p on p.id = o.observer_id join person t on t.id = o.teacher_id
                 where o.deleted_at is null and ((o.observer_id = :a and o.teacher_id = :b) or (o.observer_id = :b and o.teacher_id = :a))
                   and o.observed_on between :from and :to
                 order by o.observed_on, o.id limit :max""")
                .param("a", a).param("b", b).param("from", from).param("to", to).param("max", max)
                .query((rs, i) -> new Lesson(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /** Per teacher, how many of their lessons in the period were observed, and how many of those were open lessons. */
    public Map<Long, long[]> observedAndOpen(Collection<Long> teachers, LocalDate from, LocalDate to) {
        Map<Long, long[]> out = new HashMap<>();
        if (teachers.isEmpty()) {
            return out;
        }
        List<String> open = java.util.Arrays.stream(LessonType.values()).filter(LessonType::open).map(Enum::name).toList();
        jdbc.sql("""
                select teacher_id, count(*), count(distinct case when lesson_type in (:open) then observed_on end)
                  from observation where deleted_at is null and teacher_id in (:teachers) and observed_on between :from and :to
                 group by teacher_id""")
                .param("open", open).param("teachers", teachers).param("from", from).param("to", to)
                .query(rs -> {
                    out.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return out;
    }
}
