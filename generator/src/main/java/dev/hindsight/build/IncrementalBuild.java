package dev.hindsight.build;

import dev.hindsight.load.ReportCache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the same request again and again in one process, as the preview server does after every save: each
 * build re-parses only the reports whose bytes changed, re-indexes only the search segments holding them and
 * renders only the pages they appear on, writing the changed files into the site in place. The site is the
 * same as a full build's. Anything else changing (the request, linked files or templates beside the reports,
 * a failed build) makes the next build a full one.
 */
public final class IncrementalBuild {
    private final ReportCache reports = new ReportCache();
    private State state;

    /** The last build's request, the stamp of the files it read besides reports, and what it left. */
    private record State(BuildRequest request, String stamp, SiteGeneration.Previous previous) {
    }

    /** Builds {@code request}, incrementally when the previous build was of the same request. */
    public synchronized BuildResult run(BuildRequest request, BuildListener listener) {
        String stamp = stamp(request);
        State earlier = state != null && state.request().equals(request) && state.stamp().equals(stamp) ? state : null;
        state = null; // until this build has written the site, what is in the output directory is unknown
        SiteGeneration.Generated generated = SiteGeneration.generate(request, listener, reports,
                earlier == null ? null : earlier.previous(), true);
        BuildResult result = generated.result();
        if (result.site().rendered() != null) {
            state = new State(request, stamp, new SiteGeneration.Previous(generated.index(), generated.search(),
                    generated.related(), result.site().rendered()));
        } else if (!result.load().complete()) {
            state = earlier; // nothing was written: the site is still the earlier build's
        }
        return result;
    }

    /** How many reports the last build parsed, and how many it reused unchanged. */
    public ReportCache.Counts lastLoad() {
        return reports.lastLoad();
    }

    /**
     * Every file besides the reports that a page can show (linked images and documents, the template
     * overrides): path, size and modification time. Reports are compared by content instead.
     */
    private static String stamp(BuildRequest request) {
        StringBuilder stamp = new StringBuilder();
        addFiles(stamp, request.source(), true);
        if (request.site().templateDirectory() != null) {
            addFiles(stamp, request.site().templateDirectory(), false);
        }
        return stamp.toString();
    }

    private static void addFiles(StringBuilder stamp, Path dir, boolean skipReports) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        // The walk's own attributes, not a second stat per file: the source holds thousands of reports.
        Map<Path, String> files = new TreeMap<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && !(skipReports && file.getFileName().toString().endsWith(".md"))) {
                        files.put(file, attributes.size() + "\t" + attributes.lastModifiedTime().toMillis());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    files.put(file, "unreadable");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        files.forEach((file, state) -> stamp.append(file).append('\t').append(state).append('\n'));
    }
}
