package dev.hindsight.site;

import dev.hindsight.kb.Breakdown;
import dev.hindsight.kb.BudgetUse;
import dev.hindsight.kb.BurnDownPoint;
import dev.hindsight.kb.DurationSummary;
import dev.hindsight.kb.IncidentMetrics;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.MonthCount;
import dev.hindsight.kb.QuarterTimes;
import dev.hindsight.kb.RankedCount;
import dev.hindsight.kb.TaxonomyKind;
import dev.hindsight.kb.TaxonomyTerm;
import dev.hindsight.kb.TimeMeasure;
import dev.hindsight.model.Severity;
import dev.hindsight.site.page.ChartView;
import dev.hindsight.site.page.DataTable;
import dev.hindsight.site.page.DataTable.Cell;
import dev.hindsight.site.page.DataTable.Column;
import dev.hindsight.site.page.Layout;
import dev.hindsight.site.page.MetricsPage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleFunction;

/**
 * The metrics pages' models: one for every incident, one per year, one per service. The figures come from
 * {@link IncidentMetrics}; here they are worded, formatted in the site's language and drawn.
 */
final class MetricsPageModels {
    /** How many services, tags and contributing factors the top lists show. */
    static final int TOP = 10;
    /** How many incidents the error-budget chart shows: the latest, so that it stays readable. */
    static final int BUDGET_BARS = 20;
    /** Response times of at least this many minutes are charted in hours. */
    private static final double HOURS_FROM_MINUTES = 180;

    private final KnowledgeBase kb;
    private final Messages m;
    private final Formats formats;
    private final PageModels pages;

    MetricsPageModels(KnowledgeBase kb, Messages messages, PageModels pages) {
        this.kb = kb;
        this.m = messages;
        this.formats = new Formats(messages);
        this.pages = pages;
    }

    /** The years that have a metrics page, newest first. */
    List<Integer> years() {
        return kb.taxonomy(TaxonomyKind.YEARS).terms().stream().map(t -> Integer.parseInt(t.name())).toList();
    }

    /** The services that have a metrics page, by name. */
    List<TaxonomyTerm> services() {
        return kb.taxonomy(TaxonomyKind.SERVICES).terms();
    }

    MetricsPage all() {
        return page(SitePaths.METRICS, m.get("metrics.title"), m.get("metrics.lead.all"), IncidentMetrics.all(kb));
    }

    MetricsPage year(int year) {
        return page(SitePaths.metricsOfYear(year), m.format("metrics.title.year", String.valueOf(year)),
                m.format("metrics.lead.year", String.valueOf(year)), IncidentMetrics.year(kb, year));
    }

    MetricsPage service(TaxonomyTerm service) {
        return page(SitePaths.metricsOfService(service.slug()), m.format("metrics.title.service", service.name()),
                m.format("metrics.lead.service", service.name()), IncidentMetrics.term(kb, service));
    }

    private MetricsPage page(String path, String heading, String lead, IncidentMetrics metrics) {
        String root = SitePaths.rootFrom(path);
        Layout.NavLink all = new Layout.NavLink(m.get("metrics.scope.all"), root + SitePaths.METRICS,
                path.equals(SitePaths.METRICS));
        List<Layout.NavLink> years = years().stream().map(y -> new Layout.NavLink(String.valueOf(y),
                root + SitePaths.metricsOfYear(y), path.equals(SitePaths.metricsOfYear(y)))).toList();
        List<Layout.NavLink> services = services().stream().map(s -> new Layout.NavLink(s.name(),
                root + SitePaths.metricsOfService(s.slug()), path.equals(SitePaths.metricsOfService(s.slug())))).toList();
        List<ChartView> charts = new ArrayList<>();
        if (!metrics.isEmpty()) {
            charts.add(perMonth(metrics));
            for (TimeMeasure measure : TimeMeasure.values()) {
                charts.add(responseTimes(metrics, measure));
            }
            charts.add(top("services", metrics.topServices(TOP), TaxonomyKind.SERVICES, root));
            charts.add(top("tags", metrics.topTags(TOP), TaxonomyKind.TAGS, root));
            charts.add(top("factors", metrics.topContributingFactors(TOP), null, root));
            charts.add(errorBudget(metrics, root));
            charts.add(completion(metrics));
            charts.add(burnDown(metrics));
        }
        return new MetricsPage(pages.layout(root, heading, "page-metrics", "metrics"), heading,
                m.format("metrics.lead.count", lead, metrics.incidents().size()), all, years, services, charts,
                metrics.isEmpty() ? m.get("metrics.empty") : null);
    }

