package dev.hindsight.load;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.model.Incident;
import dev.hindsight.parallel.Workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Loads every report of a source directory, on all cores, into incidents plus diagnostics. A bad
 * report is left out with its diagnostics; the others always load. The result does not depend on
 * thread timing: files, incidents and diagnostics come out in path order.
 */
public final class ReportLoader {
    private final ReportParser parser;
    private final long maxSourceBytes;
    private final ReportCache cache;
    private final long maxReportBytes;
    private final long storeUpTo;

    public ReportLoader(LoadSettings settings) {
        this(settings, null);
    }

    /**
     * @param cache what earlier loads of the same directory with the same settings parsed, or {@code null}:
     *              files whose bytes did not change are not parsed again
     */
    public ReportLoader(LoadSettings settings, ReportCache cache) {
        this(settings, cache, BodyListener.NONE);
    }

    /**
     * @param cache  as for {@link #ReportLoader(LoadSettings, ReportCache)}
     * @param bodies told of each body parsed (a body taken from {@code cache} is not parsed)
     */
    public ReportLoader(LoadSettings settings, ReportCache cache, BodyListener bodies) {
        this(settings, cache, bodies, -1);
    }

    /**
     * @param cache       as for {@link #ReportLoader(LoadSettings, ReportCache)}
     * @param bodies      as for {@link #ReportLoader(LoadSettings, ReportCache, BodyListener)}
     * @param storeUpTo   when the report files take at most this many bytes together, their Markdown bodies are
     *                    kept stored rather than deflated (deflating costs CPU; stored, a body takes about three
     *                    times the heap); -1: always deflated
     */
    public ReportLoader(LoadSettings settings, ReportCache cache, BodyListener bodies, long storeUpTo) {
        this.parser = new ReportParser(settings, bodies);
        this.storeUpTo = storeUpTo;
        this.maxSourceBytes = settings.maxSourceBytes();
        this.cache = cache;
        this.maxReportBytes = settings.maxReportBytes();
    }

    /** What one file gave. */
    record FileResult(String path, Optional<ReportParser.Parsed> parsed, List<Diagnostic> diagnostics) {
    }

    /**
     * Whether the loader leaves out a file or directory of this name, and all under it: drafts, templates and
     * hidden files, '_' or '.' first.
     */
    public static boolean isIgnoredName(String name) {
        return SourceTree.isIgnoredName(name);
    }

    /** Whether a file of this name, outside ignored directories, is read as a report. */
    public static boolean isReportName(String name) {
        return SourceTree.isReportName(name);
    }

    /**
     * Loads {@code sourceDirectory}.
     *
     * @throws UncheckedIOException only when the directory itself cannot be listed
     */
    public LoadResult load(Path sourceDirectory) {
        if (!Files.isDirectory(sourceDirectory)) {
            throw new IllegalArgumentException("not a directory: " + sourceDirectory);
        }
        Diagnostics treeProblems = new Diagnostics("");
        List<SourceTree.ReportFile> files;
        try {
            files = SourceTree.find(sourceDirectory, treeProblems);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sourceDirectory, e);
        }
        long total = totalSize(files);
        if (total > maxSourceBytes) {
            treeProblems.report(DiagnosticCode.SOURCE_TOO_LARGE, 0, 0, "the " + files.size() + " report files are "
                            + total + " bytes together, over the limit of " + maxSourceBytes + " bytes; none was read",
                    "check that the source directory is the reports' folder, or raise the limit "
                            + "(--max-source-size on the command line, maxSourceSize in Maven)");
            return new LoadResult(List.of(), treeProblems.list(), files.size(), total);
        }
        if (cache != null) {
            cache.startLoad();
            cache.retainOnly(files.stream().map(SourceTree.ReportFile::relativePath).toList());
        }
        // All or none: a corpus that fits keeps every body stored; one that does not (50,000 reports in 1 GB) needs
        // the heap that deflating its bodies saves, and storing even a part of them tripled its full collections.
        boolean storeBodies = total <= storeUpTo;
        List<FileResult> results = Workers.map("hindsight-load", files, file -> loadFileOrReuse(file, storeBodies));

