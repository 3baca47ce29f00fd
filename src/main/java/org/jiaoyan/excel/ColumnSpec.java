package org.jiaoyan.excel;

import java.util.List;
import java.util.Locale;

/** One importable/exportable column: key, canonical Chinese header, header synonyms, template drop-down values, sample and hint. */
public record ColumnSpec(
        String key,
        String header,
        List<String> synonyms,
        boolean required,
        List<String> allowedValues,
        String sample,
        String hint) {

    public ColumnSpec {
        synonyms = List.copyOf(synonyms);
        allowedValues = List.copyOf(allowedValues);
    }

    public static ColumnSpec required(String key, String header, String... synonyms) {
        return new ColumnSpec(key, header, List.of(synonyms), true, List.of(), "", "");
    }

    public static ColumnSpec optional(String key, String header, String... synonyms) {
        return new ColumnSpec(key, header, List.of(synonyms), false, List.of(), "", "");
    }

    public ColumnSpec withAllowedValues(List<String> values) {
        return new ColumnSpec(key, header, synonyms, required, values, sample, hint);
    }

    public ColumnSpec withSample(String value) {
        return new ColumnSpec(key, header, synonyms, required, allowedValues, value, hint);
    }

    public ColumnSpec withHint(String value) {
        return new ColumnSpec(key, header, synonyms, required, allowedValues, sample, value);
    }

    /** Whether a header cell's text means this column (canonical header or a synonym, compared normalised). */
    public boolean matches(String headerText) {
        String h = normaliseHeader(headerText);
        if (h.isEmpty()) return false;
        if (h.equals(normaliseHeader(header))) return true;
        for (String s : synonyms) {
            if (h.equals(normaliseHeader(s))) return true;
        }
        return false;
    }

    /** Header comparison form: half-width, no spaces, no {@code *}, no {@code (必填)} suffix, lower case. */
    public static String normaliseHeader(String headerText) {
        String h = CellText.normalise(headerText).replace(" ", "").replace("*", "");
        if (h.endsWith("(必填)")) h = h.substring(0, h.length() - "(必填)".length());
        return h.toLowerCase(Locale.ROOT);
    }
}
