package org.jiaoyan.research.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The review form designer's fields: a name and rows of items (name, 满分) added, removed and moved on the page. */
public class ReviewFormForm {

    private @Nullable String name;
    private int version;
    private List<Row> items = new ArrayList<>();

    /** One item row as typed. */
    public static class Row {
        private @Nullable String name;
        private @Nullable String maxPoints;

        public Row() {
        }

        public Row(@Nullable String name, @Nullable String maxPoints) {
            this.name = name;
            this.maxPoints = maxPoints;
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }

        public @Nullable String getMaxPoints() {
            return maxPoints;
        }

        public void setMaxPoints(@Nullable String maxPoints) {
            this.maxPoints = maxPoints;
        }
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public List<Row> getItems() {
        return items;
    }

    public void setItems(List<Row> items) {
        this.items = items;
    }
}
