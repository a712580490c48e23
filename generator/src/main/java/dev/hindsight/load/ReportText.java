package dev.hindsight.load;

import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Diagnostics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns a report file into text: size limit, binary and encoding checks, BOM removed and line
 * endings normalised to '\n' so that every later line number counts the same way.
 */
final class ReportText {
    /** Enough to tell a binary file by its NUL bytes without scanning megabytes. */
    private static final int BINARY_SNIFF_BYTES = 8192;

    private ReportText() {
    }

    static Optional<String> read(Path file, long maxBytes, Diagnostics diagnostics) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                diagnostics.report(DiagnosticCode.FILE_TOO_LARGE, 0, 0,
                        "report is " + size + " bytes, over the limit of " + maxBytes + " bytes",
                        "split the report, move logs and data to linked files, or raise the limit "
                                + "(--max-report-size on the command line, maxReportSize in Maven)");
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diagnostics.report(DiagnosticCode.FILE_UNREADABLE, 0, 0, "cannot read the file: " + describe(e),
                    "check the file's permissions");
            return Optional.empty();
        }
        if (looksBinary(bytes)) {
            diagnostics.report(DiagnosticCode.BINARY_FILE, 0, 0, "this is a binary file, not a Markdown report",
                    "remove it from the source directory or rename it so that it does not end in .md");
            return Optional.empty();
        }
        Optional<String> text = decodeUtf8(bytes, diagnostics);
        if (text.isEmpty()) {
            return text;
        }
        String normalised = normaliseLineEndings(stripBom(text.get()));
        if (normalised.isBlank()) {
            diagnostics.report(DiagnosticCode.EMPTY_FILE, 0, 0, "the report is empty",
                    "write the report (see docs/report-format.md) or delete the file");
            return Optional.empty();
        }
        return Optional.of(normalised);
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, BINARY_SNIFF_BYTES);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> decodeUtf8(byte[] bytes, Diagnostics diagnostics) {
        // The JDK's lenient decoder is several times faster than a reporting CharsetDecoder; only a text
        // with replacement characters (rare: bad bytes, or a real U+FFFD) needs the strict pass.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return Optional.of(text);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        if (result.isError()) {
            int offset = in.position();
            Optional<String> encoding = EncodingGuess.name(bytes);
            diagnostics.report(DiagnosticCode.INVALID_UTF8, lineAt(bytes, offset), columnAt(bytes, offset),
                    "invalid UTF-8 at byte offset " + offset + " (byte 0x" + hex(bytes[offset]) + ")"
                            + encoding.map(EncodingGuess::describe).orElse(""),
                    "save the file as UTF-8 (" + encoding.map(e -> "e.g. iconv -f " + e + " -t UTF-8, or ").orElse("")
                            + "your editor's 'Save with encoding')");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnAt(byte[] bytes, int offset) {
        int start = offset;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        return offset - start + 1;
    }

    private static String hex(byte b) {
        return String.format("%02X", b & 0xFF);
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** CRLF and lone CR become LF. */
    static String normaliseLineEndings(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
