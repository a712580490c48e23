package dev.hindsight.site;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a site atomically: everything goes into a hidden sibling directory, which replaces the
 * output directory only when the whole site is written. A failed build leaves the previous site as
 * it was; pages of removed reports disappear because the new tree is complete on its own. An
 * existing directory is only ever replaced if it holds Hindsight's marker file, so a wrong
 * {@code --out} cannot delete someone's files.
 */
final class OutputDirectory implements AutoCloseable {
    static final String MARKER = ".hindsight-site";

    private final Path target;
    private final Path staging;
    private boolean committed;

    OutputDirectory(Path target) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        if (Files.exists(this.target) && !isReplaceable(this.target)) {
            throw new IOException("refusing to replace " + this.target + ": it is not empty and was not written by "
                    + "Hindsight (no " + MARKER + " file); choose an empty or new output directory");
        }
        Files.createDirectories(this.target.getParent());
        this.staging = this.target.resolveSibling("." + this.target.getFileName() + ".new-" + UUID.randomUUID());
        Files.createDirectory(staging);
        Files.writeString(staging.resolve(MARKER), "This directory is written by Hindsight and replaced on every "
                + "build.\n", StandardCharsets.UTF_8);
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
        Path file = staging.resolve(sitePath).normalize();
        if (!file.startsWith(staging)) {
            throw new IOException("refusing to write outside the site: " + sitePath);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** Writes one file of the site as {@code content} produces it, without holding it in memory. */
    void write(String sitePath, ExtraFile.Content content) throws IOException {
        Path file = staging.resolve(sitePath).normalize();
        if (!file.startsWith(staging)) {
            throw new IOException("refusing to write outside the site: " + sitePath);
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            content.writeTo(out);
        }
    }

    void copy(Path source, String sitePath) throws IOException {
        Path file = staging.resolve(sitePath).normalize();
        if (!file.startsWith(staging)) {
            throw new IOException("refusing to write outside the site: " + sitePath);
        }
        Files.createDirectories(file.getParent());
        Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Swaps the finished site in. */
    void commit() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
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

    /** Without a commit, the half-written staging directory is removed and the old site stays. */
    @Override
    public void close() {
        if (!committed) {
            deleteRecursively(staging);
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
