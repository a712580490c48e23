package dev.hindsight.bench;

import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;

/**
 * A generated corpus in a temporary directory, for the micro-benchmarks' set-up: generated, loaded as the
 * benchmarks load it (UTC, the default size limit), and deleted on close so repeated runs leave nothing behind.
 */
public final class TemporaryCorpus implements AutoCloseable {
    private final Path root;

    private TemporaryCorpus(Path root) {
        this.root = root;
    }

    public static TemporaryCorpus generate(int count, long seed) throws IOException {
        Path root = Files.createTempDirectory("hindsight-jmh-corpus");
        CorpusGenerator.generate(count, seed, root);
        return new TemporaryCorpus(root);
    }

    public Path root() {
        return root;
    }

    public LoadResult load() {
        return new ReportLoader(new LoadSettings(ZoneOffset.UTC, LoadSettings.DEFAULT_MAX_REPORT_BYTES)).load(root);
    }

    @Override
    public void close() {
        try {
            RunOnce.deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
