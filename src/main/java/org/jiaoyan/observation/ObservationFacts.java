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
