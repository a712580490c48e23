package dev.hindsight.search;

import dev.hindsight.cache.CacheFormatException;
import dev.hindsight.cache.CacheReader;
import dev.hindsight.cache.CacheWriter;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.model.Incident;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the search stage's saved states (the index, the static search export, the related incidents) share: the
 * incident ids that tie a state to the knowledge base it was made of, and small checks of what is read.
 * The incidents themselves are not saved: the caller restores them (the load stage's cache) and passes the
 * knowledge base, whose incidents the state refers to by position, as it does in one process.
 */
final class SearchStateFiles {
    private SearchStateFiles() {
    }

    /** The ids of the incidents the state was made of, in order. */
    static void writeIds(CacheWriter out, List<Incident> incidents) throws IOException {
        out.writeAll(incidents, (writer, incident) -> writer.writeString(incident.id()));
    }

    /**
     * The incidents of {@code kb}, which must be the ids {@link #writeIds} wrote in the same order: a state refers
     * to incidents by position, so it is of no use with another knowledge base.
     */
    static List<Incident> readIncidents(CacheReader in, KnowledgeBase kb) throws IOException {
        return incidentsOf(readIds(in), kb);
    }

    /** The ids {@link #writeIds} wrote, for {@link #incidentsOf} once the knowledge base is at hand. */
    static List<String> readIds(CacheReader in) throws IOException {
        return in.readAll(CacheReader::readString);
    }

    /** The incidents of {@code kb}, which must have {@code ids} in this order. */
    static List<Incident> incidentsOf(List<String> ids, KnowledgeBase kb) throws IOException {
        List<Incident> incidents = kb.incidents();
        if (ids.size() != incidents.size()) {
            throw new CacheFormatException("a state of " + ids.size() + " incidents, not the " + incidents.size()
                    + " of the knowledge base");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!incidents.get(i).id().equals(ids.get(i))) {
                throw new CacheFormatException("a state of other incidents: " + ids.get(i)
                        + " where the knowledge base has " + incidents.get(i).id());
            }
        }
        return incidents;
    }

    /**
     * The knowledge base from {@code later}, which a caller may still be building while the state is read: the
     * incidents are needed only once the bulk of the file is read.
     */
    static KnowledgeBase await(Supplier<KnowledgeBase> later) throws CacheFormatException {
        try {
            return later.get();
        } catch (RuntimeException e) {
            CacheFormatException failed = new CacheFormatException("no knowledge base to restore with: " + e);
            failed.initCause(e);
            throw failed;
        }
    }

    /** A non-negative count, or position below {@code bound}. */
    static int readBelow(CacheReader in, int bound) throws IOException {
        int value = in.readInt();
        if (value < 0 || value >= bound) {
            throw new CacheFormatException(value + " is not below " + bound);
        }
        return value;
    }
}
