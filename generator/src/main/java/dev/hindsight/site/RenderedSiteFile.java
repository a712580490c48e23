package dev.hindsight.site;

import dev.hindsight.cache.CacheFormatException;
import dev.hindsight.cache.CacheReader;
import dev.hindsight.cache.CacheWriter;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.DiagnosticCodec;
import dev.hindsight.kb.KnowledgeBase;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a {@link RenderedSite} in the build cache, so that a build in another process can render only the pages
 * an edit touched. Only what cannot be had otherwise is written: the site's files, the digests of its extra
 * files, the attachments and each page's diagnostics. The knowledge base, the related links and the settings
 * are the caller's to give back (it rebuilds them from the cached reports and related incidents, and the settings
 * are those of the same request).
 */
public final class RenderedSiteFile {
    /** What the file holds; the number changes with the format. */
    private static final String KIND = "hindsight-rendered-site-1";

    private RenderedSiteFile() {
    }

    public static void save(RenderedSite site, Path file) throws IOException {
        CacheWriter.save(file, KIND, out -> {
            out.writeString(site.output().toString());
            out.writeString(OutputDirectory.identity(site.output()));
            out.writeAll(filesIn(site.output()), CacheWriter::writeString);
            out.writeAll(site.files(), CacheWriter::writeString);
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
     * Every file and directory of the site, each with its size and modification time, in a stable order: what an
     * in-place build leaves must still be there, unchanged, when the next process builds on it.
     */
    private static List<String> filesIn(Path output) throws IOException {
        List<String> files = new ArrayList<>();
        Files.walkFileTree(output, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                files.add(output.relativize(file) + "\t" + attributes.size() + "\t"
                        + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                files.add(output.relativize(file) + "\tunreadable");
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(files);
        return files;
    }

    /**
     * The site {@code file} describes, rendered with {@code settings} from {@code kb}, each incident page listing
     * {@code related}; throws {@link CacheFormatException} for a file that is not one
     * {@link #save} wrote completely, or when the site in the output directory is no longer the one it describes.
     */
    public static RenderedSite restore(Path file, SiteSettings settings, KnowledgeBase kb,
                                       Map<String, List<RelatedLink>> related) throws IOException {
        return CacheReader.read(file, KIND, in -> {
            Path output = Path.of(in.readString());
            String identity = in.readString();
            if (identity == null || !identity.equals(OutputDirectory.identity(output))) {
                // Written again by a full build without a cache, or removed: what it holds is not what the cache says.
                throw new CacheFormatException("the site in " + output + " is not the one the cache describes");
            }
            if (!in.readAll(CacheReader::readString).equals(filesIn(output))) {
                // A file changed, added or removed since, by hand or by another tool: the cache cannot say what the
                // site holds, so only a full build can.
                throw new CacheFormatException("the files in " + output + " changed since the cache was written");
            }
            Set<String> files = new HashSet<>(in.readAll(CacheReader::readString));
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
            return new RenderedSite(output, settings, kb, related, files, extraDigests, attachments, pageProblems);
        });
    }
}
