package dev.hindsight.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The next free id of the seed's form {@code INC-YYYY-MM-DD-NNN} for a date: one more than the highest
 * number used for that date in any report's file name or text. Reading texts rather than loading reports
 * keeps it fast and works when some reports do not load; an id merely mentioned in another report counts as
 * used, which only ever skips a number.
 */
final class NextIncidentId {
    private NextIncidentId() {
    }

    static String forDate(Path sourceRoot, LocalDate date) {
        String prefix = String.format(Locale.ROOT, "INC-%04d-%02d-%02d-", date.getYear(), date.getMonthValue(),
                date.getDayOfMonth());
        Pattern used = Pattern.compile("(?i)" + Pattern.quote(prefix) + "(\\d{3,6})");
        int highest = 0;
        if (Files.isDirectory(sourceRoot)) {
            try (Stream<Path> files = Files.walk(sourceRoot)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".md"))
                        .filter(Files::isRegularFile).toList()) {
                    highest = Math.max(highest, highest(used, file.getFileName().toString()));
                    highest = Math.max(highest, highest(used, read(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return prefix + String.format(Locale.ROOT, "%03d", highest + 1);
    }

    private static int highest(Pattern used, CharSequence text) {
        int highest = 0;
        Matcher m = used.matcher(text);
        while (m.find()) {
            highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
        return highest;
    }

    /** The text as UTF-8, undecodable bytes replaced: a report in another encoding still has ASCII ids. */
    private static String read(Path file) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    }
}
