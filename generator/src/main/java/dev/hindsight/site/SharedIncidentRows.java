package dev.hindsight.site;

import dev.hindsight.model.Incident;
import dev.hindsight.site.page.IncidentRow;
import dev.hindsight.site.page.RowWriter;
import gg.jte.TemplateOutput;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Incident rows made and rendered once, then copied into every page that lists them. An incident is on about seven
 * taxonomy pages (its services, tags, year, severity, owner...), all at the same depth, so its row there is the same
 * model and the same bytes on each: making and rendering them again for each page was about a tenth of the render
 * phase's CPU samples (10,000 reports). Keeps rows while they take less than {@code budget} bytes (their HTML, about
 * 1 kB a row, and their models, estimated); the rows past it are made and rendered for each page, as before.
 * Lives for one build. Thread-safe: two pages may make the same row at once, and both get equal rows and bytes.
 */
final class SharedIncidentRows implements RowWriter<IncidentRow> {
    /** The theme's row template, which every incident table renders its rows with. */
    static final String ROW_TEMPLATE = "components/incidentRow.jte";

    private final Templates templates;
    private final long budget;
    private final AtomicLong kept = new AtomicLong();
    /** By the row's link to its incident, which tells both the incident and the depth of the pages it is for. */
    private final Map<String, IncidentRow> rows = new ConcurrentHashMap<>();
    private final Map<String, byte[]> html = new ConcurrentHashMap<>();

    SharedIncidentRows(Templates templates, long budget) {
        this.templates = templates;
        this.budget = budget;
    }

    /** Rows as each page renders its own, kept nowhere: for tables whose rows no other page shares. */
    static RowWriter<IncidentRow> unshared(Templates templates) {
        return (row, output) -> templates.renderInto(ROW_TEMPLATE, params(row), output);
    }

    private static Map<String, Object> params(IncidentRow row) {
        return Map.of("row", row);
    }

    /** The row of {@code incident} on pages whose links start with {@code root}, made by {@code make} if not kept. */
    IncidentRow row(Incident incident, String root, Function<Incident, IncidentRow> make) {
        String href = root + SitePaths.incident(incident.id());
        IncidentRow row = rows.get(href);
        if (row == null) {
            row = make.apply(incident);
            if (kept.get() < budget && rows.putIfAbsent(href, row) == null) {
                kept.addAndGet(modelBytes(row));
            }
        }
        return row;
    }

    /**
     * About what a row's model takes in the heap: its objects and short strings, and its two long texts (the search
     * text holds the summary) at up to two bytes a character. Counted so that a theme whose table writes its rows
     * from their fields, which keeps models but no HTML, is bounded too.
     */
    private static long modelBytes(IncidentRow row) {
        return 512 + 2L * (row.title().length() + row.searchText().length());
    }

    /** How much of the budget the kept rows take. */
    long keptBytes() {
        return kept.get();
    }

    @Override
    public void write(IncidentRow row, TemplateOutput output) {
        byte[] bytes = html.get(row.href());
        if (bytes == null) {
            if (kept.get() >= budget) {
                templates.renderInto(ROW_TEMPLATE, params(row), output);
                return;
            }
            bytes = templates.renderBytes(ROW_TEMPLATE, params(row));
            if (kept.addAndGet(bytes.length) <= budget) {
                html.putIfAbsent(row.href(), bytes);
            }
        }
        output.writeBinaryContent(bytes);
    }
}