        List<Incident> incidents = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>(treeProblems.list());
        Map<String, FileResult> byId = new HashMap<>();
        for (FileResult result : results) {
            if (!result.diagnostics().isEmpty()) {
                diagnostics.addAll(result.diagnostics());
            }
            if (result.parsed().isEmpty()) {
                continue;
            }
            ReportParser.Parsed parsed = result.parsed().get();
            // Case-insensitive: ids become URLs and file names, and some file systems fold case.
            FileResult first = byId.putIfAbsent(parsed.incident().id().toLowerCase(Locale.ROOT), result);
            if (first != null) {
                ReportParser.Parsed kept = first.parsed().orElseThrow();
                diagnostics.add(new Diagnostic(result.path(), parsed.idLine(), 1, DiagnosticCode.DUPLICATE_ID.defaultLevel(),
                        DiagnosticCode.DUPLICATE_ID, "duplicate id '" + parsed.incident().id() + "': "
                        + first.path() + ":" + kept.idLine() + " already uses '" + kept.incident().id() + "'",
                        "give one of the two reports a new id (the other report, " + first.path() + ", is kept)"));
                continue;
            }
            incidents.add(parsed.incident());
        }
        diagnostics.sort(Diagnostic.IN_FILE_ORDER);
        return new LoadResult(incidents, diagnostics, files.size(), total);
    }

    /** The files' sizes added up, as the walk saw them (a file that changes meanwhile is checked when read). */
    private static long totalSize(List<SourceTree.ReportFile> files) {
        return files.stream().mapToLong(SourceTree.ReportFile::size).sum();
    }

    private FileResult loadFileOrReuse(SourceTree.ReportFile file, boolean storeBody) {
        if (cache == null) {
            return loadFile(file, storeBody);
        }
        if (file.size() > maxReportBytes) {
            return loadFile(file, storeBody); // the parser refuses it without reading it; so must the cache
        }
        if (cache.getUnmodified(file.relativePath(), file.size(), file.modifiedMillis()) instanceof FileResult cached) {
            return cached;
        }
        byte[] digest;
        boolean unchangedSinceWalk;
        try {
            digest = ReportCache.digest(Files.readAllBytes(file.file()));
            // The walk's size and time may be of the bytes just read only if they still hold: a file replaced
            // meanwhile (an editor's rename, a restored backup) could otherwise pair old metadata with new bytes.
            BasicFileAttributes now = Files.readAttributes(file.file(), BasicFileAttributes.class);
            unchangedSinceWalk = now.size() == file.size()
                    && now.lastModifiedTime().toMillis() == file.modifiedMillis();
        } catch (IOException e) {
            return loadFile(file, storeBody); // the parser reports what is wrong with reading it
        }
        Object cached = cache.get(file.relativePath(), digest);
        FileResult result = cached instanceof FileResult reused ? reused : loadFile(file, storeBody);
        // seenMillis is from before the walk, so a write within the same clock tick is caught by the racy rule; an
        // entry whose metadata moved is never trusted on metadata (its time is none a file can have).
        cache.put(file.relativePath(), digest, file.size(), unchangedSinceWalk ? file.modifiedMillis() : Long.MIN_VALUE,
                file.seenMillis(), result);
        return result;
    }

    private FileResult loadFile(SourceTree.ReportFile file, boolean storeBody) {
        Diagnostics diagnostics = new Diagnostics(file.relativePath());
        Optional<ReportParser.Parsed> parsed;
        try {
            parsed = parser.parse(file.file(), diagnostics, storeBody);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug (or a pathological input) must cost one report, never the build.
            diagnostics.report(DiagnosticCode.FILE_UNREADABLE, 0, 0, "Hindsight could not read this report ("
                    + e.getClass().getSimpleName() + ")", "please report this with the file attached");
            parsed = Optional.empty();
        }
        // In order once here, and kept so in the cache: the whole list's sort then finds runs already in order, where
        // sorting 8,000 warnings of 10,000 reports from scratch was a twentieth of a preview rebuild's load.
        return new FileResult(file.relativePath(), parsed,
                diagnostics.list().stream().sorted(Diagnostic.IN_FILE_ORDER).toList());
    }
}
