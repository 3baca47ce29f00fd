package org.jiaoyan.dictionary.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import org.jiaoyan.dictionary.DictItem;
import org.jspecify.annotations.Nullable;

/** Add/edit form of one dictionary value; aliases are typed as one line separated by 、 or commas. */
public class DictItemForm {

    private int version;
    private String code = "";
    @NotBlank
    @Size(max = 100)
    private String label = "";
    @Size(max = 100)
    private String labelEn = "";
    private @Nullable Integer rank;
    @Size(max = 1000)
    private String aliases = "";
    private int sortOrder;
    private boolean enabled = true;

    static DictItemForm of(DictItem i) {
        DictItemForm f = new DictItemForm();
        f.version = i.version();
        f.code = i.code();
        f.label = i.label();
        f.labelEn = i.labelEn() == null ? "" : i.labelEn();
        f.rank = i.rank();
        f.aliases = String.join("、", i.aliases());
        f.sortOrder = i.sortOrder();
        f.enabled = i.enabled();
        return f;
    }

    /** Codes are stored upper-case (CHINESE, G3); records keep referring to them, so they never change. */
    String normalisedCode() {
        return code.trim().toUpperCase();
    }

    @Nullable String labelEnOrNull() {
        return labelEn.isBlank() ? null : labelEn.trim();
    }

    /** Spaces stay inside an alias ("Senior Teacher"); only list separators split. */
    List<String> aliasList() {
        return Arrays.stream(aliases.split("[、,，;；|\\r\\n]+")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code == null ? "" : code; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label == null ? "" : label.trim(); }
    public String getLabelEn() { return labelEn; }
    public void setLabelEn(String labelEn) { this.labelEn = labelEn == null ? "" : labelEn; }
    public @Nullable Integer getRank() { return rank; }
    public void setRank(@Nullable Integer rank) { this.rank = rank; }
    public String getAliases() { return aliases; }
    public void setAliases(String aliases) { this.aliases = aliases == null ? "" : aliases; }
    public int getSortOrder() { return sortOrder; }
    public void setSortOrder(int sortOrder) { this.sortOrder = sortOrder; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
