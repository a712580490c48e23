package dev.hindsight.build;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.load.ReportCache;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.site.SiteResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    private ReportCache reports = new ReportCache();
    private State state;
    /** Where the state is kept for the next process too; {@code null}: in this process only. */
    private final BuildCache cache;
    /** Whether the cache on disk was read (once, by the first build: later ones have the state in memory). */
    private boolean restored;

    /** Builds that reuse what earlier ones of this object left in memory (the preview server's). */
    public IncrementalBuild() {
        this.cache = null;
    }

    private IncrementalBuild(Path cacheDirectory) {
        this.cache = new BuildCache(cacheDirectory);
    }

    /**
     * Builds that also keep their state in {@code cacheDirectory}, so that the first build of the next process
     * (the next {@code hindsight build --cache}, the next {@code mvn site}) is incremental too.
     */
    public static IncrementalBuild cachedIn(Path cacheDirectory) {
        return new IncrementalBuild(cacheDirectory);
    }

    /**
     * The last build's request, the stamp of the files it read besides reports, and what it left: in memory, or
     * ({@code cached}) in the cache on disk, read only once the reports are loaded and it is known to apply.
     */
    private record State(BuildRequest request, String stamp, SiteGeneration.Previous previous,
                         BuildCache.Previous cached) {
        boolean appliesTo(BuildRequest request, String stamp) {
            return stamp != null && this.request.equals(request) && stamp.equals(this.stamp);
        }
    }

    /** Builds {@code request}, incrementally when the previous build was of the same request. */
    public synchronized BuildResult run(BuildRequest request, BuildListener listener) {
        // The other files are listed while the reports load: both walks wait on the file system, not the CPU.
        FutureTask<String> stamping = new FutureTask<>(() -> stamp(request));
        Thread stamper = new Thread(stamping, "hindsight-stamp");
        stamper.setDaemon(true);
        stamper.start();
        BuildCache.Lock lock = null;
        String cacheProblem = null; // why the cache is neither read nor written this time
        if (cache != null) {
            try {
                lock = cache.lock();
                if (lock == null) {
                    cacheProblem = "another build is using it right now";
                }
            } catch (IOException e) {
                cacheProblem = reason(e);
            }
        }
        try {
            return run(request, listener, stamping, lock, cacheProblem);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private BuildResult run(BuildRequest request, BuildListener listener, FutureTask<String> stamping,
                            BuildCache.Lock lock, String cacheProblem) {
        if (lock != null && !restored) {
            restored = true;
            BuildCache.Restored last = cache.restore(request);
            if (last != null) {
                reports = last.reports();
                state = new State(request, last.stamp(), null, last.previous());
            }
        }
        // A cache that cannot be removed must not outlive a site changed in place: a full build writes a new site,
        // which the cache no longer describes (it records which site it is of).
        State before = lock != null && !cache.forget() ? null : state;
        state = null; // until this build has written the site, what is in the output directory is unknown
        SiteGeneration.Generated generated = SiteGeneration.generate(request, listener, reports,
                () -> earlier(before, request, awaitStamp(stamping), listener), true);
        BuildResult result = generated.result();
        if (result.site().rendered() != null) {
            SiteGeneration.Previous left = new SiteGeneration.Previous(generated.index(), generated.search(),
                    generated.related(), result.site().rendered());
            String stamp = awaitStamp(stamping);
            state = new State(request, stamp, left, null);
            if (cacheProblem != null) {
                result = withCacheWarning(result, cacheProblem);
            } else if (lock != null && stamp != null) {
                result = save(request, stamp, result, left, listener);
            }
        } else if (!result.load().complete()) {
            state = before != null && before.appliesTo(request, awaitStamp(stamping)) ? before : null; // the site is before's
        }
        return result;
    }

    /**
     * Writes the state for the next process. A cache that cannot be written costs the next build its speed, not
     * this one its site (which is written already): the result then carries a warning saying so.
     */
    private BuildResult save(BuildRequest request, String stamp, BuildResult result, SiteGeneration.Previous left,
                             BuildListener listener) {
        long start = System.nanoTime();
        listener.phaseStarted(BuildPhase.CACHE_WRITE);
        try {
            cache.save(request, stamp, reports, result.load().incidents(), left);
            return result;
        } catch (IOException | UncheckedIOException e) {
            cache.forget(); // the next process builds in full
            return withCacheWarning(result, reason(e));
        } finally {
            listener.phaseFinished(BuildPhase.CACHE_WRITE, System.nanoTime() - start);
        }
    }

    /** {@code result} with the warning that the cache was not written, and why. */
    private BuildResult withCacheWarning(BuildResult result, String why) {
        Diagnostics problems = new Diagnostics("");
        problems.report(DiagnosticCode.CACHE_NOT_WRITTEN, 0, 0, "the build cache in " + cache.directory()
                        + " was not written (" + why + "), so the next build will be a full one",
                "make the cache directory writable and leave room on its disk, or build without --cache");
        List<Diagnostic> diagnostics = new ArrayList<>(result.site().diagnostics());
        diagnostics.addAll(problems.list());
        SiteResult site = result.site();
        return new BuildResult(result.load(), new SiteResult(site.written(), site.pages(), diagnostics,
                site.rendered()));
    }

    /** The file system's complaint, e.g. "AccessDeniedException: /srv/cache/reports.bin". */
    private static String reason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /**
     * What the previous build left, if it was of the same request with the same other files; else null (also when
     * the other files could not be listed: then nothing is known of them).
     */
    private static SiteGeneration.Previous earlier(State before, BuildRequest request, String stamp,
                                                  BuildListener listener) {
        if (before == null || !before.appliesTo(request, stamp)) {
            return null;
        }
        if (before.cached() == null) {
            return before.previous();
        }
        listener.phaseStarted(BuildPhase.CACHE_READ);
        long start = System.nanoTime();
        try {
            return before.cached().read();
        } catch (IOException | RuntimeException | InternalError e) {
            // A damaged cache file (InternalError: a mapped file cut short under the reader): a full build.
            return null;
        } finally {
            listener.phaseFinished(BuildPhase.CACHE_READ, System.nanoTime() - start);
        }
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
                String name = entry.getFileName().toString();
                // Drafts and hidden files (and all under such a directory) are no reports, but a page may link
                // them: they are stamped like any other file. Only what the loader reads as a report is skipped.
                boolean ignored = ReportLoader.isIgnoredName(name);
                if (skipReports && ReportLoader.isReportName(name)) {
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
                    addFiles(files, entry, skipReports && !ignored, visited);
                } else if (attributes.isRegularFile()) {
                    files.put(entry, attributes.size() + "\t" + attributes.lastModifiedTime().toMillis());
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            files.put(dir, "unreadable");
        }
    }
}
