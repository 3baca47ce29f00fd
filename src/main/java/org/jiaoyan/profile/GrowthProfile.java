package org.jiaoyan.profile;

import java.util.List;
import org.jiaoyan.org.Person;

/**
 * A teacher's 成长档案 as the page and the portfolio show it: the person and their groups, the years asked for, per
 * school year (newest first, only years with records) every part's tables, and the trend of the scores they received.
 */
public record GrowthProfile(Person person, List<String> groups, YearRange range, List<SchoolYear> years,
                            List<ScorePoint> trend) {

    /** One school year: its label (2026—2027学年) and the tables of all parts, empty ones included (their count is 0). */
    public record SchoolYear(int year, String label, List<ProfileTable> tables) {

        public int total() {
            return tables.stream().mapToInt(ProfileTable::count).sum();
        }
    }

    /** The scores received in one term: how many lessons were scored, their average, lowest and highest. */
    public record ScorePoint(String label, String shortLabel, int lessons, String average, String lowest,
                             String highest) {
    }
}
