package dev.hindsight.load;

import dev.hindsight.model.Lesson;
import dev.hindsight.model.Link;
import dev.hindsight.model.ReportStatus;
import dev.hindsight.model.Severity;
import dev.hindsight.model.TimelineEntry;
import dev.hindsight.model.WhyStep;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What has been read of one report so far. The front matter is read first; the body's readers only
 * fill what is still empty, which is how "front matter wins" is implemented. Fields are {@code null}
 * (or empty lists) until read.
 */
final class ReportDraft {
    Located<String> id;
    Located<String> title;
    /** The body's first H1, the title of a report without front matter. */
    Located<String> heading;
    Located<Severity> severity;
    Located<ReportStatus> status;
    Located<OffsetDateTime> started;
    Located<OffsetDateTime> detected;
    Located<OffsetDateTime> mitigated;
    Located<OffsetDateTime> resolved;
    List<String> services;
    List<String> tags;
    String owner;
    List<String> participants;

    String summary;
    /** The summary's labelled 影响 / Impact line, used to make a title for generic headings. */
    String impactLine;
    String scope;
    Long users;
    String dataLoss;
    Double availability;
    Double sloBefore;
    Double sloAfter;
    Double errorBudgetConsumed;

    String rootCause;
    String trigger;
    String directCause;
    List<WhyStep> whys;
    List<String> contributingFactors;

    List<TimelineEntry> timeline;
    /** Null until a source gives action items; front matter's {@code actions:} (even empty) wins. */
    List<ActionDraft> actions;
    List<Lesson> lessons = new ArrayList<>();
    List<Link> links;
    final Map<String, Object> extra = new LinkedHashMap<>();
    /**
     * Required fields that were written but could not be read (e.g. severity: P7). They already have
     * a diagnostic, so they are not reported again as missing.
     */
    final Set<String> unreadable = new HashSet<>();
}
