package org.jiaoyan.shared;

import org.jspecify.annotations.Nullable;

/** Which page of a list, in which order; sort is a key the list whitelists, never SQL text. */
public record PageQuery(int page, int size, @Nullable String sort, boolean desc) {

    public static final int MAX_SIZE = 200;

    public PageQuery {
        page = Math.max(page, 1);
        size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
    }

    public static PageQuery of(@Nullable Integer page, @Nullable Integer size, @Nullable String sort, @Nullable String dir) {
        return new PageQuery(page == null ? 1 : page, size == null ? 20 : size, sort, "desc".equalsIgnoreCase(dir));
    }

    /** The same query moved to the last page when it asks for a page past the end (a list that shrank). */
    public PageQuery within(long total) {
        int last = (int) Math.max(1, (total + size - 1) / size);
        return page <= last ? this : new PageQuery(last, size, sort, desc);
    }

    public int offset() {
        return (page - 1) * size;
    }

    /** Every row of a paged list, page by page of {@link #MAX_SIZE} (at most 50 pages), for exports of what a list shows. */
    public static <T> java.util.List<T> allPages(java.util.function.Function<PageQuery, PageResult<T>> fetch) {
        java.util.List<T> rows = new java.util.ArrayList<>();
        for (int page = 1; page <= 50; page++) {
            PageResult<T> result = fetch.apply(new PageQuery(page, MAX_SIZE, null, false));
            rows.addAll(result.items());
            if (!result.hasNext()) {
                break;
            }
        }
        return rows;
    }
}
