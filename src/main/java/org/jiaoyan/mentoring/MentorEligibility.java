package org.jiaoyan.mentoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jiaoyan.dictionary.DictItem;
import org.jiaoyan.shared.ChineseDates;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * 中高级教师要对工作未满三年的青年进行业务传帮带: the mentor holds 一级 (中级) or above, the apprentice has fewer than
 * three full years of service at the start of the pair's school year (1 September). A pair that breaks the rule is
 * made only with a reason, which is recorded.
 */
public final class MentorEligibility {

    /** Rank of 一级教师 (中级) in the title dictionary; 高级 and 正高级 rank above. */
    public static final int MENTOR_MIN_RANK = 3;
    /** Apprentices have fewer than this many full years of service. */
    public static final int APPRENTICE_YEARS = 3;

    private MentorEligibility() {
    }

    /** The outcome: the rule's problems (at the mentor / apprentice field) and whether a reason overrides them. */
    public record Result(List<FieldProblem> problems, boolean overridden) {
        public boolean eligible() {
            return problems.isEmpty();
        }
    }

    /** 1 September of the school year: years of service are counted up to this day. */
    public static LocalDate yearStart(int schoolYear) {
        return LocalDate.of(schoolYear, 9, 1);
    }

    /**
     * The rank of a title written as its code (T1), its name (一级教师) or an older roster name (小学高级, 中学一级 …),
     * ignoring spaces and full-width letters; null when unknown.
     */
    public static @Nullable Integer rank(@Nullable String title, List<DictItem> titles) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String key = key(title);
        for (DictItem i : titles) {
            if (key.equals(key(i.code())) || key.equals(key(i.label()))
                    || (i.labelEn() != null && key.equals(key(i.labelEn())))
                    || i.aliases().stream().anyMatch(a -> key.equals(key(a)))) {
                return i.rank();
            }
        }
        return null;
    }

    public static Result check(@Nullable Integer mentorRank, @Nullable LocalDate apprenticeWorkStart, int schoolYear,
                               @Nullable String overrideReason) {
        List<FieldProblem> problems = new ArrayList<>();
        if (mentorRank == null || mentorRank < MENTOR_MIN_RANK) {
            problems.add(new FieldProblem("mentorId", "mentoring.mentor.titleTooLow"));
        }
        Integer years = ChineseDates.fullYears(apprenticeWorkStart, yearStart(schoolYear));
        if (apprenticeWorkStart == null) {
            problems.add(new FieldProblem("apprenticeId", "mentoring.apprentice.workStartUnknown"));
        } else if (years != null && years >= APPRENTICE_YEARS) {
            problems.add(new FieldProblem("apprenticeId", "mentoring.apprentice.tooExperienced", years));
        }
        boolean reason = overrideReason != null && !overrideReason.isBlank();
        return new Result(problems, !problems.isEmpty() && reason);
    }

    private static String key(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (!Character.isWhitespace(c) && c != '\u3000') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
