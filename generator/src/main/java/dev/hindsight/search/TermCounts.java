package dev.hindsight.search;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The terms of one describing field with their counts, as two sorted arrays behind an immutable map. Related
 * incidents keep one per field of every incident: for 50,000 incidents that is 4.4 million terms, which as hash
 * maps took about 180 MB (a 32-byte node and a table slot each); here a term takes 8 bytes. Lookups are binary
 * searches over a few dozen terms.
 */
final class TermCounts extends AbstractMap<String, Integer> {
    private static final TermCounts EMPTY = new TermCounts(new String[0], new int[0]);

    private final String[] terms;
    private final int[] counts;

    private TermCounts(String[] terms, int[] counts) {
        this.terms = terms;
        this.counts = counts;
    }

    /** The counts of {@code counted}, which is left as it is. */
    static TermCounts of(Map<String, Integer> counted) {
        if (counted.isEmpty()) {
            return EMPTY;
        }
        String[] terms = counted.keySet().toArray(new String[0]);
        Arrays.sort(terms);
        int[] counts = new int[terms.length];
        for (int i = 0; i < terms.length; i++) {
            counts[i] = counted.get(terms[i]);
        }
        return new TermCounts(terms, counts);
    }

    /**
     * The counts of {@code terms}, which must ascend without repeats, taking both arrays over: for a restore, whose
     * terms were written in order.
     */
    static TermCounts ofSorted(String[] terms, int[] counts) {
        if (terms.length != counts.length) {
            throw new IllegalArgumentException(terms.length + " terms with " + counts.length + " counts");
        }
        for (int i = 1; i < terms.length; i++) {
            if (terms[i - 1].compareTo(terms[i]) >= 0) {
                throw new IllegalArgumentException("terms out of order: " + terms[i - 1] + ", " + terms[i]);
            }
        }
        return terms.length == 0 ? EMPTY : new TermCounts(terms, counts);
    }

    private int indexOf(Object term) {
        return term instanceof String text ? Arrays.binarySearch(terms, text) : -1;
    }

    @Override
    public Integer get(Object term) {
        int i = indexOf(term);
        return i >= 0 ? counts[i] : null;
    }

    @Override
    public boolean containsKey(Object term) {
        return indexOf(term) >= 0;
    }

    @Override
    public int size() {
        return terms.length;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Integer> action) {
        for (int i = 0; i < terms.length; i++) {
            action.accept(terms[i], counts[i]);
        }
    }

    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return Arrays.asList(terms).iterator(); // a view: its remove is unsupported, as it must be
            }

            @Override
            public int size() {
                return terms.length;
            }

            @Override
            public boolean contains(Object term) {
                return containsKey(term);
            }
        };
    }

    @Override
    public Set<Entry<String, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Integer>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < terms.length;
                    }

                    @Override
                    public Entry<String, Integer> next() {
                        if (next >= terms.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(terms[i], counts[i]);
                    }
                };
            }

            @Override
            public int size() {
                return terms.length;
            }
        };
    }
}
