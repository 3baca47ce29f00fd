package org.jiaoyan.dictionary;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** One value of a dictionary; rank orders values rules compare (职称 一级 < 高级), aliases are roster spellings. */
public record DictItem(long id, String kind, String code, String label, @Nullable String labelEn,
                       @Nullable Integer rank, List<String> aliases, int sortOrder, boolean enabled, int version) {

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) && labelEn != null && !labelEn.isBlank() ? labelEn : label;
    }
}
