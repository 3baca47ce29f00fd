package org.jiaoyan.shared;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Orders names as people count: 一年级、二年级…六年级, 初一、初二、初三, 高一…, 第2周 before 第10周 — numbers written in
 * digits or Chinese numerals compare by value, 初/高 grades follow 六年级 (初一 = 七年级), the rest by the Chinese
 * collation. The one comparator for lists of grades, groups and units.
 */
public final class NaturalOrder implements Comparator<String> {

    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private static final String DIGITS = "零一二三四五六七八九";

    /** Built on the first comparison, not when a class that holds this comparator loads: the Chinese rules take a
     * noticeable part of a start to parse. */
    private static final class Chinese {
        static final Collator COLLATOR = Collator.getInstance(Locale.CHINA);
    }

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        return compareTokens(tokens(a), tokens(b), (p, q) -> Chinese.COLLATOR.compare((String) p, (String) q));
    }

    /** Token by token: numbers by value and before text in the same place, text by the given comparison. */
    private static int compareTokens(List<Object> x, List<Object> y, Comparator<Object> text) {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            Object p = x.get(i);
            Object q = y.get(i);
            int c;
            if (p instanceof Long m && q instanceof Long n) {
                c = Long.compare(m, n);
            } else if (p instanceof Long) {
                c = -1; // a number sorts before text in the same place
            } else if (q instanceof Long) {
                c = 1;
            } else {
                c = text.compare(p, q);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    /**
     * The name prepared once for many comparisons: sorting thousands of rows compares each name about log n times,
     * and splitting and collating it every time cost more than the rest of a county's compliance matrix.
     */
    public Key key(String name) {
        List<Object> tokens = tokens(name);
        List<Object> prepared = new ArrayList<>(tokens.size());
        for (Object t : tokens) {
            prepared.add(t instanceof String text ? Chinese.COLLATOR.getCollationKey(text) : t);
        }
        return new Key(prepared);
    }

    /** Compares as {@link #compare} compares the names it was made from. */
    public static final class Key implements Comparable<Key> {

        private final List<Object> tokens;

        private Key(List<Object> tokens) {
            this.tokens = tokens;
        }

        @Override
        public int compareTo(Key other) {
            return compareTokens(tokens, other.tokens,
                    (p, q) -> ((java.text.CollationKey) p).compareTo((java.text.CollationKey) q));
        }
    }

    /** 初一 → 7年级, 高二 → 11年级 so that middle and high school grades follow the primary ones. */
    private static String grades(String s) {
        String[] cn = {"一", "二", "三"};
        for (int i = 0; i < 3; i++) {
            s = s.replace("初" + cn[i], (7 + i) + "年级").replace("高" + cn[i], (10 + i) + "年级");
        }
        return s;
    }

    private static List<Object> tokens(String raw) {
        String s = grades(raw == null ? "" : raw);
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            int j = i;
            if (Character.isDigit(ch)) {
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                out.add(Long.parseLong(s.substring(i, Math.min(j, i + 18))));
            } else if (isChineseNumeral(ch)) {
                while (j < s.length() && isChineseNumeral(s.charAt(j))) {
                    j++;
                }
                out.add(chineseValue(s.substring(i, j)));
            } else {
                while (j < s.length() && !Character.isDigit(s.charAt(j)) && !isChineseNumeral(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
            }
            i = j;
        }
        return out;
    }

    private static boolean isChineseNumeral(char c) {
        return DIGITS.indexOf(c) >= 0 || c == '十' || c == '百' || c == '两';
    }

    /** 十二 = 12, 二十 = 20, 一百零五 = 105, 二〇二六-style digit strings read digit by digit. */
    static long chineseValue(String s) {
        if (s.indexOf('十') < 0 && s.indexOf('百') < 0) {
            long v = 0;
            for (char c : s.toCharArray()) {
                v = v * 10 + (c == '两' ? 2 : DIGITS.indexOf(c));
            }
            return v;
        }
        long total = 0;
        long digit = 0;
        for (char c : s.toCharArray()) {
            if (c == '百') {
                total += (digit == 0 ? 1 : digit) * 100;
                digit = 0;
            } else if (c == '十') {
                total += (digit == 0 ? 1 : digit) * 10;
                digit = 0;
            } else {
                digit = c == '两' ? 2 : DIGITS.indexOf(c);
            }
        }
        return total + digit;
    }
}
