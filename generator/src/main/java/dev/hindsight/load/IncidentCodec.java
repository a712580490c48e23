package dev.hindsight.load;

import dev.hindsight.cache.CacheFormatException;
import dev.hindsight.cache.CacheReader;
import dev.hindsight.cache.CacheWriter;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.DiagnosticCodec;
import dev.hindsight.diagnostic.Level;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Incident;
import dev.hindsight.model.IncidentTimes;
import dev.hindsight.model.Lesson;
import dev.hindsight.model.LessonKind;
import dev.hindsight.model.Link;
import dev.hindsight.model.DeflatedText;
import dev.hindsight.model.Priority;
import dev.hindsight.model.ReportSource;
import dev.hindsight.model.ReportStatus;
import dev.hindsight.model.ReportStyle;
import dev.hindsight.model.RootCauseAnalysis;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionRole;
import dev.hindsight.model.Severity;
import dev.hindsight.model.Term;
import dev.hindsight.model.TimelineEntry;
import dev.hindsight.model.WhyStep;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import java.util.zip.CRC32C;

/**
 * Writes what one report file parsed to (its incident, if any, and its diagnostics) into a cache file and reads it
 * back equal, field by field in declaration order. Enums go by ordinal and records without names, so the file
 * says nothing about its own layout: {@link #KIND} must change with it.
 */
final class IncidentCodec {
    // Tags of the values of Incident.extra.
    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int LONG = 2;
    private static final int DOUBLE = 3;
    private static final int TRUE = 4;
    private static final int FALSE = 5;
    private static final int LIST = 6;
    private static final int MAP = 7;

    private static final int SHARED_BITS = 12;

    // values() copies its array on every call; these are read once per field.
    private static final Severity[] SEVERITIES = Severity.values();
    private static final ReportStatus[] REPORT_STATUSES = ReportStatus.values();
    private static final Priority[] PRIORITIES = Priority.values();
    private static final ActionStatus[] ACTION_STATUSES = ActionStatus.values();
    private static final Term[] TERMS = Term.values();
    private static final LessonKind[] LESSON_KINDS = LessonKind.values();
    private static final ReportStyle[] REPORT_STYLES = ReportStyle.values();
    private static final SectionRole[] SECTION_ROLES = SectionRole.values();
    private static final Level[] LEVELS = Level.values();
    private static final DiagnosticCode[] CODES = DiagnosticCode.values();

    /**
     * What a reports cache file holds and in which layout. Bump the number on any change to this codec or to a
     * record or enum it writes (the model, {@link Diagnostic}, {@link ReportLoader.FileResult}); a file of another
     * number is refused and the build parses every report once. The fingerprint after it catches a model change
     * that forgot the bump: it changes with the records' components and the enums' constants. Declared after
     * the arrays above, which the fingerprint reads while the class initialises.
     */
    static final String KIND = "hindsight-reports-2;" + fingerprint();

    /**
     * Dates and times of day already read, by a hash of their number, to read again as the same object. The
     * cache of 10,000 generated reports holds 215,000 dates but 3,000 distinct ones, and 115,000 times of day of
     * which half repeat; every object fewer is one that the garbage collections while reading (about half of a
     * fresh process's restore) need not copy. Immutable values, so sharing them changes nothing for their users.
     */
    private final LocalDate[] dates = new LocalDate[1 << SHARED_BITS];
    private final LocalTime[] timesOfDay = new LocalTime[1 << SHARED_BITS];

    /** A reader of one cache file; writing needs no instance. */
    IncidentCodec() {
    }

    static void writeFileResult(CacheWriter out, ReportLoader.FileResult result) throws IOException {
        out.writeString(result.path());
        Optional<ReportParser.Parsed> parsed = result.parsed();
        out.writeBoolean(parsed.isPresent());
        if (parsed.isPresent()) {
            writeIncident(out, parsed.get().incident());
            out.writeInt(parsed.get().idLine());
        }
        out.writeAll(result.diagnostics(), DiagnosticCodec::write);
    }

    ReportLoader.FileResult readFileResult(CacheReader in) throws IOException {
        String path = in.readString();
        Optional<ReportParser.Parsed> parsed = Optional.empty();
        if (in.readBoolean()) {
            Incident incident = readIncident(in);
            parsed = Optional.of(new ReportParser.Parsed(incident, in.readInt()));
        }
        return new ReportLoader.FileResult(path, parsed, readList(in, DiagnosticCodec::read));
    }

