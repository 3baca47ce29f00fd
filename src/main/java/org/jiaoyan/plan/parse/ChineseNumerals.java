package org.jiaoyan.plan.parse;

/** Turns the numerals of a time text into ASCII digits: 十二月 → 12月, 元月 → 1月, 第一周 → 第1周, １０月 → 10月. */
public final class ChineseNumerals {

    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumerals() {
    }

    static String toDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                out.append((char) ('0' + (c - '０')));
                i++;
            } else if (c == '元' && text.startsWith("月", i + 1)) {
                out.append('1'); // 元月: January, the last month of the first term
                i++;
            } else if (isNumeral(c)) {
                int end = i;
                while (end < text.length() && isNumeral(text.charAt(end))) {
                    end++;
                }
                int value = valueOf(text.substring(i, end));
                out.append(value < 0 ? text.substring(i, end) : Integer.toString(value));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    static boolean isNumeral(char c) {
        return DIGITS.indexOf(c) >= 0 || c == '十' || c == '零' || c == '两';
    }

    /** Values up to 99 as written in plans (一, 十, 十二, 二十, 二十三); -1 for anything else. */
    public static int valueOf(String numeral) {
        String s = numeral.replace('零', '〇').replace('两', '二');
        int ten = s.indexOf('十');
        if (ten < 0) {
            return s.length() == 1 ? DIGITS.indexOf(s.charAt(0)) : -1;
        }
        if (s.indexOf('十', ten + 1) >= 0 || ten > 1 || s.length() - ten > 2) {
            return -1;
        }
        int tens = ten == 0 ? 1 : DIGITS.indexOf(s.charAt(0));
        int ones = ten == s.length() - 1 ? 0 : DIGITS.indexOf(s.charAt(ten + 1));
        return tens <= 0 || ones < 0 ? -1 : tens * 10 + ones;
    }
}
