package org.jiaoyan.research.web;

import java.time.LocalDate;
import org.jiaoyan.research.ProjectLevel;
import org.jiaoyan.research.Projects.RoundRow;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A round (申报批次) as its organiser edits it; kept as typed when refused. */
public class RoundForm {

    private @Nullable String name;
    private @Nullable ProjectLevel level;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate applyUntil;
    private int version;

    static RoundForm of(RoundRow r) {
        RoundForm f = new RoundForm();
        f.name = r.name();
        f.level = r.level();
        f.applyUntil = r.applyUntil();
        f.version = r.version();
        return f;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable ProjectLevel getLevel() {
        return level;
    }

    public void setLevel(@Nullable ProjectLevel level) {
        this.level = level;
    }

    public @Nullable LocalDate getApplyUntil() {
        return applyUntil;
    }

    public void setApplyUntil(@Nullable LocalDate applyUntil) {
        this.applyUntil = applyUntil;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