    static void writeIncident(CacheWriter out, Incident incident) throws IOException {
        out.writeString(incident.id());
        out.writeString(incident.title());
        out.writeEnum(incident.severity());
        out.writeEnum(incident.status());
        IncidentTimes times = incident.times();
        writeDateTime(out, times.started());
        writeDateTime(out, times.detected());
        writeDateTime(out, times.mitigated());
        writeDateTime(out, times.resolved());
        out.writeAll(incident.services(), CacheWriter::writeString);
        out.writeAll(incident.tags(), CacheWriter::writeString);
        out.writeString(incident.owner());
        out.writeAll(incident.participants(), CacheWriter::writeString);
        out.writeString(incident.summary());
        writeImpact(out, incident.impact());
        writeAnalysis(out, incident.analysis());
        out.writeAll(incident.timeline(), IncidentCodec::writeTimelineEntry);
        out.writeAll(incident.actions(), IncidentCodec::writeAction);
        out.writeAll(incident.lessons(), IncidentCodec::writeLesson);
        out.writeAll(incident.links(), IncidentCodec::writeLink);
        writeMap(out, incident.extra());
        writeSource(out, incident.source());
    }

    Incident readIncident(CacheReader in) throws IOException {
        // Java evaluates arguments left to right, so reading them in place keeps the written order.
        return new Incident(in.readString(), in.readString(), in.readEnum(SEVERITIES), in.readEnum(REPORT_STATUSES),
                new IncidentTimes(readDateTime(in), readDateTime(in), readDateTime(in), readDateTime(in)),
                readList(in, CacheReader::readString), readList(in, CacheReader::readString), in.readString(),
                readList(in, CacheReader::readString), in.readString(), readImpact(in), readAnalysis(in),
                readList(in, this::readTimelineEntry), readList(in, this::readAction),
                readList(in, IncidentCodec::readLesson), readList(in, IncidentCodec::readLink), readMap(in),
                readSource(in));
    }

    private static void writeImpact(CacheWriter out, Impact impact) throws IOException {
        out.writeString(impact.scope());
        out.writeBoolean(impact.users() != null);
        if (impact.users() != null) {
            out.writeLong(zigZag(impact.users()));
        }
        out.writeString(impact.dataLoss());
        writeNullableDouble(out, impact.availability());
        writeNullableDouble(out, impact.sloBefore());
        writeNullableDouble(out, impact.sloAfter());
        writeNullableDouble(out, impact.errorBudgetConsumed());
    }

    private static Impact readImpact(CacheReader in) throws IOException {
        String scope = in.readString();
        Long users = in.readBoolean() ? unZigZag(in.readLong()) : null;
        return new Impact(scope, users, in.readString(), readNullableDouble(in), readNullableDouble(in),
                readNullableDouble(in), readNullableDouble(in));
    }

