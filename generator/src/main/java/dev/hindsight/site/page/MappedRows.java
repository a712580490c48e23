package dev.hindsight.site.page;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * Rows made from their items only when the template reads them, one at a time. The action pages list every item of
 * the knowledge base: 336,000 rows for 50,000 reports, a few hundred MB as a list of row models, while the page itself
 * is streamed to disk. Immutable: the page records keep it as it is instead of copying (which would make every row).
 *
 * @param <I> the items
 * @param <R> their rows
 */
public final class MappedRows<I, R> extends AbstractList<R> implements RandomAccess {
    private final List<I> items;
    private final Function<I, R> row;

    /** @param row makes an item's row; it may be called again for the same item and must give an equal row */
    public MappedRows(List<I> items, Function<I, R> row) {
        this.items = List.copyOf(items);
        this.row = row;
    }

    @Override
    public R get(int index) {
        return row.apply(items.get(index));
    }

    @Override
    public int size() {
        return items.size();
    }

    /** {@code rows} as a page keeps them: a {@link MappedRows} as it is, any other list copied. */
    static <R> List<R> kept(List<R> rows) {
        return rows instanceof MappedRows<?, R> ? rows : List.copyOf(rows);
    }
}
