package org.jiaoyan.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list with the total over all pages; serialises as {items, total, page, size}. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    /** Page numbers to link around the current one (at most five). */
    public List<Integer> window() {
        int from = Math.max(1, page - 2);
        int to = Math.min(totalPages(), page + 2);
        return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
    }

    public <R> PageResult<R> map(Function<T, R> f) {
        return new PageResult<>(items.stream().map(f).toList(), total, page, size);
    }
}