    private static void writeNullableDouble(CacheWriter out, Double value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeDouble(value);
        }
    }

    private static Double readNullableDouble(CacheReader in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    private static void writeAnalysis(CacheWriter out, RootCauseAnalysis analysis) throws IOException {
        out.writeString(analysis.rootCause());
        out.writeString(analysis.trigger());
        out.writeString(analysis.directCause());
        out.writeAll(analysis.whys(), IncidentCodec::writeWhy);
        out.writeAll(analysis.contributingFactors(), CacheWriter::writeString);
    }

    private static RootCauseAnalysis readAnalysis(CacheReader in) throws IOException {
        return new RootCauseAnalysis(in.readString(), in.readString(), in.readString(),
                readList(in, IncidentCodec::readWhy), readList(in, CacheReader::readString));
    }

    private static void writeWhy(CacheWriter out, WhyStep why) throws IOException {
        out.writeInt(why.number());
        out.writeString(why.question());
        out.writeString(why.answer());
    }

    private static WhyStep readWhy(CacheReader in) throws IOException {
        return new WhyStep(in.readInt(), in.readString(), in.readString());
    }

    private static void writeTimelineEntry(CacheWriter out, TimelineEntry entry) throws IOException {
        writeDateTime(out, entry.time());
        out.writeString(entry.event());
        out.writeString(entry.actor());
    }

    private TimelineEntry readTimelineEntry(CacheReader in) throws IOException {
        return new TimelineEntry(readDateTime(in), in.readString(), in.readString());
    }

    private static void writeAction(CacheWriter out, ActionItem action) throws IOException {
        out.writeString(action.incidentId());
        out.writeString(action.id());
        out.writeString(action.description());
        out.writeEnum(action.priority());
        out.writeString(action.owner());
        writeDate(out, action.due());
        out.writeEnum(action.status());
        writeDate(out, action.completed());
        out.writeEnum(action.term());
        out.writeString(action.link());
        out.writeBoolean(action.dueStated());
        out.writeInt(action.line());
    }

    private ActionItem readAction(CacheReader in) throws IOException {
        return new ActionItem(in.readString(), in.readString(), in.readString(), in.readEnum(PRIORITIES),
                in.readString(), readDate(in), in.readEnum(ACTION_STATUSES), readDate(in), in.readEnum(TERMS),
                in.readString(), in.readBoolean(), in.readInt());
    }

    private static void writeLesson(CacheWriter out, Lesson lesson) throws IOException {
        out.writeEnum(lesson.kind());
        out.writeString(lesson.text());
    }

    private static Lesson readLesson(CacheReader in) throws IOException {
        return new Lesson(in.readEnum(LESSON_KINDS), in.readString());
    }

    private static void writeLink(CacheWriter out, Link link) throws IOException {
        out.writeString(link.title());
        out.writeString(link.url());
    }

    private static Link readLink(CacheReader in) throws IOException {
        return new Link(in.readString(), in.readString());
    }

    private static void writeSource(CacheWriter out, ReportSource source) throws IOException {
        out.writeString(source.path());
        out.writeEnum(source.style());
        // The body as it is kept, deflated: re-deflating 10,000 bodies would cost more than the whole cache.
        out.writeBytes(source.body().deflatedBytes());
        out.writeInt(source.body().utf8Length());
        out.writeInt(source.bodyLine());
        out.writeAll(source.outline(), IncidentCodec::writeSection);
    }

    private static ReportSource readSource(CacheReader in) throws IOException {
        String path = in.readString();
        ReportStyle style = in.readEnum(REPORT_STYLES);
        DeflatedText body = DeflatedText.ofDeflated(in.readBytes(), in.readInt());
        return new ReportSource(path, style, body, in.readInt(), readList(in, IncidentCodec::readSection));
    }

    private static void writeSection(CacheWriter out, Section section) throws IOException {
        out.writeInt(section.level());
        out.writeString(section.title());
        out.writeString(section.anchor());
        out.writeEnum(section.role());
        out.writeInt(section.line());
    }

    private static Section readSection(CacheReader in) throws IOException {
        return new Section(in.readInt(), in.readString(), in.readString(), in.readEnum(SECTION_ROLES), in.readInt());
    }

    /**
     * The local date and time and the offset, each exactly (nanoseconds included): an instant alone would lose the
     * offset the report was written in, which pages show. {@code null} is a single 0.
     */
    private static void writeDateTime(CacheWriter out, OffsetDateTime time) throws IOException {
        if (time == null) {
            out.writeLong(0);
            return;
        }
        out.writeLong(zigZag(time.toLocalDate().toEpochDay()) + 1);
        out.writeLong(time.toLocalTime().toNanoOfDay());
        out.writeLong(zigZag(time.getOffset().getTotalSeconds()));
    }

    private OffsetDateTime readDateTime(CacheReader in) throws IOException {
        long day = in.readLong();
        if (day == 0) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(date(unZigZag(day - 1)), timeOfDay(in.readLong()));
        return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds((int) unZigZag(in.readLong())));
    }

    /** A date as its day number, {@code null} as 0 (no date's day number is far enough out to overflow). */
    private static void writeDate(CacheWriter out, LocalDate date) throws IOException {
        out.writeLong(date == null ? 0 : zigZag(date.toEpochDay()) + 1);
    }

    private LocalDate readDate(CacheReader in) throws IOException {
        long day = in.readLong();
        return day == 0 ? null : date(unZigZag(day - 1));
    }

    private static void writeMap(CacheWriter out, Map<?, ?> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getKey() != null && !(entry.getKey() instanceof String)) {
                throw new IllegalArgumentException("an extra key that is not a string: " + entry.getKey());
            }
            out.writeString((String) entry.getKey());
            writeValue(out, entry.getValue());
        }
    }

    /** A map in its key order, modifiable (the incident copies it; nested maps are wrapped by the caller). */
    private static Map<String, Object> readMap(CacheReader in) throws IOException {
        int size = in.readInt();
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, Math.min(size, 1 << 16) * 4 / 3 + 1));
        for (int i = 0; i < size; i++) {
            map.put(in.readString(), readValue(in));
        }
        return map;
    }

    /** One value of the front matter's unknown keys: the loader's types only, so that it reads back equal. */
    private static void writeValue(CacheWriter out, Object value) throws IOException {
        if (value == null) {
            out.writeInt(NULL);
        } else if (value instanceof String s) {
            out.writeInt(STRING);
            out.writeString(s);
        } else if (value instanceof Long l) {
            out.writeInt(LONG);
            out.writeLong(zigZag(l));
        } else if (value instanceof Double d) {
            out.writeInt(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeInt(b ? TRUE : FALSE);
        } else if (value instanceof List<?> list) {
            out.writeInt(LIST);
            out.writeAll(list, IncidentCodec::writeValue);
        } else if (value instanceof Map<?, ?> map) {
            out.writeInt(MAP);
            writeMap(out, map);
        } else {
            throw new IllegalArgumentException("an extra value of type " + value.getClass().getName());
        }
    }

    private static Object readValue(CacheReader in) throws IOException {
        int tag = in.readInt();
        return switch (tag) {
            case NULL -> null;
            case STRING -> in.readString();
            case LONG -> unZigZag(in.readLong());
            case DOUBLE -> in.readDouble();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            // Unmodifiable like the loader's, but able to hold a null (List.copyOf is not).
            case LIST -> Collections.unmodifiableList(in.readAll(IncidentCodec::readValue));
            case MAP -> Collections.unmodifiableMap(readMap(in));
            default -> throw new CacheFormatException("no such extra value tag: " + tag);
        };
    }

    /**
     * A list as {@link CacheWriter#writeAll} wrote it, immutable and without nulls like the model's own. Read straight
     * into {@code List.of}, which the records' {@code List.copyOf} then keeps as it is: through an ArrayList, every
     * list was copied twice more.
     */
    private static <T> List<T> readList(CacheReader in, CacheReader.ItemReader<T> each) throws IOException {
        int size = in.readInt();
        switch (size) {
            case 0:
                return List.of();
            case 1:
                return List.of(each.read(in));
            case 2: {
                T first = each.read(in);
                return List.of(first, each.read(in));
            }
            default: {
                if (size < 0) {
                    throw new CacheFormatException("a negative count");
                }
                if (size > 4096) { // no report has so many, but a list must not trust its count with memory
                    List<T> items = new ArrayList<>(4096);
                    for (int i = 0; i < size; i++) {
                        items.add(each.read(in));
                    }
                    return List.copyOf(items);
                }
                Object[] items = new Object[size];
                for (int i = 0; i < size; i++) {
                    items[i] = each.read(in);
                }
                @SuppressWarnings("unchecked")
                List<T> list = (List<T>) List.of(items);
                return list;
            }
        }
    }

    private LocalDate date(long epochDay) {
        return shared(dates, epochDay, LocalDate::ofEpochDay, LocalDate::toEpochDay);
    }

    private LocalTime timeOfDay(long nanoOfDay) {
        return shared(timesOfDay, nanoOfDay, LocalTime::ofNanoOfDay, LocalTime::toNanoOfDay);
    }

    /**
     * The value of {@code number} in {@code table} if its slot holds it, else a new one that takes the slot. Slots
     * by Fibonacci hashing, which spreads neighbouring days and whole minutes (multiples of 60 * 10^9) alike.
     */
    private static <T> T shared(T[] table, long number, LongFunction<T> make, ToLongFunction<T> numberOf) {
        int slot = (int) ((number * 0x9E3779B97F4A7C15L) >>> (64 - SHARED_BITS));
        T value = table[slot];
        if (value == null || numberOf.applyAsLong(value) != number) {
            value = make.apply(number);
            table[slot] = value;
        }
        return value;
    }

    /** Small negative numbers (offsets west of Greenwich, days before 1970) in few bytes. */
    private static long zigZag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unZigZag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    /**
     * A checksum of the written records' components and the written enums' constants, in order: a change to
     * either changes the layout or the meaning of an ordinal. Computed once per process, by reflection on fewer
     * than thirty classes.
     */
    private static String fingerprint() {
        StringBuilder shape = new StringBuilder();
        List<Class<?>> records = List.of(ReportLoader.FileResult.class, ReportParser.Parsed.class, Diagnostic.class,
                Incident.class, IncidentTimes.class, Impact.class, RootCauseAnalysis.class, WhyStep.class,
                TimelineEntry.class, ActionItem.class, Lesson.class, Link.class, ReportSource.class, Section.class);
        for (Class<?> record : records) {
            shape.append(record.getName()).append('(');
            for (RecordComponent component : record.getRecordComponents()) {
                shape.append(component.getGenericType().getTypeName()).append(' ').append(component.getName())
                        .append(',');
            }
            shape.append(')');
        }
        List<Enum<?>[]> enums = List.of(SEVERITIES, REPORT_STATUSES, PRIORITIES, ACTION_STATUSES, TERMS,
                LESSON_KINDS, REPORT_STYLES, SECTION_ROLES, LEVELS, CODES);
        for (Enum<?>[] constants : enums) {
            for (Enum<?> constant : constants) {
                shape.append(constant.name()).append(',');
            }
            shape.append(';');
        }
        CRC32C checksum = new CRC32C();
        checksum.update(shape.toString().getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(checksum.getValue());
    }
}
