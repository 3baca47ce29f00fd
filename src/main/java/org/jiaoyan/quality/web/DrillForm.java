package org.jiaoyan.quality.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.quality.Drill;
import org.jiaoyan.quality.DrillData;
import org.jiaoyan.quality.DrillOutcome;
import org.jiaoyan.quality.DrillResult;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The 应急演练 form: scenario and, per staff member, 通过 / 未通过 / 未参加 (outcomes[personId] = PASS, FAIL or empty)
 * with an optional note (notes[personId]).
 */
public class DrillForm implements QualityRecordController.RecordForm<DrillData> {

    static final String PASS = "PASS";
    static final String FAIL = "FAIL";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate heldOn;
    private @Nullable String scenario;
    private @Nullable String note;
    private Map<String, String> outcomes = new LinkedHashMap<>();
    private Map<String, String> notes = new LinkedHashMap<>();
    private int version;

    static DrillForm of(Drill d) {
        DrillForm f = new DrillForm();
        f.heldOn = d.heldOn();
        f.scenario = d.scenario();
        f.note = d.note();
        for (DrillResult r : d.results()) {
            f.outcomes.put(String.valueOf(r.personId()), r.passed() ? PASS : FAIL);
            if (r.note() != null) {
                f.notes.put(String.valueOf(r.personId()), r.note());
            }
        }
        f.version = d.version();
        return f;
    }

    @Override
    public DrillData data(long unitId) {
        List<DrillOutcome> list = new ArrayList<>();
        outcomes.forEach((person, outcome) -> {
            Long id = parse(person);
            if (id != null && (PASS.equals(outcome) || FAIL.equals(outcome))) {
                list.add(new DrillOutcome(id, PASS.equals(outcome), notes.get(person)));
            }
        });
        return new DrillData(unitId, heldOn, scenario, note, list);
    }

    /** The outcome chosen for a person: PASS, FAIL or "" (未参加). */
    public String outcomeOf(long personId) {
        return outcomes.getOrDefault(String.valueOf(personId), "");
    }

    public String noteOf(long personId) {
        return notes.getOrDefault(String.valueOf(personId), "");
    }

    private static @Nullable Long parse(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public @Nullable LocalDate getHeldOn() { return heldOn; }
    public void setHeldOn(@Nullable LocalDate heldOn) { this.heldOn = heldOn; }
    public @Nullable String getScenario() { return scenario; }
    public void setScenario(@Nullable String scenario) { this.scenario = scenario; }
    public @Nullable String getNote() { return note; }
    public void setNote(@Nullable String note) { this.note = note; }
    public Map<String, String> getOutcomes() { return outcomes; }
    public void setOutcomes(Map<String, String> outcomes) { this.outcomes = outcomes; }
    public Map<String, String> getNotes() { return notes; }
    public void setNotes(Map<String, String> notes) { this.notes = notes; }
    @Override
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
