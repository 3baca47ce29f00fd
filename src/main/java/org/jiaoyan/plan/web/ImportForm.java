package org.jiaoyan.plan.web;

import java.util.ArrayList;
import java.util.List;

/** The import preview as a form: where the plan goes, and every row and section as the user corrected them. */
public class ImportForm {

    private Long unitId;
    private Long termId;
    private String title;
    private List<Row> rows = new ArrayList<>();
    private List<Section> sections = new ArrayList<>();
    private List<String> unrecognised = new ArrayList<>();

    /** A schedule row of the preview; include=false drops it. */
    public static class Row {
        private boolean include = true;
        private String category;
        private String content;
        private String time;
        private String owner;
        private int line;
        /** What the parser guessed for this row (Doubt names joined by ","); empty when it read the row plainly. */
        private String doubts = "";

        public String getDoubts() {
            return doubts;
        }

        public void setDoubts(String doubts) {
            this.doubts = doubts == null ? "" : doubts;
        }

        /** Whether a person should check this row first. */
        public boolean isCheck() {
            return !doubts.isBlank();
        }

        public List<String> getDoubtList() {
            return doubts.isBlank() ? List.of() : List.of(doubts.split(","));
        }

        public boolean isInclude() {
            return include;
        }

        public void setInclude(boolean include) {
            this.include = include;
        }

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public String getContent() {
            return content;
        }

        public void setContent(String content) {
            this.content = content;
        }

        public String getTime() {
            return time;
        }

        public void setTime(String time) {
            this.time = time;
        }

        public String getOwner() {
            return owner;
        }

        public void setOwner(String owner) {
            this.owner = owner;
        }

        public int getLine() {
            return line;
        }

        public void setLine(int line) {
            this.line = line;
        }
    }

    /** A section found in the text. */
    public static class Section {
        private boolean include = true;
        private String title;
        private String text;

        public boolean isInclude() {
            return include;
        }

        public void setInclude(boolean include) {
            this.include = include;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public Long getTermId() {
        return termId;
    }

    public void setTermId(Long termId) {
        this.termId = termId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public List<Row> getRows() {
        return rows;
    }

    public void setRows(List<Row> rows) {
        this.rows = rows;
    }

    public List<Section> getSections() {
        return sections;
    }

    public void setSections(List<Section> sections) {
        this.sections = sections;
    }

    /** Indexes of the rows to check first, in order. */
    public List<Integer> getCheckRows() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).isCheck()) {
                out.add(i);
            }
        }
        return out;
    }

    public List<String> getUnrecognised() {
        return unrecognised;
    }

    public void setUnrecognised(List<String> unrecognised) {
        this.unrecognised = unrecognised;
    }
}
