package dev.hindsight.load;

import dev.hindsight.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The hostile corpus, ready to load: the committed reports of {@code reports/hostile/} copied into a
 * fresh directory, plus the cases that cannot be committed usefully, written here with a comment each:
 * files of megabytes, files in other encodings, and symbolic links (which git does not keep portably).
 * Beside the source directory lies {@code outside/}, with a canary report and a canary file that the
 * links point at: nothing of it may ever be read, loaded or published.
 */
public final class HostileCorpus {
    public static final Path COMMITTED = Path.of("src/test/resources/reports/hostile");
    /** Text that only the canary files hold; no output may contain it. */
    public static final String CANARY = "CANARY-7f3a9c-outside-the-source";
    public static final String CANARY_ID = "CANARY-2026-02-01-001";

    private HostileCorpus() {
    }

    /**
     * Writes the corpus under {@code parent}: {@code parent/source} (the source directory) and
     * {@code parent/outside} (what must stay unread).
     *
     * @return the source directory
     */
    public static Path write(Path parent) throws IOException {
        Path source = Files.createDirectories(parent.resolve("source"));
        TestFiles.copyTree(COMMITTED, source);
        Path outside = Files.createDirectories(parent.resolve("outside"));
        Files.writeString(outside.resolve("canary.md"), report(CANARY_ID, CANARY, "Body " + CANARY + ".\n"));
        Files.writeString(outside.resolve("canary.txt"), CANARY + "\n");
        generated(source);
        symbolicLinks(source, outside);
        return source;
    }

    private static void generated(Path source) throws IOException {
        Path dir = Files.createDirectories(source.resolve("generated"));
        // A table of 100,000 rows: parsed and rendered in linear time, every row kept.
        StringBuilder table = new StringBuilder("## Timeline\n\n| time | event |\n|---|---|\n");
        for (int row = 0; row < 100_000; row++) {
            table.append("| 10:").append(row % 60 < 10 ? "0" : "").append(row % 60).append(" | row ").append(row)
                    .append(" |\n");
        }
        write(dir, "big-table.md", report("HOS-2026-02-02-001", "A table of 100,000 rows", table.toString()));
        // One line of 1 MB without a line break or a space.
        write(dir, "one-megabyte-line.md", report("HOS-2026-02-02-002", "One line of one megabyte",
                "## Summary\n\n" + "x".repeat(1024 * 1024) + "\n"));
        // 300,000 Chinese characters without punctuation or a space: nothing to break a line or a word at.
        write(dir, "long-unbroken-chinese.md", report("HOS-2026-02-02-003", "没有标点的长文本",
                "## 执行摘要\n\n" + "故障复盘报告数据库连接池耗尽".repeat(300_000 / 14) + "\n"));
        // A NUL byte near the top: a binary file (HS104).
        bytes(dir, "nul-byte.md", concat(report("HOS-2026-02-02-004", "NUL", "").getBytes(StandardCharsets.UTF_8),
                new byte[] {'a', 0, 'b', '\n'}));
        // The same report saved by a Western Windows editor (Windows-1252): HS105 names the encoding.
        bytes(dir, "windows-1252.md", report("HOS-2026-02-02-005", "Caf\u00e9 \u201cquoted\u201d \u2013 na\u00efve",
                "").getBytes(Charset.forName("windows-1252")));
        // Saved by a Chinese Windows editor (GB18030): HS105 names the encoding.
        bytes(dir, "gb18030.md", report("HOS-2026-02-02-006", "数据库连接池耗尽导致订单服务不可用",
                "## 执行摘要\n\n所有实例无法接收数据。\n").getBytes(Charset.forName("GB18030")));
        // UTF-16 with a byte order mark, as some Windows tools save: NUL bytes, so binary (HS104).
        bytes(dir, "utf-16le.md", report("HOS-2026-02-02-007", "UTF-16", "").getBytes(StandardCharsets.UTF_16LE));
        // A surrogate encoded on its own (CESU-8 style, ED A0 80): not UTF-8 (HS105).
        bytes(dir, "encoded-lone-surrogate.md", concat(report("HOS-2026-02-02-008", "Lone surrogate", "")
                .getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'}));
    }

    private static void symbolicLinks(Path source, Path outside) throws IOException {
        Path dir = Files.createDirectories(source.resolve("links"));
        // A report that is a link to a report outside the source: not followed (HS106).
        Files.createSymbolicLink(dir.resolve("linked-outside-report.md"), outside.resolve("canary.md"));
        // A folder that is a link to a folder outside the source: not followed (HS106).
        Files.createSymbolicLink(dir.resolve("linked-outside-folder"), outside);
        // A folder linking to its own parent: the loop is cut, each report is read once.
        Path loop = Files.createDirectories(dir.resolve("loop"));
        Files.writeString(loop.resolve("in-a-loop.md"), report("HOS-2026-02-03-001", "Inside a link loop", "Body.\n"));
        Files.createSymbolicLink(loop.resolve("again"), loop);
        // A link to a link to itself: cannot be resolved, reported and skipped.
        Files.createSymbolicLink(dir.resolve("self-link.md"), dir.resolve("self-link.md"));
        // A file beside a report that links out of the source: the report's image is not published (HS151).
        Files.createSymbolicLink(dir.resolve("canary-image.png"), outside.resolve("canary.txt"));
        Files.writeString(dir.resolve("image-through-link.md"), report("HOS-2026-02-03-002",
                "An image that is a link to a file outside", "## Summary\n\n![canary](canary-image.png)\n\n"
                        + "[folder](linked-outside-folder/canary.txt)\n"));
    }

    /** A minimal valid front-matter report. */
    static String report(String id, String title, String body) {
        return "---\nid: " + id + "\ntitle: \"" + title + "\"\nseverity: P3\nstarted: 2026-02-02T10:00Z\n---\n" + body;
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static void bytes(Path dir, String name, byte[] content) throws IOException {
        Files.write(dir.resolve(name), content);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
