package dev.hindsight.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A CSV file as RFC 4180 writes it, made safe to open in a spreadsheet:
 * <ul>
 * <li>CRLF after every record; a field is quoted when it holds a comma, a double quote, CR or LF, and
 * quotes inside are doubled;</li>
 * <li>UTF-8 with a byte order mark: without it Excel reads a CSV file in the system's ANSI code page
 * (e.g. GBK or Windows-1252) and turns Chinese into mojibake; with it, Excel, LibreOffice and Numbers
 * all read UTF-8;</li>
 * <li>formula injection (OWASP "CSV Injection"): a data field that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, TAB or CR, blanks before those four not counted, gets a leading apostrophe,
 * so a spreadsheet shows it as text instead of evaluating it. Header names are ours and are written
 * as they are.</li>
 * </ul>
 */
final class CsvRows {
    private final StringBuilder text = new StringBuilder();

    /** The header record: fixed names, written as they are. */
    CsvRows header(List<String> names) {
        return record(names, false);
    }

    /** A data record; {@code null} fields are empty. */
    CsvRows row(List<String> fields) {
        return record(fields, true);
    }

    private CsvRows record(List<String> fields, boolean data) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            String field = fields.get(i) == null ? "" : fields.get(i);
            text.append(quoted(data ? neutralised(field) : field));
        }
        text.append("\r\n");
        return this;
    }

    /**
     * The field with a leading apostrophe when a spreadsheet would otherwise read it as a formula: it
     * starts with TAB or CR, or its first character after any blanks is one of {@code = + - @}. The
     * blanks count because Excel and LibreOffice drop leading spaces of an unquoted cell before they
     * decide whether it is a formula, so {@code "  =1+1"} runs as surely as {@code "=1+1"}.
     */
    static String neutralised(String field) {
        if (field.isEmpty()) {
            return field;
        }
        if (field.charAt(0) == '\t' || field.charAt(0) == '\r') {
            return "'" + field;
        }
        int first = 0;
        while (first < field.length() && isBlank(field.charAt(first))) {
            first++;
        }
        return first < field.length() && "=+-@".indexOf(field.charAt(first)) >= 0 ? "'" + field : field;
    }

    /** White space of any kind, the no-break and ideographic spaces included. */
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The field as RFC 4180 writes it: quoted (with quotes doubled) only when it must be. */
    static String quoted(String field) {
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\r') >= 0
                || field.indexOf('\n') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /** The BOM, which spreadsheets need to read the file as UTF-8, as a character: it encodes to EF BB BF. */
    static final char BOM = '\uFEFF';

    /** Passes the records so far on to {@code out} once there are enough of them. */
    void passOn(Writer out) throws IOException {
        TextStream.passOn(text, out);
    }

    /** Passes every record left on to {@code out}. */
    void finish(Writer out) throws IOException {
        TextStream.passOnAll(text, out);
    }
}
