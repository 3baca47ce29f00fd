package org.jiaoyan.research.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jiaoyan.research.Decision;
import org.jspecify.annotations.Nullable;

/** A reviewer's scores (item id → points as typed), opinion and recommendation. */
public class ScoreForm {

    private Map<Long, String> points = new LinkedHashMap<>();
    private @Nullable String opinion;
    private @Nullable Decision recommendation;
    private int version;

    public Map<Long, String> getPoints() {
        return points;
    }

    public void setPoints(Map<Long, String> points) {
        this.points = points;
    }

    public @Nullable String getOpinion() {
        return opinion;
    }

    public void setOpinion(@Nullable String opinion) {
        this.opinion = opinion;
    }

    public @Nullable Decision getRecommendation() {
        return recommendation;
    }

    public void setRecommendation(@Nullable Decision recommendation) {
        this.recommendation = recommendation;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
