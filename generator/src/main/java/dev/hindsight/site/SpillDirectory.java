package dev.hindsight.site;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A build's scratch directory beside the output ({@code .<name>.work-<random>}), for data that is written into the
 * site at the end but is too large to wait in the heap: the search index and the static search files of 50,000
 * reports are about 370 MB. Beside the output rather than in the system's temporary directory, which is often
 * memory. Removed when closed; one that a killed build left is removed by the next build, which can tell it is
 * abandoned because nobody holds its lock file.
 */
public final class SpillDirectory implements AutoCloseable {
    private static final String INFIX = ".work-";
    private static final String LOCK = ".lock";
    /**
     * The directories of this process's builds that are still open. Their lock files must not be opened to test
     * them: closing a second channel on a file releases the process's lock on it (POSIX), and another process could
     * then take this build's directory for abandoned.
     */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final FileChannel lock;
    /** One file that spilled site files are appended to: one sequential write rather than thousands of small files. */
    private FileChannel pack;
    private long packSize;

    private SpillDirectory(Path root, FileChannel lock) {
        this.root = root;
        this.lock = lock;
    }

    /** A new scratch directory beside {@code output}, after removing those that killed builds left there. */
    public static SpillDirectory beside(Path output) {
        Path target = output.toAbsolutePath().normalize();
        String prefix = "." + target.getFileName() + INFIX;
        try {
            Files.createDirectories(target.getParent());
            removeAbandoned(target.getParent(), prefix);
            Path root = target.resolveSibling(prefix + UUID.randomUUID());
            Files.createDirectory(root);
            FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                channel.close();
                throw new IOException("cannot lock " + root.resolve(LOCK));
            }
            OPEN.add(root);
            return new SpillDirectory(root, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory beside " + target, e);
        }
    }

    /** A path inside the directory for {@code name} (which may contain '/'); its parents are created. */
    public Path file(String name) {
        Path file = root.resolve(name);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Writes {@code bytes} into the directory and returns the site file that copies them from there. Site files may
     * be copied on several threads at once: each reads its own range of the pack.
     */
    public synchronized ExtraFile spill(String sitePath, byte[] bytes) {
        long at = packSize;
        try {
            if (pack == null) {
                pack = FileChannel.open(root.resolve("pack"), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                pack.write(buffer, at + buffer.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + root, e);
        }
        packSize += bytes.length;
        FileChannel from = pack;
        int length = bytes.length;
        return new ExtraFile(sitePath, out -> copy(from, at, length, out));
    }

    private static void copy(FileChannel from, long at, int length, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(length, 64 * 1024));
        for (int done = 0; done < length; ) {
            buffer.clear().limit(Math.min(buffer.capacity(), length - done));
            int n = from.read(buffer, at + done);
            if (n < 0) {
                throw new IOException("the work directory's pack ended early");
            }
            out.write(buffer.array(), 0, n);
            done += n;
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (pack != null) {
                pack.close();
            }
            lock.close();
        } catch (IOException e) {
            // the lock goes with the process anyway; removing the directory is what matters
        }
        try {
            OutputDirectory.deleteRecursively(root);
        } catch (UncheckedIOException e) {
            // what cannot be removed now, the next build removes (nobody holds its lock)
        }
        OPEN.remove(root);
    }

    private static void removeAbandoned(Path parent, String prefix) throws IOException {
        List<Path> candidates;
        try (Stream<Path> siblings = Files.list(parent)) {
            candidates = siblings.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path candidate : candidates) {
            try {
                if (!OPEN.contains(candidate) && abandoned(candidate)) {
                    OutputDirectory.deleteRecursively(candidate);
                }
            } catch (IOException | UncheckedIOException e) {
                // Best effort: a leftover that cannot be removed (a file held open elsewhere, another build
                // removing it at the same moment) must not stop this build; a later one tries again.
            }
        }
    }

    /**
     * Whether no build holds the directory's lock. One without a lock file is abandoned once it is a minute old: a
     * build creates the file right after the directory, and one killed in between never will.
     */
    private static boolean abandoned(Path directory) throws IOException {
        Path lockFile = directory.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            return Files.getLastModifiedTime(directory).toMillis() < System.currentTimeMillis() - 60_000;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false; // another build of this process
        } catch (IOException e) {
            return false;
        }
    }
}
