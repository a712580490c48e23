package dev.hindsight.search;

import dev.hindsight.cache.CacheFormatException;
import dev.hindsight.cache.CacheReader;
import dev.hindsight.cache.CacheWriter;
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
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Writes these postings and statistics for {@link #restore}. */
    void write(CacheWriter out) throws IOException {
        out.writeAll(statistics, (writer, field) -> {
            writer.writeEnum(field.field());
            writer.writeLong(field.docCount());
            writer.writeLong(field.sumTotalTermFreq());
        });
        out.writeInt(postings.size());
        for (Map.Entry<String, StringBuilder> term : postings.entrySet()) {
            out.writeString(term.getKey());
            // VarintText is ASCII: a byte a character, and not worth the string table (postings rarely repeat).
            out.writeBytes(term.getValue().toString().getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** The postings {@link #write} wrote, as they were; their weight in bytes is added up again. */
    static ExportedPostings restore(CacheReader in) throws IOException {
        ExportedPostings exported = new ExportedPostings();
        List<FieldStatistics> statistics = in.readAll(reader -> new FieldStatistics(
                reader.readEnum(SearchField.values()), reader.readLong(), reader.readLong()));
        // Written for every field in order: meta.js lists them so.
        if (!statistics.stream().map(FieldStatistics::field).toList().equals(List.of(SearchField.values()))) {
            throw new CacheFormatException("the statistics of other fields");
        }
        exported.statistics.addAll(statistics);
        for (int i = in.readInt(); i > 0; i--) {
            String term = in.readString();
            byte[] encoded = in.readBytes();
            if (term == null || encoded == null) {
                throw new CacheFormatException("a term without postings");
            }
            // Through a Latin-1 string: two array copies, where appending char by char cost a loop per byte.
            StringBuilder out = new StringBuilder(encoded.length)
                    .append(new String(encoded, StandardCharsets.ISO_8859_1));
            exported.postings.put(term, out);
            exported.bytes += weight(term, out);
        }
        return exported;
    }

    /**
     * The terms whose postings an edit of document {@code doc} changed, given how often each term was and now is
     * in each of its fields ({@link IndexedIncident#termCounts}; {@code reader} is the index after the edit): those
     * whose count changed in some field, and, in a field whose norm changed, all the document has there (each of
     * its entries carries the norm). The norm is a byte for the field's length that a small edit seldom moves, so
     * a sentence added to a body of thousands of words usually changes a few dozen terms' postings, not the
     * thousand the report has: fewer terms to merge and fewer shards written again.
     */
    Set<String> changedTerms(IndexReader reader, int doc, Map<SearchField, Map<String, Integer>> before,
                             Map<SearchField, Map<String, Integer>> after) throws IOException {
        EditedDocument edited = new EditedDocument(reader, doc);
        Set<String> changed = new HashSet<>();
        for (SearchField field : SearchField.values()) {
            Map<String, Integer> was = before.getOrDefault(field, Map.of());
            Map<String, Integer> is = after.getOrDefault(field, Map.of());
            boolean normChanged = !was.isEmpty() && !is.isEmpty() && oldNorm(field, doc, was.keySet()) != edited.norm(field);
            was.forEach((term, count) -> {
                if (normChanged || !count.equals(is.get(term))) {
                    changed.add(term);
                }
            });
            is.keySet().forEach(term -> {
                if (!was.containsKey(term)) {
                    changed.add(term);
                }
            });
        }
        return changed;
    }

    /**
     * The norm document {@code doc} had in {@code field}, read from the postings of the one of its {@code terms}
     * (all in that field) whose postings are the shortest; -1 if they do not hold the document there.
     */
    private int oldNorm(SearchField field, int doc, Collection<String> terms) {
        StringBuilder shortest = null;
        for (String term : terms) {
            StringBuilder encoded = postings.get(term);
            if (encoded != null && (shortest == null || encoded.length() < shortest.length())) {
                shortest = encoded;
            }
        }
        return shortest == null ? -1 : new EncodedPostings(shortest).norm(field, doc);
    }

    /**
     * Re-reads, from {@code reader} (the index after an edit, documents in the same places), the postings of
     * {@code terms} in the documents {@code docs}: at least every term whose postings the edit changed
     * ({@link #changedTerms}).
     */
    void update(IndexReader reader, List<Integer> docs, Collection<String> terms) throws IOException {
        List<EditedDocument> edited = new ArrayList<>();
        for (int doc : docs.stream().sorted().distinct().toList()) {
            edited.add(new EditedDocument(reader, doc));
        }
        // Reused for every term: a common term's postings run to tens of kB, and there are hundreds of terms.
        StringBuilder merged = new StringBuilder();
        StringBuilder entries = new StringBuilder();
        for (String term : terms) {
            BytesRef indexed = new BytesRef(term);
            StringBuilder old = postings.get(term);
            EncodedPostings in = new EncodedPostings(old == null ? "" : old);
            merged.setLength(0);
            for (SearchField field : SearchField.values()) {
                entries.setLength(0);
                int count = merge(in, field, edited, indexed, entries);
                if (count > 0) {
                    VarintText.append(merged, field.ordinal());
                    VarintText.append(merged, count);
                    merged.append(entries);
                }
            }
            if (old != null) {
                bytes -= weight(term, old);
                postings.remove(term);
            }
            if (!merged.isEmpty()) {
                StringBuilder updated = new StringBuilder(merged);
                bytes += weight(term, updated);
                postings.put(term, updated);
            }
        }
        statistics.clear();
        statistics.addAll(statistics(reader));
    }

    /**
     * Appends a term's postings in a field to {@code out}, documents ascending: the old ones (read from {@code in})
     * that were not edited, the edited ones as they are now. Returns how many documents it appended. An old entry
     * that follows the same document as before is the same characters (its gap is to that document), so such
     * entries are copied a run at a time rather than encoded again: re-encoding every posting of every changed
     * term was most of a preview rebuild's static search update.
     */
    private static int merge(EncodedPostings in, SearchField field, List<EditedDocument> edited, BytesRef term,
                             StringBuilder out) throws IOException {
        int count = in.field(field);
        int written = 0;
        int previous = -1;
        int oldDoc = -1;
        int next = 0;
        int runStart = -1; // the old entries to copy as they are, from here to runEnd; -1 when none
        int runEnd = -1;
        for (int i = 0; i <= count; i++) {
            int doc = Integer.MAX_VALUE;
            int freq = 0;
            int norm = 0;
            int oldPrevious = oldDoc;
            int entryStart = in.position();
            if (i < count) {
                long code = in.next();
                freq = (code & 1) == 1 ? (int) in.next() + 2 : 1;
                norm = (int) in.next();
                oldDoc += (int) (code >>> 1) + 1;
                doc = oldDoc;
            }
            for (; next < edited.size() && edited.get(next).doc <= doc; next++) {
                EditedDocument document = edited.get(next);
                int now = document.freq(field, term);
                if (now > 0) {
                    runStart = copy(in, runStart, runEnd, out);
                    append(out, document.doc - previous - 1, now, document.norm(field));
                    previous = document.doc;
                    written++;
                }
            }
            boolean wasEdited = next > 0 && edited.get(next - 1).doc == doc;
            if (i < count && !wasEdited) {
                // After an entry left out or an edited one written, this one follows another document than before,
                // so a run never spans a change.
                if (previous == oldPrevious) {
                    runStart = runStart < 0 ? entryStart : runStart;
                    runEnd = in.position();
                } else {
                    runStart = copy(in, runStart, runEnd, out);
                    append(out, doc - previous - 1, freq, norm);
                }
                previous = doc;
                written++;
            }
        }
        copy(in, runStart, runEnd, out);
        return written;
    }

    /** Appends the old entries from {@code start} to {@code end} as they are, if {@code start} is not -1; returns -1. */
    private static int copy(EncodedPostings in, int start, int end, StringBuilder out) {
        if (start >= 0) {
            out.append(in.encoded, start, end);
        }
        return -1;
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

    /** Reads encoded postings (see {@link #append}) field by field, number by number, into no arrays. */
    private static final class EncodedPostings {
        private final CharSequence encoded;
        private int at;

        EncodedPostings(CharSequence encoded) {
            this.encoded = encoded;
        }

        /** Where the next number starts. */
        int position() {
            return at;
        }

        /** How many documents the field has, ready to read them; 0 if the postings skip it (fields ascend). */
        int field(SearchField field) {
            if (at == encoded.length()) {
                return 0;
            }
            int start = at;
            if (next() != field.ordinal()) {
                at = start;
                return 0;
            }
            return (int) next();
        }

        /** The norm of {@code doc}'s entry in {@code field}, reading from the start; -1 if the field has none. */
        int norm(SearchField wanted, int doc) {
            for (SearchField field : SearchField.values()) { // in order, as the postings hold them
                int count = field(field);
                int current = -1;
                for (int i = 0; i < count; i++) {
                    long code = next();
                    if ((code & 1) == 1) {
                        next(); // the frequency
                    }
                    int norm = (int) next();
                    current += (int) (code >>> 1) + 1;
                    if (field == wanted && current == doc) {
                        return norm;
                    }
                }
                if (field == wanted) {
                    return -1;
                }
            }
            return -1;
        }

        long next() {
            long number = 0;
            int shift = 0;
            while (true) {
                int digit = VarintText.value(encoded.charAt(at++));
                if (digit < 32) {
                    return number | ((long) digit << shift);
                }
                number |= (long) (digit - 32) << shift;
                shift += 5;
            }
        }
    }

    /**
     * An edited document: its segment's terms of each field, to seek every changed term in, and its norms. Made
     * once per update, since a terms or postings enum costs kilobytes and each changed term needs one per field.
     */
    private static final class EditedDocument {
        final int doc;
        private final int local;
        private final int[] norms = new int[SearchField.values().length];
        private final TermsEnum[] terms = new TermsEnum[SearchField.values().length];
        private final PostingsEnum[] postings = new PostingsEnum[SearchField.values().length];

        EditedDocument(IndexReader reader, int doc) throws IOException {
            this.doc = doc;
            LeafReaderContext context = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
            LeafReader leaf = context.reader();
            local = doc - context.docBase;
            for (SearchField field : SearchField.values()) {
                Terms fieldTerms = leaf.terms(field.fieldName());
                terms[field.ordinal()] = fieldTerms == null ? null : fieldTerms.iterator();
                NumericDocValues values = leaf.getNormValues(field.fieldName());
                norms[field.ordinal()] = values != null && values.advanceExact(local)
                        ? Byte.toUnsignedInt((byte) values.longValue()) : 0;
            }
        }

        /** The document's norm in the field (BM25's length byte, unsigned). */
        int norm(SearchField field) {
            return norms[field.ordinal()];
        }

        /** How often the term is in the document's field; 0 if it is not. */
        int freq(SearchField field, BytesRef term) throws IOException {
            TermsEnum termsEnum = terms[field.ordinal()];
            if (termsEnum == null || !termsEnum.seekExact(term)) {
                return 0;
            }
            PostingsEnum docs = termsEnum.postings(postings[field.ordinal()], PostingsEnum.FREQS);
            postings[field.ordinal()] = docs;
            return docs.advance(local) == local ? docs.freq() : 0;
        }
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
