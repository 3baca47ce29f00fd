package org.jiaoyan.org;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.jiaoyan.excel.CellText;
import org.jspecify.annotations.Nullable;

/**
 * A resident identity card number (公民身份号码, GB 11643): 18 characters, the birth date in places 7–14, the sex in place
 * 17 (odd: 男), a check character (0–9 or X) computed from the other 17. Rosters almost always carry it; the import reads
 * the birth date and sex from it where their own cells are blank. The number itself is never stored.
 */
record IdNumber(LocalDate birthDate, String gender) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** The number's facts, or empty when it is not a valid 18-character number (format, date or check character). */
    static Optional<IdNumber> parse(@Nullable String text) {
        String s = CellText.digits(text).toUpperCase(java.util.Locale.ROOT);
        if (s.length() != 18) return Optional.empty();
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return Optional.empty();
            sum += (c - '0') * WEIGHTS[i];
        }
        if (s.charAt(17) != CHECK.charAt(sum % 11)) return Optional.empty();
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.of(new IdNumber(birth, (s.charAt(16) - '0') % 2 == 1 ? "M" : "F"));
    }
}
