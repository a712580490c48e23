package dev.hindsight.load;

import dev.hindsight.model.Incident;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A loader given room keeps bodies stored (undeflated) until the room is used up, then deflates the rest. */
class StoredBodiesTest {
    private static final Path SAMPLE = Path.of("../sample-site/src/postmortems");

    @Test
    void bodiesAreStoredWhileTheBudgetLastsAndDeflatedAfter() {
        List<Incident> deflated = load(0);
        List<Incident> all = load(Long.MAX_VALUE);
        long total = deflated.stream().mapToLong(i -> i.source().body().utf8Length()).sum();
        List<Incident> half = load(total / 2);

        assertThat(all).isEqualTo(deflated); // the same bodies, whatever their form
        assertThat(deflated).allSatisfy(i -> assertThat(stored(i)).as(i.id()).isFalse());
        assertThat(all).allSatisfy(i -> assertThat(stored(i)).as(i.id()).isTrue());
        long storedHalf = half.stream().filter(StoredBodiesTest::stored).mapToLong(i -> i.source().body().utf8Length())
                .sum();
        assertThat(storedHalf).isGreaterThanOrEqualTo(total / 2).isLessThan(total);
    }

    private static List<Incident> load(long storedBytes) {
        return new ReportLoader(LoadSettings.defaults(), null, (incident, document) -> { }, storedBytes).load(SAMPLE)
                .incidents();
    }

    /** Stored bodies take at least their text's bytes; the sample's deflated ones take far less. */
    private static boolean stored(Incident incident) {
        return incident.source().body().deflatedSize() >= incident.source().body().utf8Length();
    }
}
