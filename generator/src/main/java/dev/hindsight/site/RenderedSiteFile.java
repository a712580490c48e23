package dev.hindsight.site;

import dev.hindsight.cache.CacheFormatException;
import dev.hindsight.cache.CacheReader;
import dev.hindsight.cache.CacheWriter;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.DiagnosticCodec;
import dev.hindsight.kb.KnowledgeBase;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps a {@link RenderedSite} in the build cache, so that a build in another process can render only the pages
 * an edit touched. Only what cannot be had otherwise is written: the site's files, the digests of its extra
 * files, the attachments and each page's diagnostics. The knowledge base, the related links and the settings
 * are the caller's to give back (it rebuilds them from the cached reports and related incidents, and the settings
 * are those of the same request).
 */
public final class RenderedSiteFile {
    /** What the file holds; the number changes with the format. */
    private static final String KIND = "hindsight-rendered-site-3";

    private RenderedSiteFile() {
    }

    public static void save(RenderedSite site, Path file) throws IOException {
        CacheWriter.save(file, KIND, out -> {
            out.writeString(site.output().toString());
            out.writeString(OutputDirectory.identity(site.output()));
            // In the set's order: the check needs the same order when reading, not a sorted one.
            List<String> files = List.copyOf(site.files());
            out.writeAll(files, CacheWriter::writeString);
            List<String> paths = pathsOf(files);
            List<Integer> recent = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                String path = paths.get(i);
                // A path no build wrote since the cache last checked it is as it was then: stat'ing the ~30,000
                // paths of 10,000 reports again was the longest part of writing the cache after a rebuild.
                RenderedSite.PathState state = site.checked().get(path);
                if (state == null) {
                    state = stateOf(site.output().resolve(path));
                }
                out.writeLong(state.size());
                out.writeLong(state.stamp());
                // The paths are the site's files, the marker and the directories holding them.
                boolean directory = !site.files().contains(path) && !path.equals(OutputDirectory.MARKER);
                if (directory && tooRecent(state.stamp())) {
                    recent.add(i);
                }
            }
            out.writeAll(recent, CacheWriter::writeInt);
            out.writeAll(site.extraDigests().entrySet(), (w, e) -> {
                w.writeString(e.getKey());
                w.writeString(e.getValue());
            });
            out.writeAll(site.attachments().entrySet(), (w, e) -> {
                w.writeString(e.getKey());
                w.writeAll(e.getValue(), (w2, a) -> {
                    w2.writeString(a.source().toString());
                    w2.writeString(a.sitePath());
                });
            });
            out.writeAll(site.pageProblems().entrySet(), (w, e) -> {
                w.writeString(e.getKey());
                w.writeAll(e.getValue(), DiagnosticCodec::write);
            });
        });
    }

    /**
     * What is checked of the site before a build in another process trusts the cache: its files, the marker, and
     * every directory holding them, the root first, in an order that follows {@code files}' order (not sorted:
     * sorting 30,000 paths that share long prefixes was a twentieth of a rebuild's samples). Each one's size and
     * modification time must be as they were when the cache was written. A page changed in place changes its own;
     * a file added, removed or renamed changes its directory's, unless it happens within the same tick of the file
     * system's clock: the entries of a directory whose time was that recent when the cache was written are
     * compared by name as well ({@link #tooRecent}). So checking these paths one by one finds what a walk of the
     * whole site would, without reading its 10,000 directories (for 10,000 reports a walk took about half a second,
     * when the cache was read and again when it was written). A file rewritten in place within the same tick, at
     * the same size, goes unseen, as it did by the walk.
     */
    private static List<String> pathsOf(List<String> files) {
        Set<String> paths = new LinkedHashSet<>();
        paths.add("");
        paths.add(OutputDirectory.MARKER);
        for (String file : files) {
            // Parents are added with their own parents, so the first one already there ends the climb.
            String path = file;
            while (path != null && paths.add(path)) {
                path = RenderedSite.parentOf(path);
            }
        }
        return List.copyOf(paths);
    }

    /**
     * Whether a directory's time is too recent to tell a later change: one in the same tick of the file system's
     * clock leaves the time as it was. Ticks are up to 10 ms where times have fractions of a second (a kernel
     * tick) and up to 2 s where they have none (ext3 and HFS+ keep seconds, FAT two). The entries of such a
     * directory are checked by name when the cache is read. The file system's times and this clock are the same
     * clock on a local disk; a time ahead of it counts as recent too.
     */
    private static boolean tooRecent(long stampNanos) {
        long tick = stampNanos % 1_000_000_000L == 0 ? 2_000_000_000L : 20_000_000L;
        return clock.getAsLong() - stampNanos < tick;
    }

    /** Now, in nanoseconds since the epoch; tests set a clock that makes every directory recent. */
    static LongSupplier clock = () -> System.currentTimeMillis() * 1_000_000L;

    /** For each of the directories at {@code recent} in {@code paths}, the names of what it holds. */
    private static Map<String, Set<String>> namesIn(List<String> paths, List<Integer> recent) throws IOException {
        Map<String, Set<String>> names = new HashMap<>();
        for (int index : recent) {
            if (index < 0 || index >= paths.size()) {
                throw new CacheFormatException("a directory " + index + " of " + paths.size() + " paths");
            }
            names.put(paths.get(index), new HashSet<>());
        }
        for (String path : paths) {
            String parent = RenderedSite.parentOf(path);
            Set<String> siblings = parent == null ? null : names.get(parent);
            if (siblings != null) {
                siblings.add(parent.isEmpty() ? path : path.substring(parent.length() + 1));
            }
        }
        return names;
    }

    /** The names of what {@code directory} holds; none when it cannot be read (the check then fails). */
    private static Set<String> entriesOf(Path directory) {
        Set<String> names = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        } catch (IOException | DirectoryIteratorException e) {
            names.add("/unreadable"); // no entry has a slash in its name
        }
        return names;
    }

    /** A path's size and modification time, as precisely as the file system keeps it (a link's own). */
    private static RenderedSite.PathState stateOf(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        return new RenderedSite.PathState(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }

    /**
     * The site {@code file} describes, rendered with {@code settings} from {@code kb}, each incident page listing
     * {@code related}; throws {@link CacheFormatException} for a file that is not one {@link #save} wrote completely,
     * or when the site in the output directory is no longer the one it describes. The site is checked before
     * {@code kb} and {@code related} are asked for, so that a caller can work them out meanwhile.
     */
    public static RenderedSite restore(Path file, SiteSettings settings, Supplier<KnowledgeBase> kb,
                                       Supplier<Map<String, List<RelatedLink>>> related) throws IOException {
        return CacheReader.read(file, KIND, in -> {
            Path output = Path.of(in.readString());
            String identity = in.readString();
            if (identity == null || !identity.equals(OutputDirectory.identity(output))) {
                // Written again by a full build without a cache, or removed: what it holds is not what the cache says.
                throw new CacheFormatException("the site in " + output + " is not the one the cache describes");
            }
            List<String> listed = in.readAll(CacheReader::readString);
            List<String> paths = pathsOf(listed);
            Map<String, RenderedSite.PathState> checked = new HashMap<>();
            for (String path : paths) {
                long size = in.readLong();
                long stamp = in.readLong();
                RenderedSite.PathState state = new RenderedSite.PathState(size, stamp);
                checked.put(path, state);
                RenderedSite.PathState now;
                try {
                    now = stateOf(output.resolve(path));
                } catch (IOException e) {
                    now = null;
                }
                if (!state.equals(now)) {
                    // A file changed, added or removed since, by hand or by another tool: the cache cannot say what
                    // the site holds, so only a full build can.
                    throw new CacheFormatException("the files in " + output + " changed since the cache was written ("
                            + (path.isEmpty() ? "the site's directory" : path) + ")");
                }
            }
            Map<String, Set<String>> recent = namesIn(paths, in.readAll(CacheReader::readInt));
            for (Map.Entry<String, Set<String>> directory : recent.entrySet()) {
                if (!entriesOf(output.resolve(directory.getKey())).equals(directory.getValue())) {
                    throw new CacheFormatException("the files in " + output + " changed since the cache was written ("
                            + (directory.getKey().isEmpty() ? "the site's directory" : directory.getKey())
                            + " holds other entries)");
                }
            }
            Set<String> files = new HashSet<>(listed);
            Map<String, String> extraDigests = new HashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                extraDigests.put(in.readString(), in.readString());
            }
            Map<String, Set<Attachment>> attachments = new HashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                String id = in.readString();
                attachments.put(id, new HashSet<>(in.readAll(
                        r -> new Attachment(Path.of(r.readString()), r.readString()))));
            }
            Map<String, List<Diagnostic>> pageProblems = new HashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                pageProblems.put(in.readString(), List.copyOf(in.readAll(DiagnosticCodec::read)));
            }
            return new RenderedSite(output, settings, kb.get(), related.get(), files, extraDigests, attachments,
                    pageProblems, checked);
        });
    }
}
