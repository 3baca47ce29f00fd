package org.jiaoyan.mentoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.observation.ObservedLesson;
import org.jiaoyan.org.SchoolTerm;

/**
 * 每周互听一节课: per pair and teaching week of a term, how often the mentor observed the apprentice and the apprentice
 * observed the mentor. Weeks not yet over are not gaps (the
 * current week counts as upcoming until both directions happened).
 */
public record WeekMatrix(SchoolTerm term, List<Integer> weeks, List<Row> rows) {

    /** Both directions, one direction, none, or a week still to come. */
    public enum State {
        BOTH, MENTOR_ONLY, APPRENTICE_ONLY, NONE, UPCOMING;

        public boolean gap() {
            return this != BOTH && this != UPCOMING;
        }
    }

    public record Cell(int week, LocalDate weekStart, int mentorObserved, int apprenticeObserved, State state) {
    }

    public record Row(MentorPair pair, List<Cell> cells) {

        public long mutualWeeks() {
            return cells.stream().filter(c -> c.state() == State.BOTH).count();
        }

        public long gaps() {
            return cells.stream().filter(c -> c.state().gap()).count();
        }
    }

    /** Builds the matrix from the lessons among the pairs' people; a lesson outside the term or a pair is ignored. */
    public static WeekMatrix of(SchoolTerm term, List<MentorPair> pairs, List<ObservedLesson> lessons, LocalDate today) {
        Map<String, int[]> counts = new HashMap<>(); // "mentor:apprentice:week" → [mentor observed, apprentice observed]
        for (ObservedLesson l : lessons) {
            Integer week = term.weekOf(l.observedOn());
            if (week == null) {
                continue;
            }
            counts.computeIfAbsent(l.observerId() + ":" + l.teacherId() + ":" + week, k -> new int[1])[0]++;
        }
        List<Integer> weeks = new ArrayList<>();
        for (int w = 1; w <= term.weekCount(); w++) {
            weeks.add(w);
        }
        List<Row> rows = new ArrayList<>();
        for (MentorPair p : pairs) {
            List<Cell> cells = new ArrayList<>();
            for (int w : weeks) {
                int m = counts.getOrDefault(p.mentorId() + ":" + p.apprenticeId() + ":" + w, new int[1])[0];
                int a = counts.getOrDefault(p.apprenticeId() + ":" + p.mentorId() + ":" + w, new int[1])[0];
                LocalDate start = term.weekStart(w);
                boolean over = start.plusDays(6).isBefore(today);
                State s = m > 0 && a > 0 ? State.BOTH : !over ? State.UPCOMING
                        : m > 0 ? State.MENTOR_ONLY : a > 0 ? State.APPRENTICE_ONLY : State.NONE;
                cells.add(new Cell(w, start, m, a, s));
            }
            rows.add(new Row(p, cells));
        }
        return new WeekMatrix(term, weeks, rows);
    }
}
