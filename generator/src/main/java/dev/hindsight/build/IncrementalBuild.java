package dev.hindsight.build;

import dev.hindsight.load.ReportCache;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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
        // The other files are listed while the reports load: both walks wait on the file system, not the CPU.
        FutureTask<String> stamping = new FutureTask<>(() -> stamp(request));
        Thread stamper = new Thread(stamping, "hindsight-stamp");
        stamper.setDaemon(true);
        stamper.start();
        State before = state;
        state = null; // until this build has written the site, what is in the output directory is unknown
        SiteGeneration.Generated generated = SiteGeneration.generate(request, listener, reports,
                () -> earlier(before, request, awaitStamp(stamping)), true);
        BuildResult result = generated.result();
        if (result.site().rendered() != null) {
            state = new State(request, awaitStamp(stamping), new SiteGeneration.Previous(generated.index(),
                    generated.search(), generated.related(), result.site().rendered()));
        } else if (!result.load().complete()) {
            state = earlier(before, request, awaitStamp(stamping)) == null ? null : before; // the site is before's
        }
        return result;
    }

    /**
     * What the previous build left, if it was of the same request with the same other files; else null (also when
     * the other files could not be listed: then nothing is known of them).
     */
    private static SiteGeneration.Previous earlier(State before, BuildRequest request, String stamp) {
        return before != null && stamp != null && before.request().equals(request) && stamp.equals(before.stamp())
                ? before.previous() : null;
    }

    /** The stamp of the other files, or null if listing them failed (the build is then a full one). */
    private static String awaitStamp(FutureTask<String> stamping) {
        try {
            return stamping.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // out of memory, say: not a listing problem to shrug off
            }
            return null;
        }
    }

    /** How many reports the last build parsed, and how many it reused unchanged. */
    public ReportCache.Counts lastLoad() {
        return reports.lastLoad();
    }

    /**
     * Every file besides the reports that a page can show (linked images and documents, the template
     * overrides): path, size and modification time. Reports are compared by content instead.
     */
    private static String stamp(BuildRequest request) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        addFiles(files, request.source().toRealPath(), true, new HashSet<>());
        if (request.site().templateDirectory() != null && Files.isDirectory(request.site().templateDirectory())) {
            addFiles(files, request.site().templateDirectory().toRealPath(), false, new HashSet<>());
        }
        StringBuilder stamp = new StringBuilder();
        files.forEach((file, state) -> stamp.append(file).append('\t').append(state).append('\n'));
        return stamp.toString();
    }

    /**
     * Adds the regular files under {@code dir} with their size and time, following links as the pages and
     * templates that read them do ({@code visited}: the real directories seen, so a loop ends). Reports are skipped
     * by name without a system call: the source holds thousands, and the report cache compares those by content
     * anyway (a directory named like a report is skipped too; nothing a page shows lives in one).
     */
    private static void addFiles(Map<Path, String> files, Path dir, boolean skipReports, Set<Path> visited) {
        try {
            if (!visited.add(dir.toRealPath())) {
                return;
            }
        } catch (IOException e) {
            files.put(dir, "unreadable");
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (skipReports && entry.getFileName().toString().endsWith(".md")) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                } catch (IOException e) {
                    files.put(entry, "unreadable"); // a broken link, say: stays so until it is mended
                    continue;
                }
                if (attributes.isDirectory()) {
                    addFiles(files, entry, skipReports, visited);
                } else if (attributes.isRegularFile()) {
                    files.put(entry, attributes.size() + "\t" + attributes.lastModifiedTime().toMillis());
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            files.put(dir, "unreadable");
        }
    }
}
