package dev.hindsight.diagnostic;

import dev.hindsight.cache.CacheFormatException;
import dev.hindsight.cache.CacheReader;
import dev.hindsight.cache.CacheWriter;

import java.io.IOException;

/** Writes diagnostics into a build cache file and reads them back, equal to what was written. */
public final class DiagnosticCodec {
    private DiagnosticCodec() {
    }

    public static void write(CacheWriter out, Diagnostic diagnostic) throws IOException {
        out.writeString(diagnostic.path());
        out.writeInt(diagnostic.line());
        out.writeInt(diagnostic.column());
        out.writeEnum(diagnostic.level());
        out.writeEnum(diagnostic.code());
        out.writeString(diagnostic.message());
        out.writeString(diagnostic.hint());
    }

    public static Diagnostic read(CacheReader in) throws IOException {
        String path = in.readString();
        int line = in.readInt();
        int column = in.readInt();
        Level level = in.readEnum(Level.values());
        DiagnosticCode code = in.readEnum(DiagnosticCode.values());
        String message = in.readString();
        String hint = in.readString();
        if (path == null || level == null || code == null || message == null) {
            throw new CacheFormatException("a diagnostic without its path, level, code or message");
        }
        return new Diagnostic(path, line, column, level, code, message, hint);
    }
}
