package dev.hindsight.load;

import dev.hindsight.model.Incident;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A loader keeps the bodies stored (undeflated) when all the report files fit its limit, and deflates them if not. */
class StoredBodiesTest {
    private static final Path SAMPLE = Path.of("../sample-site/src/postmortems");

    @Test
    void bodiesAreStoredWhenTheReportsFitTheLimitAndDeflatedWhenNot() throws IOException {
        long total;
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            total = files.filter(f -> f.toString().endsWith(".md")).mapToLong(f -> f.toFile().length()).sum();
        }
        List<Incident> fitting = load(total);
        List<Incident> tooMany = load(total - 1);
        List<Incident> never = load(-1);

        assertThat(fitting).isNotEmpty().isEqualTo(tooMany).isEqualTo(never); // the same bodies, whatever their form
        assertThat(fitting).allSatisfy(i -> assertThat(stored(i)).as(i.id()).isTrue());
        assertThat(tooMany).allSatisfy(i -> assertThat(stored(i)).as(i.id()).isFalse());
        assertThat(never).allSatisfy(i -> assertThat(stored(i)).as(i.id()).isFalse());
    }

    private static List<Incident> load(long storeUpTo) {
        return new ReportLoader(LoadSettings.defaults(), null, (incident, document) -> { }, storeUpTo).load(SAMPLE)
                .incidents();
    }

    /** Stored bodies take at least their text's bytes; the sample's deflated ones take far less. */
    private static boolean stored(Incident incident) {
        return incident.source().body().deflatedSize() >= incident.source().body().utf8Length();
    }
}
