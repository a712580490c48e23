package dev.hindsight.build;

import dev.hindsight.cache.CacheFormatException;
import dev.hindsight.cache.CacheReader;
import dev.hindsight.cache.CacheWriter;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.ReportCache;
import dev.hindsight.model.Incident;
import dev.hindsight.search.IncidentIndex;
import dev.hindsight.search.RelatedIncidents;
import dev.hindsight.search.StaticSearchExport;
import dev.hindsight.site.RelatedLink;
import dev.hindsight.site.RenderedSite;
import dev.hindsight.site.RenderedSiteFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A build's state on disk, for the next build in another process ({@code hindsight build --cache}, the Maven
 * goals): the parsed reports with their digests, the search index's segments, the search data and related
 * incidents, and what the site holds. With it a new process rebuilds as the preview server does, parsing,
 * indexing and rendering only what an edit touched.
 *
 * <p>The directory holds one file per stage (the reports' with the changes since it was written whole beside it)
 * and {@value #BUILD} last, which says which request, which Hindsight
 * and which other files (templates, linked files) the others belong to. A build removes {@value #BUILD} before it
 * touches the site and writes it again only once the site and every other file are written: a build that fails or
 * is killed half-way leaves no state behind, and the next one is a full build.
 */
final class BuildCache {
    private static final String BUILD = "build.bin";
    private static final String REPORTS = "reports.bin";
    private static final String INDEX = "index.bin";
    private static final String SEARCH = "search.bin";
    private static final String RELATED = "related.bin";
    private static final String SITE = "site.bin";
    /** What {@value #BUILD} holds; the number changes with its format. */
    private static final String KIND = "hindsight-build-1";

    private final Path directory;

    BuildCache(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** What {@value #BUILD} says: which Hindsight, which request, the other files' stamp, the reports in load order. */
    private record Written(String code, String request, String stamp, List<String> loaded) {
    }

    /** What the last build left: the reports it parsed, and the rest once the reports have been loaded again. */
    record Restored(ReportCache reports, String stamp, Previous previous) {
    }

    /** The state of the search index, data, related incidents and site, read when the build asks for it. */
    interface Previous {
        SiteGeneration.Previous read() throws IOException;
    }

    /**
     * What the last build of {@code request} by this Hindsight left, or {@code null} when there is nothing usable
     * (no cache, another request or version, a build that did not finish, a damaged file).
     */
    Restored restore(BuildRequest request) {
        try {
            if (!Files.exists(directory.resolve(BUILD))) {
                return null;
            }
            Written written = CacheReader.read(directory.resolve(BUILD), KIND, in -> new Written(in.readString(),
                    in.readString(), in.readString(), in.readAll(CacheReader::readString)));
            if (!codeVersion().equals(written.code()) || !fingerprint(request).equals(written.request())) {
                return null;
            }
            String stamp = written.stamp();
            List<String> loaded = written.loaded();
            // The search index and data are read on another thread from now on, while this one decodes the reports
            // and then loads them (mostly waiting on the file system); they need the incidents only at their end.
            CompletableFuture<List<Incident>> incidents = new CompletableFuture<>();
            FutureTask<SiteGeneration.Previous> reading = new FutureTask<>(() -> previous(request, incidents));
            Thread reader = new Thread(reading, "hindsight-cache-read");
            reader.setDaemon(true);
            reader.start();
            try {
                ReportCache reports = ReportCache.restore(directory.resolve(REPORTS));
                incidents.complete(lastIncidents(reports, loaded));
                return new Restored(reports, stamp, () -> await(reading));
            } catch (IOException | RuntimeException | InternalError e) {
                incidents.completeExceptionally(e);
                return null;
            } catch (Error e) {
                // Out of memory, say: the build fails, but the threads waiting for the incidents must not wait on.
                incidents.completeExceptionally(e);
                throw e;
            }
        } catch (IOException | RuntimeException | InternalError e) {
            return null; // the build is a full one and writes the cache anew
        }
    }

    /** The incidents of the last build, taken from the cache before this build's load replaces any. */
    private static List<Incident> lastIncidents(ReportCache reports, List<String> paths) throws CacheFormatException {
        List<Incident> incidents = new ArrayList<>(paths.size());
        for (String path : paths) {
            Incident incident = reports.incident(path);
            if (incident == null) {
                throw new CacheFormatException("no incident for " + path + " in the cached reports");
            }
            incidents.add(incident);
        }
        return incidents;
    }

    private SiteGeneration.Previous previous(BuildRequest request, CompletableFuture<List<Incident>> incidents)
            throws IOException {
        CompletableFuture<KnowledgeBase> kb = incidents.thenApplyAsync(
                list -> KnowledgeBase.of(list, request.site().asOf(), null));
        CompletableFuture<IncidentIndex> index = CompletableFuture.supplyAsync(
                unchecked(() -> IncidentIndex.restore(directory.resolve(INDEX), kb::join)));
        // The site's check (a stat of each of its ~30,000 files and directories for 10,000 reports) needs neither
        // the knowledge base nor the related incidents, which come last: it runs from the start on its own thread.
        CompletableFuture<Map<String, List<RelatedLink>>> links = new CompletableFuture<>();
        FutureTask<RenderedSite> siteReading = new FutureTask<>(() -> RenderedSiteFile.restore(
                directory.resolve(SITE), request.site(), kb::join, links::join));
        Thread siteReader = new Thread(siteReading, "hindsight-cache-site");
        siteReader.setDaemon(true);
        siteReader.start();
        try {
            StaticSearchExport search = StaticSearchExport.restore(directory.resolve(SEARCH), kb::join,
                    SiteGeneration.INCIDENT_PAGE);
            KnowledgeBase restored = join(kb);
            RelatedIncidents related = RelatedIncidents.restore(directory.resolve(RELATED), restored);
            links.complete(SiteGeneration.links(related, null));
            return new SiteGeneration.Previous(join(index), search, related, await(siteReading));
        } finally {
            // A failure above must not leave the site's reader waiting for links forever (a Maven JVM lives on).
            links.completeExceptionally(new CacheFormatException("the build cache was not read to its end"));
        }
    }

    /** Something read from a cache file, on another thread. */
    private interface Reading<T> {
        T read() throws IOException;
    }

    private static <T> Supplier<T> unchecked(Reading<T> reading) {
        return () -> {
            try {
                return reading.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static <T> T join(CompletableFuture<T> future) throws IOException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    private static <T> T await(FutureTask<T> reading) throws IOException {
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheFormatException("interrupted while reading the build cache");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new CacheFormatException("the build cache does not read: " + e.getCause());
        }
    }

    /** The cache held by one build; closing it lets the next one in. */
    static final class Lock implements AutoCloseable {
        private final FileChannel channel;

        private Lock(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                channel.close(); // releases the lock
            } catch (IOException e) {
                // the lock goes with the channel, or at the latest with the process
            }
        }
    }

    /**
     * Takes the cache for one build, from reading it to writing it again, or {@code null} when another build (in this
     * process or another) has it: two builds interleaving their reads and writes could leave a cache of one build
     * vouching for the site of the other. The operating system releases the lock if the process dies.
     *
     * @throws IOException when the directory cannot be made or its lock file opened
     */
    Lock lock() throws IOException {
        Files.createDirectories(directory);
        FileChannel channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() != null) {
                return new Lock(channel);
            }
        } catch (OverlappingFileLockException e) {
            // held by another build of this process
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return null;
    }

    /**
     * Removes the state before a build changes the site: until it is written again, it describes nothing. False if
     * it could not be removed.
     */
    boolean forget() {
        try {
            Files.deleteIfExists(directory.resolve(BUILD));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes what {@code generated} left, {@value #BUILD} last. */
    void save(BuildRequest request, String stamp, ReportCache reports, List<Incident> loaded,
              SiteGeneration.Previous previous) throws IOException {
        Files.createDirectories(directory);
        // Independent files, written by this thread and the common pool's together: on two cores the pool has
        // one thread, and this one waiting for it left a core idle while the other wrote every file in turn.
        List<Writing> writes = List.of(
                () -> previous.related().save(directory.resolve(RELATED)),
                () -> RenderedSiteFile.save(previous.site(), directory.resolve(SITE)),
                () -> reports.save(directory.resolve(REPORTS)),
                () -> previous.search().save(directory.resolve(SEARCH)),
                () -> previous.index().save(directory.resolve(INDEX)));
        // Every write ends before this returns, failed or not: none may go on beside the next build's.
        List<Throwable> failures = writes.parallelStream().map(BuildCache::attempt).filter(Objects::nonNull).toList();
        if (!failures.isEmpty()) {
            // An Error (out of memory, say) from any write, before the first file-system complaint.
            Throwable failure = failures.stream().filter(Error.class::isInstance).findFirst().orElse(failures.get(0));
            if (failure instanceof Error error) {
                throw error; // out of memory, say: not a cache problem to shrug off
            }
            throw failure instanceof IOException io ? io : new IOException("the build cache was not written", failure);
        }
        CacheWriter.save(directory.resolve(BUILD), KIND, out -> {
            out.writeString(codeVersion());
            out.writeString(fingerprint(request));
            out.writeString(stamp);
            out.writeAll(loaded, (w, incident) -> w.writeString(incident.source().path()));
        });
    }

    /** Something written into a cache file. */
    private interface Writing {
        void write() throws IOException;
    }

    /** Runs {@code writing}, giving what it threw, or {@code null}. */
    private static Throwable attempt(Writing writing) {
        try {
            writing.write();
            return null;
        } catch (IOException | RuntimeException | Error e) {
            return e;
        }
    }

    /**
     * The request as text: its parts are records of paths, dates, zones, locales and numbers, whose text says
     * everything their equality compares.
     */
    private static String fingerprint(BuildRequest request) {
        return request.toString();
    }

    /**
     * Which Hindsight wrote the cache: the Java version and the jars of its own code and of the libraries that shape
     * the site (each by path, size and time). Another jar or Java may render the same reports differently (dates
     * are formatted with the JDK's locale data), so its cache is not used. Code run from a classes directory (tests,
     * the IDE) has no such identity: those builds trust a cache of the same directory.
     */
    private static String codeVersion() throws IOException {
        StringBuilder version = new StringBuilder(Runtime.version().toString());
        for (Class<?> code : List.of(BuildCache.class, org.apache.lucene.index.IndexWriter.class,
                org.commonmark.parser.Parser.class, gg.jte.TemplateEngine.class, org.yaml.snakeyaml.Yaml.class)) {
            try {
                Path location = Path.of(code.getProtectionDomain().getCodeSource().getLocation().toURI());
                BasicFileAttributes attributes = Files.readAttributes(location, BasicFileAttributes.class);
                version.append('\n').append(location);
                if (!attributes.isDirectory()) {
                    version.append('\t').append(attributes.size()).append('\t')
                            .append(attributes.lastModifiedTime().toMillis());
                }
            } catch (URISyntaxException | RuntimeException e) {
                throw new CacheFormatException("cannot tell which Hindsight runs: " + e);
            }
        }
        return version.toString();
    }
}
