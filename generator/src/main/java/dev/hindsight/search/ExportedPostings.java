package dev.hindsight.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every term of the index with its postings in the browser engine's encoding (see {@link #append}), and each
 * field's collection statistics. Kept between builds of the preview server: after an edit only the postings of
 * the terms the edited incidents had or have are re-read, and only from their own segments.
 */
final class ExportedPostings {
    /** A field's collection statistics (docCount, sumTotalTermFreq: the average length BM25 uses). */
    record FieldStatistics(SearchField field, long docCount, long sumTotalTermFreq) {
    }

    private final TreeMap<String, StringBuilder> postings = new TreeMap<>();
    private final List<FieldStatistics> statistics = new ArrayList<>();
    /** What the shard count is computed from: each term's UTF-8 bytes and postings plus five. */
    private long bytes;

    private ExportedPostings() {
    }

    /** Reads every field's terms and postings from the index, its segments as one. */
    static ExportedPostings read(IndexReader reader) throws IOException {
        ExportedPostings exported = new ExportedPostings();
        for (SearchField field : SearchField.values()) {
            Terms terms = MultiTerms.getTerms(reader, field.fieldName());
            if (terms != null) {
                int[] norms = norms(reader, field);
                TermsEnum termsEnum = terms.iterator();
                PostingsEnum docs = null;
                for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
                    docs = termsEnum.postings(docs, PostingsEnum.FREQS);
                    StringBuilder out = exported.postings.computeIfAbsent(term.utf8ToString(), t -> new StringBuilder());
                    VarintText.append(out, field.ordinal());
                    VarintText.append(out, termsEnum.docFreq());
                    int previous = -1;
                    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                        append(out, doc - previous - 1, docs.freq(), norms[doc]);
                        previous = doc;
                    }
                }
            }
        }
        exported.statistics.addAll(statistics(reader));
        exported.postings.forEach((term, encoded) -> exported.bytes += weight(term, encoded));
        return exported;
    }

    /**
     * Re-reads, from {@code reader} (the index after an edit, documents in the same places), the postings of
     * {@code terms} in the documents {@code docs}: every term an edited incident had before or has now, so that
     * no other term's postings changed.
     */
    void update(IndexReader reader, List<Integer> docs, Collection<String> terms) throws IOException {
        List<Integer> sorted = docs.stream().sorted().toList();
        for (String term : terms) {
            StringBuilder old = postings.get(term);
            int[][] fields = decode(old);
            StringBuilder updated = new StringBuilder();
            for (SearchField field : SearchField.values()) {
                int[] entries = fields[field.ordinal()];
                // Documents ascending: the old ones that did not change, the changed ones as they are now.
                int[] merged = new int[entries.length + 3 * sorted.size()];
                int n = 0;
                int next = 0;
                for (int i = 0; i <= entries.length; i += 3) {
                    int doc = i < entries.length ? entries[i] : Integer.MAX_VALUE;
                    while (next < sorted.size() && sorted.get(next) <= doc) {
                        int[] entry = entry(reader, field, term, sorted.get(next));
                        if (entry != null) {
                            merged[n++] = sorted.get(next);
                            merged[n++] = entry[0];
                            merged[n++] = entry[1];
                        }
                        next++;
                    }
                    if (i < entries.length && Collections.binarySearch(sorted, doc) < 0) {
                        merged[n++] = doc;
                        merged[n++] = entries[i + 1];
                        merged[n++] = entries[i + 2];
                    }
                }
                if (n > 0) {
                    VarintText.append(updated, field.ordinal());
                    VarintText.append(updated, n / 3);
                    int previous = -1;
                    for (int i = 0; i < n; i += 3) {
                        append(updated, merged[i] - previous - 1, merged[i + 1], merged[i + 2]);
                        previous = merged[i];
                    }
                }
            }
            if (old != null) {
                bytes -= weight(term, old);
                postings.remove(term);
            }
            if (!updated.isEmpty()) {
                bytes += weight(term, updated);
                postings.put(term, updated);
            }
        }
        statistics.clear();
        statistics.addAll(statistics(reader));
    }

    SortedMap<String, StringBuilder> terms() {
        return postings;
    }

    List<FieldStatistics> statistics() {
        return statistics;
    }

    long bytes() {
        return bytes;
    }

    /**
     * One document of a term's postings in a field: the gap to the previous document (minus one) doubled plus
     * one when the frequency is above one, the frequency minus two when it is, and the norm byte.
     */
    private static void append(StringBuilder out, int gap, int freq, int norm) {
        VarintText.append(out, 2L * gap + (freq > 1 ? 1 : 0));
        if (freq > 1) {
            VarintText.append(out, freq - 2);
        }
        VarintText.append(out, norm);
    }

    /** Encoded postings decoded, per field ordinal: document, frequency and norm after each other. */
    private static int[][] decode(CharSequence encoded) {
        int[][] fields = new int[SearchField.values().length][];
        Arrays.fill(fields, new int[0]);
        int at = 0;
        while (encoded != null && at < encoded.length()) {
            long[] number = new long[1];
            at = read(encoded, at, number);
            int ordinal = (int) number[0];
            at = read(encoded, at, number);
            int[] entries = new int[3 * (int) number[0]];
            int doc = -1;
            for (int i = 0; i < entries.length; i += 3) {
                at = read(encoded, at, number);
                long code = number[0];
                int freq = 1;
                if ((code & 1) == 1) {
                    at = read(encoded, at, number);
                    freq = (int) number[0] + 2;
                }
                at = read(encoded, at, number);
                doc += (int) (code >>> 1) + 1;
                entries[i] = doc;
                entries[i + 1] = freq;
                entries[i + 2] = (int) number[0];
            }
            fields[ordinal] = entries;
        }
        return fields;
    }

    /** Reads one number at {@code at} into {@code value[0]}; returns where the next one starts. */
    private static int read(CharSequence encoded, int at, long[] value) {
        long number = 0;
        int shift = 0;
        while (true) {
            int digit = VarintText.value(encoded.charAt(at++));
            if (digit < 32) {
                value[0] = number | ((long) digit << shift);
                return at;
            }
            number |= (long) (digit - 32) << shift;
            shift += 5;
        }
    }

    /** {frequency, norm} of the term in the document's field, from the document's own segment; null if absent. */
    private static int[] entry(IndexReader reader, SearchField field, String term, int doc) throws IOException {
        LeafReaderContext context = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        LeafReader leaf = context.reader();
        int local = doc - context.docBase;
        Terms terms = leaf.terms(field.fieldName());
        if (terms == null) {
            return null;
        }
        TermsEnum termsEnum = terms.iterator();
        if (!termsEnum.seekExact(new BytesRef(term))) {
            return null;
        }
        PostingsEnum docs = termsEnum.postings(null, PostingsEnum.FREQS);
        if (docs.advance(local) != local) {
            return null;
        }
        NumericDocValues norms = leaf.getNormValues(field.fieldName());
        int norm = norms != null && norms.advanceExact(local) ? Byte.toUnsignedInt((byte) norms.longValue()) : 0;
        return new int[] {docs.freq(), norm};
    }

    /** The encoded norm (BM25's length byte, unsigned) of every document in the field. */
    private static int[] norms(IndexReader reader, SearchField field) throws IOException {
        int[] norms = new int[reader.maxDoc()];
        NumericDocValues values = MultiDocValues.getNormValues(reader, field.fieldName());
        if (values != null) {
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                norms[doc] = Byte.toUnsignedInt((byte) values.longValue());
            }
        }
        return norms;
    }

    private static List<FieldStatistics> statistics(IndexReader reader) throws IOException {
        List<FieldStatistics> statistics = new ArrayList<>();
        for (SearchField field : SearchField.values()) {
            Terms terms = MultiTerms.getTerms(reader, field.fieldName());
            statistics.add(terms == null ? new FieldStatistics(field, 0, 0)
                    : new FieldStatistics(field, terms.getDocCount(), terms.getSumTotalTermFreq()));
        }
        return statistics;
    }

    private static long weight(String term, CharSequence encoded) {
        return term.getBytes(StandardCharsets.UTF_8).length + encoded.length() + 5;
    }
}
