package dev.hindsight.scaffold;

import dev.hindsight.model.ReportStyle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a new report from the built-in templates into {@code <source>/<year>/<id>.md}, where the
 * sample and most teams keep them. The values the writer gave are escaped for where they go: YAML
 * double-quoted strings in front matter, a plain line in the seed's Markdown.
 */
public final class ReportScaffold {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx", Locale.ROOT);
    private static final DateTimeFormatter SEED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private ReportScaffold() {
    }

    /** A value the writer gave that cannot go into a report, worded for them. */
    public static final class BadValue extends IllegalArgumentException {
        BadValue(String message) {
            super(message);
        }
    }

    /** {@code front-matter} (the default form) or {@code seed} (the seed template's own form), as users name them. */
    public static Optional<ReportStyle> style(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "front-matter", "frontmatter" -> Optional.of(ReportStyle.FRONT_MATTER);
            case "seed", "seed-template" -> Optional.of(ReportStyle.SEED_TEMPLATE);
            default -> Optional.empty();
        };
    }

    /**
     * Writes the report and returns its path. Never overwrites: a file of the same name is an error.
     *
     * @throws BadValue when the title is empty or spans lines, or a service name is unusable
     */
    public static Path create(Path sourceRoot, NewReport report) throws IOException {
        validate(report);
        String id = NextIncidentId.forDate(sourceRoot, report.started().toLocalDate());
        Path file = sourceRoot.resolve(String.valueOf(report.started().getYear())).resolve(id + ".md");
        Files.createDirectories(file.getParent());
        try {
            Files.writeString(file, render(report, id), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new BadValue(file + " already exists; not overwritten");
        }
        return file;
    }

    /** The report's text with the id {@code id}. */
    static String render(NewReport report, String id) {
        String template = template(report);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("severity", report.severity().name());
        values.put("started", MINUTE.format(report.started()));
        values.put("date", report.started().toLocalDate().toString());
        values.put("time", CLOCK.format(report.started()));
        values.put("title", report.style() == ReportStyle.FRONT_MATTER ? yamlString(report.title()) : report.title());
        values.put("services", report.services().stream().map(ReportScaffold::yamlString)
                .collect(Collectors.joining(", ", "[", "]")));
        values.put("owner", report.owner() == null ? "# owner: " : "owner: " + yamlString(report.owner()));
        values.put("seedTime", SEED_TIME.format(report.started()) + " (UTC" + offset(report) + ")");
        values.put("seedServices", String.join(", ", report.services()));
        values.put("seedOwner", report.owner() == null ? "" : "@" + report.owner());
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("the template names an unknown value " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void validate(NewReport report) {
        if (report.title().isBlank()) {
            throw new BadValue("the title is empty");
        }
        if (report.title().chars().anyMatch(c -> c == '\n' || c == '\r' || Character.isISOControl(c))) {
            throw new BadValue("the title must be one line without control characters");
        }
        for (String service : report.services()) {
            if (service.isBlank() || service.chars().anyMatch(c -> c == ',' || c == '\n' || Character.isISOControl(c))) {
                throw new BadValue("unusable service name '" + service + "': names are one line without commas");
            }
        }
        if (report.owner() != null && (report.owner().isBlank()
                || report.owner().chars().anyMatch(c -> c == ',' || Character.isISOControl(c)))) {
            throw new BadValue("unusable owner '" + report.owner() + "'");
        }
        if (report.style() == ReportStyle.SEED_TEMPLATE && report.title().startsWith("#")) {
            throw new BadValue("a seed-template title cannot start with '#'");
        }
    }

    private static String template(NewReport report) {
        String name = (report.style() == ReportStyle.FRONT_MATTER ? "front-matter" : "seed")
                + (report.chinese() ? "-zh-CN" : "-en") + ".md";
        try (InputStream in = ReportScaffold.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "+8", "+05:30", "-5": as the seed writes a zone, which the seed-time reader accepts. */
    private static String offset(NewReport report) {
        int seconds = report.started().getOffset().getTotalSeconds();
        int hours = Math.abs(seconds) / 3600;
        int minutes = Math.abs(seconds) % 3600 / 60;
        return (seconds < 0 ? "-" : "+") + hours + (minutes == 0 ? "" : String.format(Locale.ROOT, ":%02d", minutes));
    }

    /** A YAML double-quoted scalar: backslash and quote escaped, nothing else can break out of it. */
    static String yamlString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