    /* ----------------------------------------------------------------------- incidents per month */

    private ChartView perMonth(IncidentMetrics metrics) {
        List<MonthCount> months = metrics.incidentsPerMonth();
        List<Severity> severities = List.of(Severity.values());
        List<String> categories = months.stream().map(c -> c.month().toString()).toList();
        int[][] counts = new int[months.size()][severities.size()];
        MonthCount busiest = months.get(0);
        int total = 0;
        for (int i = 0; i < months.size(); i++) {
            MonthCount month = months.get(i);
            for (Severity severity : severities) {
                counts[i][severity.level()] = month.bySeverity().get(severity);
            }
            total += month.total();
            if (month.total() > busiest.total()) {
                busiest = month;
            }
        }
        String summary = m.format("metrics.perMonth.summary", total, categories.get(0),
                categories.get(categories.size() - 1), busiest.month().toString(), busiest.total());
        ChartLabels labels = new ChartLabels(m.get("metrics.perMonth.title"), summary, m.get("metrics.axis.month"),
                m.get("metrics.axis.incidents"));
        List<ChartSeries> series = severities.stream().map(ChartSeries::of).toList();
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(m.get("metrics.axis.month"), false));
        severities.forEach(s -> columns.add(new Column(s.name(), true)));
        columns.add(new Column(m.get("metrics.col.total"), true));
        List<List<Cell>> rows = new ArrayList<>();
        for (MonthCount month : months) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.of(month.month().toString()));
            severities.forEach(s -> row.add(Cell.of(integer(month.bySeverity().get(s)))));
            row.add(Cell.of(integer(month.total())));
            rows.add(row);
        }
        return new ChartView("per-month", m.get("metrics.perMonth.title"),
                StackedBarChart.svg("hs-chart-per-month", categories, series, counts, labels), summary, null,
                legend(series), new DataTable(m.get("metrics.perMonth.title"), columns, rows));
    }

    /* ----------------------------------------------------------------------------- response times */

    private ChartView responseTimes(IncidentMetrics metrics, TimeMeasure measure) {
        String key = measure.name().toLowerCase(Locale.ROOT);
        String title = m.get("metrics." + key + ".title");
        List<QuarterTimes> rows = metrics.responseTimes(measure);
        int missing = metrics.withoutTime(measure);
        String note = missing == 0 ? null : m.format("metrics." + key + ".note", missing);
        List<Column> columns = List.of(new Column(m.get("metrics.col.quarter"), false),
                new Column(m.get("metrics.col.severity"), false), new Column(m.get("metrics.col.incidents"), true),
                new Column(m.get("metrics.col.median"), true), new Column(m.get("metrics.col.p90"), true));
        List<List<Cell>> table = rows.stream().map(r -> List.of(Cell.of(r.quarter()),
                Cell.of(r.severity() == null ? m.get("metrics.severity.all") : r.severity().name()),
                Cell.of(integer(r.summary().count())), Cell.of(formats.duration(r.summary().median())),
                Cell.of(formats.duration(r.summary().p90())))).toList();
        DataTable data = new DataTable(title, columns, table);
        if (rows.isEmpty()) {
            String summary = m.get("metrics.time.none");
            return new ChartView(key, title, null, summary, note, List.of(), data);
        }
        List<QuarterTimes> overall = rows.stream().filter(r -> r.severity() == null).toList();
        String summary = timeSummary(m.get("metrics." + key + ".short"), overall);

        List<String> quarters = overall.stream().map(QuarterTimes::quarter).toList();
        Set<Severity> present = EnumSet.noneOf(Severity.class);
        rows.stream().filter(r -> r.severity() != null).forEach(r -> present.add(r.severity()));
        List<Severity> severities = new ArrayList<>(present);
        double maxMinutes = rows.stream().mapToDouble(r -> minutes(r.summary().median())).max().orElse(0);
        boolean hours = maxMinutes >= HOURS_FROM_MINUTES;
        double unit = hours ? 60 : 1;
        // One line per severity, and the median over all severities last, drawn on top.
        Double[][] values = new Double[severities.size() + 1][quarters.size()];
        for (QuarterTimes r : rows) {
            int line = r.severity() == null ? severities.size() : severities.indexOf(r.severity());
            values[line][quarters.indexOf(r.quarter())] = minutes(r.summary().median()) / unit;
        }
        List<ChartSeries> series = new ArrayList<>(severities.stream().map(ChartSeries::of).toList());
        series.add(ChartSeries.single(m.get("metrics.severity.all")));
        ChartLabels labels = new ChartLabels(title, summary, m.get("metrics.col.quarter"),
                m.get(hours ? "metrics.axis.hours" : "metrics.axis.minutes"));
        DoubleFunction<String> tooltip = v -> formats.duration(Duration.ofSeconds(Math.round(v * unit * 60)));
        String svg = LineChart.svg("hs-chart-" + key, quarters, series, values, false, ChartFrame::number, tooltip,
                labels);
        return new ChartView(key, title, svg, summary, note, legend(series), data);
    }

    /** "TTR median fell from 1 h 34 min to 51 min (2025-Q1 → 2026-Q4)", over all severities. */
    private String timeSummary(String measure, List<QuarterTimes> overall) {
        QuarterTimes first = overall.get(0);
        QuarterTimes last = overall.get(overall.size() - 1);
        Duration from = first.summary().median();
        Duration to = last.summary().median();
        if (overall.size() == 1) {
            return m.format("metrics.time.single", measure, formats.duration(from), first.quarter());
        }
        int direction = Long.compare(to.toMinutes(), from.toMinutes());
        String key = direction < 0 ? "metrics.time.fell" : direction > 0 ? "metrics.time.rose" : "metrics.time.same";
        return m.format(key, measure, formats.duration(from), formats.duration(to), first.quarter(), last.quarter());
    }

    private static double minutes(Duration duration) {
        return duration.toSeconds() / 60.0;
    }

    /* ------------------------------------------------------------------------------------ top lists */

    /** @param linkTo the taxonomy whose pages the names link to, {@code null} for free text */
    private ChartView top(String key, List<RankedCount> counts, TaxonomyKind linkTo, String root) {
        String title = m.get("metrics.top." + key + ".title");
        List<Column> columns = List.of(new Column(m.get("metrics.top." + key + ".name"), false),
                new Column(m.get("metrics.col.incidents"), true));
        List<List<Cell>> rows = counts.stream().map(c -> List.of(nameCell(c.name(), linkTo, root),
                Cell.of(integer(c.count())))).toList();
        DataTable data = new DataTable(title, columns, rows);
        if (counts.isEmpty()) {
            return new ChartView(key, title, null, m.get("metrics.top." + key + ".none"), null, List.of(), data);
        }
        String summary = m.format("metrics.top." + key + ".summary", counts.get(0).name(), counts.get(0).count());
        ChartLabels labels = new ChartLabels(title, summary, m.get("metrics.axis.incidents"), "");
        String svg = BarChart.svg("hs-chart-" + key, counts.stream().map(RankedCount::name).toList(),
                counts.stream().mapToDouble(RankedCount::count).toArray(), v -> integer((long) v), labels);
        return new ChartView(key, title, svg, summary, null, List.of(), data);
    }

    private Cell nameCell(String name, TaxonomyKind kind, String root) {
        if (kind == null) {
            return Cell.of(name);
        }
        return kb.taxonomy(kind).term(name).map(t -> new Cell(name, root + SitePaths.term(kind, t.slug())))
                .orElse(Cell.of(name));
    }

    /* --------------------------------------------------------------------------------- error budget */

    private ChartView errorBudget(IncidentMetrics metrics, String root) {
        String title = m.get("metrics.budget.title");
        List<BudgetUse> uses = metrics.errorBudget();
        int missing = metrics.withoutErrorBudget();
        List<BudgetUse> shown = uses.subList(Math.max(0, uses.size() - BUDGET_BARS), uses.size());
        List<String> notes = new ArrayList<>();
        if (shown.size() < uses.size()) {
            notes.add(m.format("metrics.budget.latest", shown.size(), uses.size()));
        }
        if (missing > 0) {
            notes.add(m.format("metrics.budget.note", missing));
        }
        String note = notes.isEmpty() ? null : String.join(" ", notes);
        List<Column> columns = List.of(new Column(m.get("metrics.col.incident"), false),
                new Column(m.get("metrics.col.started"), false), new Column(m.get("metrics.col.budget"), true));
        List<List<Cell>> rows = shown.stream().map(u -> List.of(
                new Cell(u.incident().id(), root + SitePaths.incident(u.incident().id())),
                Cell.of(formats.date(u.incident().times().started())), Cell.of(percent(u.percent())))).toList();
        DataTable data = new DataTable(title, columns, rows);
        if (uses.isEmpty()) {
            return new ChartView("budget", title, null, m.get("metrics.budget.none"), note, List.of(), data);
        }
        BudgetUse largest = uses.stream().max(java.util.Comparator.comparingDouble(BudgetUse::percent)).orElseThrow();
        double sum = uses.stream().mapToDouble(BudgetUse::percent).sum();
        String summary = m.format("metrics.budget.summary", uses.size(), percent(sum), largest.incident().id(),
                percent(largest.percent()));
        ChartLabels labels = new ChartLabels(title, summary, m.get("metrics.col.budget"), "");
        String svg = BarChart.svg("hs-chart-budget", shown.stream().map(u -> u.incident().id()).toList(),
                shown.stream().mapToDouble(BudgetUse::percent).toArray(), this::percent, labels);
        return new ChartView("budget", title, svg, summary, note, List.of(), data);
    }

    /* -------------------------------------------------------------------------------- action items */

    private ChartView completion(IncidentMetrics metrics) {
        String title = m.get("metrics.completion.title");
        List<Breakdown> quarters = metrics.completionByQuarter();
        List<Column> columns = List.of(new Column(m.get("metrics.col.quarter"), false),
                new Column(m.get("metrics.col.items"), true), new Column(m.get("metrics.col.completed"), true),
                new Column(m.get("metrics.col.rate"), true));
        List<List<Cell>> rows = quarters.stream().map(b -> List.of(Cell.of(b.key()), Cell.of(integer(b.total())),
                Cell.of(integer(b.completed())), Cell.of(b.completionRateText() + "%"))).toList();
        DataTable data = new DataTable(title, columns, rows);
        if (quarters.isEmpty()) {
            return new ChartView("completion", title, null, m.get("metrics.completion.none"), null, List.of(), data);
        }
        Breakdown first = quarters.get(0);
        Breakdown last = quarters.get(quarters.size() - 1);
        String summary = quarters.size() == 1
                ? m.format("metrics.completion.single", first.completionRateText(), first.key())
                : m.format("metrics.completion.summary", first.completionRateText(), first.key(),
                        last.completionRateText(), last.key());
        ChartSeries series = ChartSeries.single(m.get("metrics.col.rate"));
        Double[][] values = {quarters.stream().map(Breakdown::completionRate).toArray(Double[]::new)};
        ChartLabels labels = new ChartLabels(title, summary, m.get("metrics.col.quarter"), m.get("metrics.col.rate"));
        String svg = LineChart.svg("hs-chart-completion", quarters.stream().map(Breakdown::key).toList(),
                List.of(series), values, true, v -> ChartFrame.number(v) + "%", v -> percent(v), labels);
        return new ChartView("completion", title, svg, summary, null, List.of(), data);
    }

    private ChartView burnDown(IncidentMetrics metrics) {
        String title = m.get("actions.burndown.title");
        List<BurnDownPoint> points = metrics.burnDown();
        List<Column> columns = List.of(new Column(m.get("actions.burndown.date"), false),
                new Column(m.get("actions.burndown.y"), true));
        List<List<Cell>> rows = points.stream().map(p -> List.of(Cell.of(formats.date(p.date())),
                Cell.of(integer(p.open())))).toList();
        DataTable data = new DataTable(title, columns, rows);
        if (points.isEmpty()) {
            return new ChartView("burn-down", title, null, m.get("metrics.burndown.none"), null, List.of(), data);
        }
        BurnDownPoint first = points.get(0);
        BurnDownPoint last = points.get(points.size() - 1);
        int max = points.stream().mapToInt(BurnDownPoint::open).max().orElse(0);
        String summary = m.format("actions.burndown.desc", formats.date(first.date()), first.open(),
                formats.date(last.date()), last.open(), max);
        ChartLabels labels = new ChartLabels(title, summary, m.get("actions.burndown.x"), m.get("actions.burndown.y"));
        return new ChartView("burn-down", title, BurnDownChart.svg(points, labels), summary, null, List.of(), data);
    }

    /* ------------------------------------------------------------------------------------- helpers */

    private static List<ChartView.LegendEntry> legend(List<ChartSeries> series) {
        return series.stream().map(s -> new ChartView.LegendEntry(s.name(), s.cssClass())).toList();
    }

    private String integer(long value) {
        return m.format("number", value);
    }

    private String percent(double value) {
        return m.format("percent", value);
    }
}
