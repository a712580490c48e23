package dev.hindsight.site;

import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.SiteGeneration;
import dev.hindsight.load.LoadSettings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A site built for a test, with the build's result, and the few ways tests look at it: a page parsed by
 * jsoup, the list of pages, a digest of every file. The sample reports, the as-of date and the zone are
 * the ones the whole suite uses, so numbers in assertions mean the same thing everywhere.
 */
record BuiltSite(Path root, BuildResult result) {
    static final Path SAMPLE = Path.of("../sample-site/src/postmortems");
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LoadSettings LOAD = new LoadSettings(ZONE, LoadSettings.DEFAULT_MAX_REPORT_BYTES);

    /** The default settings: English, as of 2026-11-25 in Asia/Shanghai. */
    static SiteSettings settings() {
        return SiteSettings.defaults(AS_OF, ZONE);
    }

    static BuiltSite build(Path source, Path out, SiteSettings settings) {
        return new BuiltSite(out, SiteGeneration.run(new BuildRequest(source, out, LOAD, settings)));
    }

    static BuiltSite sample(Path out) {
        return build(SAMPLE, out, settings());
    }

    /** The page at a site path such as {@code incidents/index.html}, parsed as a browser would. */
    Document page(String sitePath) {
        return parse(root.resolve(sitePath));
    }

    static Document parse(Path file) {
        try {
            return Jsoup.parse(file.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Site paths of every HTML page, '/'-separated, sorted. */
    List<String> pages() {
        return files(root).keySet().stream().filter(p -> p.endsWith(".html")).toList();
    }

    /**
     * Every regular file under {@code dir}: '/'-separated relative path → SHA-256 of its bytes, sorted by
     * path. The Lucene index's files too: their random ids and times are replaced by stable ones.
     */
    static Map<String, String> files(Path dir) {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String path = dir.relativize(file).toString().replace('\\', '/');
                digests.put(path, sha256(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digests;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
