package dev.hindsight.site;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes a site atomically: everything goes into a hidden sibling directory, which replaces the
 * output directory only when the whole site is written. A failed build leaves the previous site as
 * it was; pages of removed reports disappear because the new tree is complete on its own. An
 * existing directory is only ever replaced if it holds Hindsight's marker file, so a wrong
 * {@code --out} cannot delete someone's files.
 *
 * <p>One build at a time: a lock on the file {@code .<name>.lock} beside the output directory is held
 * from start to end, and a second build on the same directory fails at once with
 * {@link LockedException}. The operating system releases the lock when a process dies, so a killed
 * build never blocks the next one; that build, holding the lock, knows any staging or old-site
 * directory beside the output is a killed build's leftover, removes it, and puts the previous site
 * back if the kill fell between the two renames of {@link #commit()}.
 */
final class OutputDirectory implements AutoCloseable {
    static final String MARKER = ".hindsight-site";
    private static final String STAGING_INFIX = ".new-";
    private static final String OLD_INFIX = ".old-";

    /** Another build holds the output directory's lock. */
    static final class LockedException extends IOException {
        LockedException(Path target, Path lockFile) {
            super("another build is writing " + target + " right now (it holds " + lockFile + ")");
        }
    }

    private final Path target;
    private final FileChannel lockChannel;
    /** Where files are written: the staging directory, or the site itself when updated in place. */
    private final Path staging;
    private final boolean inPlace;
    private boolean committed;
    /** The site paths written, replaced or removed so far (by several threads: pages render in parallel). */
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    /**
     * Directories this build made or found: asking for a file's directory again costs two system calls (a failing
     * mkdir and a stat), 20,000 of them for 10,000 reports, whose 9,700 search data files share three directories.
     */
    private final Set<Path> made = ConcurrentHashMap.newKeySet();

    OutputDirectory(Path target) throws IOException {
        this.inPlace = false;
        this.target = target.toAbsolutePath().normalize();
        Files.createDirectories(this.target.getParent());
        this.lockChannel = lock(this.target);
        try {
            recoverFromKilledBuild();
            if (Files.exists(this.target) && !isReplaceable(this.target)) {
                throw new IOException("refusing to replace " + this.target + ": it is not empty and was not written "
                        + "by Hindsight (no " + MARKER + " file); choose an empty or new output directory");
            }
            this.staging = sibling(STAGING_INFIX + UUID.randomUUID());
            Files.createDirectory(staging);
            Files.writeString(staging.resolve(MARKER), "This directory is written by Hindsight and replaced on every "
                    + "build.\n", StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    private OutputDirectory(Path target, boolean inPlace) throws IOException {
        this.inPlace = inPlace;
        this.target = target.toAbsolutePath().normalize();
        this.lockChannel = lock(this.target);
        if (!Files.exists(this.target.resolve(MARKER))) {
            lockChannel.close();
            throw new IOException(this.target + " holds no site to update");
        }
        this.staging = this.target;
    }

    /**
     * Updates the site in {@code target} file by file, each file replaced atomically, for a rebuild that changes a
     * few files of a large site (the preview server's). Not atomic as a whole: a build killed half-way leaves
     * some files new and some old, which the next full build (every new process starts with one) replaces.
     */
    static OutputDirectory inPlace(Path target) throws IOException {
        return new OutputDirectory(target, true);
    }

    /**
     * What tells this site directory from another written at the same path since: the identity (file key and
     * modification time) of its marker file, which every full build writes anew and no in-place update touches.
     * A build cache records it, and is not trusted by a later process if the site was replaced or removed
     * meanwhile. {@code null} when there is no site.
     */
    static String identity(Path target) {
        try {
            BasicFileAttributes marker = Files.readAttributes(target.resolve(MARKER), BasicFileAttributes.class);
            return marker.fileKey() + "@" + marker.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            return null;
        }
    }

    /** The lock file's channel, locked; the lock lives as long as the channel or the process. */
    private static FileChannel lock(Path target) throws IOException {
        Path lockFile = target.resolveSibling("." + target.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM builds into the same directory on another thread
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new LockedException(target, lockFile);
        }
        return channel;
    }

    private Path sibling(String suffix) {
        return target.resolveSibling("." + target.getFileName() + suffix);
    }

    /**
     * Removes what a killed build left beside the output directory. Under the lock, no running build
     * owns any of it.
     */
    private void recoverFromKilledBuild() throws IOException {
        String prefix = "." + target.getFileName();
        List<Path> leftovers;
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            leftovers = siblings.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix + STAGING_INFIX) || name.startsWith(prefix + OLD_INFIX);
            }).sorted().toList();
        }
        if (!Files.exists(target)) {
            // Killed between moving the old site aside and moving the new one in: the old one comes back.
            for (Path old : leftovers) {
                if (old.getFileName().toString().startsWith(prefix + OLD_INFIX) && Files.exists(old.resolve(MARKER))) {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                    break;
                }
            }
        }
        for (Path leftover : leftovers) {
            if (Files.isDirectory(leftover, LinkOption.NOFOLLOW_LINKS)) {
                deleteRecursively(leftover);
            }
        }
    }

    private static boolean isReplaceable(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        if (Files.exists(dir.resolve(MARKER))) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Writes one file of the site, creating its directories. */
    void write(String sitePath, byte[] bytes) throws IOException {
        Path file = fileOf(sitePath, "write");
        createParent(file);
        if (inPlace) {
            write(sitePath, out -> out.write(bytes));
        } else {
            Files.write(file, bytes);
        }
    }

    /** Writes one file of the site as {@code content} produces it, without holding it in memory. */
    void write(String sitePath, ExtraFile.Content content) throws IOException {
        Path file = fileOf(sitePath, "write");
        createParent(file);
        // In place, a reader (the preview's browser) must see the old file or the new one, never half of one.
        Path written = inPlace ? file.resolveSibling("." + file.getFileName() + ".new-" + UUID.randomUUID()) : file;
        try (OutputStream out = new ReusedBufferOutput(Files.newOutputStream(written))) {
            content.writeTo(out);
        } catch (IOException | RuntimeException e) {
            if (inPlace) {
                Files.deleteIfExists(written);
            }
            throw e;
        }
        if (inPlace) {
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A stream buffered through a buffer its thread lends it ({@link ThreadBuffers}) until it is closed. */
    static final class ReusedBufferOutput extends FilterOutputStream {
        private byte[] buffer = ThreadBuffers.borrow();
        private int used;

        ReusedBufferOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (used == buffer.length) {
                drain();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length > buffer.length - used) {
                drain();
            }
            if (length >= buffer.length) {
                out.write(bytes, offset, length);
            } else {
                System.arraycopy(bytes, offset, buffer, used, length);
                used += length;
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (buffer == null) {
                return; // closed already; the buffer may be another stream's by now
            }
            try {
                drain();
            } finally {
                try {
                    out.close(); // the file is closed even when its last bytes could not be written
                } finally {
                    used = 0;
                    ThreadBuffers.giveBack(buffer);
                    buffer = null;
                }
            }
        }

        private void drain() throws IOException {
            if (used > 0) {
                out.write(buffer, 0, used);
                used = 0;
            }
        }
    }

    /** {@code sitePath}'s file in the directory being written, recorded as this build's; never one outside it. */
    private Path fileOf(String sitePath, String verb) throws IOException {
        written.add(sitePath);
        Path file = staging.resolve(sitePath).normalize();
        if (!file.startsWith(staging)) {
            throw new IOException("refusing to " + verb + " outside the site: " + sitePath);
        }
        return file;
    }

    private void createParent(Path file) throws IOException {
        Path directory = file.getParent();
        if (!made.contains(directory)) {
            Files.createDirectories(directory);
            made.add(directory);
        }
    }

    /**
     * Removes a file the site no longer has, and the directories it leaves empty. Called after every write of the
     * build (never beside one): a write could otherwise take a directory for made that is being removed.
     */
    void delete(String sitePath) throws IOException {
        Path file = fileOf(sitePath, "delete");
        if (file.equals(staging)) {
            throw new IOException("refusing to delete outside the site: " + sitePath);
        }
        Files.deleteIfExists(file);
        for (Path dir = file.getParent(); !dir.equals(staging); dir = dir.getParent()) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    break;
                }
            }
            Files.delete(dir);
            made.remove(dir);
        }
    }

    void copy(Path source, String sitePath) throws IOException {
        Path file = fileOf(sitePath, "write");
        if (inPlace) {
            write(sitePath, out -> Files.copy(source, out));
            return;
        }
        createParent(file);
        Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The site paths this build wrote, replaced or removed (in place: the only ones whose state it changed). */
    Set<String> written() {
        return written;
    }

    /** Swaps the finished site in. */
    void commit() throws IOException {
        if (inPlace) {
            committed = true;
            return;
        }
        Path old = null;
        if (Files.exists(target)) {
            old = sibling(OLD_INFIX + UUID.randomUUID());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // put the previous site back
            }
            throw e;
        }
        committed = true;
        if (old != null) {
            deleteRecursively(old);
        }
    }

    /**
     * Without a commit, the half-written staging directory is removed and the old site stays. The lock
     * is released last, so the next build never sees this build's directories half removed.
     */
    @Override
    public void close() {
        try {
            if (!committed && !inPlace) {
                deleteRecursively(staging);
            }
        } finally {
            try {
                lockChannel.close();
            } catch (IOException e) {
                // closing releases the lock; the process's end would release it too
            }
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
