package dev.hindsight.diagnostic;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding about the input.
 *
 * @param path    the file, relative to the source directory, with '/' separators
 * @param line    1-based line, 0 when the finding is about the whole file
 * @param column  1-based column, 0 when unknown
 * @param level   error or warning
 * @param code    the stable code, e.g. {@code HS122}
 * @param message what is wrong
 * @param hint    how to fix it, {@code null} when there is nothing useful to add
 */
public record Diagnostic(String path, int line, int column, Level level, DiagnosticCode code, String message,
                         String hint) {
    /** File, then position, then code: the order every output lists diagnostics in. */
    public static final Comparator<Diagnostic> IN_FILE_ORDER = Comparator.comparing(Diagnostic::path)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(d -> d.code().code())
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    /** The gcc-style line editors understand: {@code path:line:col: error: message [HS101]}. */
    public String toGccLine() {
        return path + ":" + Math.max(line, 1) + ":" + Math.max(column, 1) + ": " + level.label() + ": " + message
                + " [" + code.code() + "]";
    }
}
