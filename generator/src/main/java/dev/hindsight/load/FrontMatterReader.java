package dev.hindsight.load;

import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Link;
import dev.hindsight.model.Priority;
import dev.hindsight.model.ReportStatus;
import dev.hindsight.model.Severity;
import dev.hindsight.model.Term;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the YAML front matter's keys (see docs/report-format.md) into a {@link ReportDraft}. */
final class FrontMatterReader {
    static final List<String> KEYS = List.of("id", "title", "severity", "status", "started", "detected",
            "mitigated", "resolved", "services", "tags", "owner", "participants", "summary", "impact", "root_cause",
            "trigger", "contributing_factors", "actions", "links");
    static final List<String> IMPACT_KEYS = List.of("scope", "users", "data_loss", "availability", "slo_before",
            "slo_after", "error_budget_consumed");
    static final List<String> ACTION_KEYS = List.of("id", "description", "priority", "owner", "due", "status",
            "completed", "term", "link");
    static final List<String> LINK_KEYS = List.of("title", "url");

    private final SafeYaml yaml;
    private final ZoneId zone;

    FrontMatterReader(SafeYaml yaml, ZoneId zone) {
        this.yaml = yaml;
        this.zone = zone;
    }

    /** False when the front matter is unusable (invalid YAML, not a mapping): the report is then rejected. */
    boolean read(String text, int firstLine, ReportDraft draft, Diagnostics diagnostics) {
        Optional<Node> root = yaml.parse(text, firstLine, diagnostics);
        if (root.isEmpty()) {
            if (!diagnostics.hasErrors()) {
                diagnostics.report(DiagnosticCode.FRONT_MATTER_NOT_MAPPING, firstLine, 1, "the front matter is empty",
                        "add at least id, title, severity and started, or remove the '---' lines");
            }
            return false;
        }
        YamlFields fields = new YamlFields(firstLine, diagnostics);
        if (!(root.get() instanceof MappingNode mapping)) {
            fields.report(DiagnosticCode.FRONT_MATTER_NOT_MAPPING, root.get(),
                    "the front matter must be a mapping of keys to values, not a " + describe(root.get()),
                    "write one 'key: value' per line, e.g. 'id: INC-2025-10-05-001'");
            return false;
        }
        Map<String, NodeTuple> entries = fields.entries(mapping, KEYS, "in the front matter");
        entries.forEach((key, tuple) -> readKey(key, tuple, fields, draft));
        // A required key that was written but could not be read already has its diagnostic.
        markUnreadable(entries, "id", draft.id, draft);
        markUnreadable(entries, "title", draft.title, draft);
        markUnreadable(entries, "severity", draft.severity, draft);
        markUnreadable(entries, "started", draft.started, draft);
        return true;
    }

    private static void markUnreadable(Map<String, NodeTuple> entries, String key, Object value, ReportDraft draft) {
        // Blank ("" or "  ") counts as missing, so it gets the missing-field error rather than nothing.
        if (value == null && entries.containsKey(key) && !YamlFields.isBlank(entries.get(key).getValueNode())) {
            draft.unreadable.add(key);
        }
    }

    private void readKey(String key, NodeTuple tuple, YamlFields fields, ReportDraft draft) {
        Node value = tuple.getValueNode();
        switch (key) {
            case "id" -> fields.text(value, key).ifPresent(v -> draft.id = located(v, value, fields));
            case "title" -> fields.text(value, key).ifPresent(v -> draft.title = located(v, value, fields));
            // No "did you mean" for severities: P7 is as close to P0 as to P4, so a guess would mislead.
            case "severity" -> fields.choice(value, key, Severity::parse, () -> "",
                            "use P0 (worst), P1, P2, P3 or P4 (SEV0..SEV4 also work)")
                    .ifPresent(v -> draft.severity = located(v, value, fields));
            case "status" -> fields.choice(value, "report status", ReportStatus::parse,
                    YamlFields.labels(ReportStatus.values())).ifPresent(v -> draft.status = located(v, value, fields));
            case "started" -> fields.dateTime(value, key, zone).ifPresent(v -> draft.started = v);
            case "detected" -> fields.dateTime(value, key, zone).ifPresent(v -> draft.detected = v);
            case "mitigated" -> fields.dateTime(value, key, zone).ifPresent(v -> draft.mitigated = v);
            case "resolved" -> fields.dateTime(value, key, zone).ifPresent(v -> draft.resolved = v);
            case "services" -> fields.textList(value, key).ifPresent(v -> draft.services = v);
            case "tags" -> fields.textList(value, key).ifPresent(v -> draft.tags = v);
            case "owner" -> fields.text(value, key).ifPresent(v -> draft.owner = People.name(v));
            case "participants" -> fields.textList(value, key)
                    .ifPresent(v -> draft.participants = v.stream().map(People::name).toList());
            case "summary" -> fields.text(value, key).ifPresent(v -> draft.summary = v);
            case "impact" -> readImpact(value, fields, draft);
            case "root_cause" -> fields.text(value, key).ifPresent(v -> draft.rootCause = v);
            case "trigger" -> fields.text(value, key).ifPresent(v -> draft.trigger = v);
            case "contributing_factors" -> fields.textList(value, key).ifPresent(v -> draft.contributingFactors = v);
            case "actions" -> readActions(value, fields, draft);
            case "links" -> readLinks(value, fields, draft);
            default -> fields.plain(value).ifPresent(v -> draft.extra.put(key, v));
        }
    }

    private static <T> Located<T> located(T value, Node node, YamlFields fields) {
        return new Located<>(value, fields.line(node), fields.column(node));
    }

    private void readImpact(Node node, YamlFields fields, ReportDraft draft) {
        if (YamlFields.isNull(node)) {
            return;
        }
        if (!(node instanceof MappingNode mapping)) {
            fields.report(DiagnosticCode.WRONG_TYPE, node, "'impact' must be a mapping (scope, users, ...), not a "
                    + describe(node), "indent the impact's keys under 'impact:'");
            return;
        }
        fields.entries(mapping, IMPACT_KEYS, "in 'impact'").forEach((key, tuple) -> {
            Node value = tuple.getValueNode();
            switch (key) {
                case "scope" -> fields.text(value, key).ifPresent(v -> draft.scope = v);
                case "users" -> fields.number(value, key).ifPresent(v -> draft.users = v.longValue());
                case "data_loss" -> fields.text(value, key).ifPresent(v -> draft.dataLoss = v);
                case "availability" -> fields.number(value, key).map(BigDecimal::doubleValue)
                        .ifPresent(v -> draft.availability = v);
                case "slo_before" -> fields.number(value, key).map(BigDecimal::doubleValue)
                        .ifPresent(v -> draft.sloBefore = v);
                case "slo_after" -> fields.number(value, key).map(BigDecimal::doubleValue)
                        .ifPresent(v -> draft.sloAfter = v);
                case "error_budget_consumed" -> fields.number(value, key).map(BigDecimal::doubleValue)
                        .ifPresent(v -> draft.errorBudgetConsumed = v);
                default -> { } // unknown impact keys carry nothing Hindsight shows
            }
        });
    }

    private void readActions(Node node, YamlFields fields, ReportDraft draft) {
        draft.actions = new ArrayList<>();
        if (YamlFields.isNull(node)) {
            return;
        }
        if (!(node instanceof SequenceNode sequence)) {
            fields.report(DiagnosticCode.WRONG_TYPE, node, "'actions' must be a list of action items, not a "
                    + describe(node), "start each item with '- description: ...'");
            return;
        }
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                fields.report(DiagnosticCode.WRONG_TYPE, item, "each action item must be a mapping "
                        + "(description, owner, due, ...), not a " + describe(item),
                        "write '- description: ...' with the other keys indented below it");
                continue;
            }
            readAction(mapping, fields).ifPresent(draft.actions::add);
        }
    }

    private Optional<ActionDraft> readAction(MappingNode mapping, YamlFields fields) {
        Map<String, NodeTuple> e = fields.entries(mapping, ACTION_KEYS, "in an action item");
        Optional<String> description = value(e, "description").flatMap(n -> fields.text(n, "description"));
        if (description.isEmpty()) {
            fields.report(DiagnosticCode.MISSING_FIELD, mapping, "this action item has no 'description'",
                    "say what will be done, e.g. 'description: Lower the memory alert threshold to 80%'");
            return Optional.empty();
        }
        return Optional.of(new ActionDraft(
                value(e, "id").flatMap(n -> fields.text(n, "id")).orElse(null),
                description.get(),
                value(e, "priority").flatMap(n -> fields.choice(n, "priority", Priority::parse,
                        YamlFields.labels(Priority.values()))).orElse(null),
                value(e, "owner").flatMap(n -> fields.text(n, "owner")).map(People::name).orElse(null),
                value(e, "due").flatMap(n -> fields.date(n, "due")).orElse(null),
                value(e, "status").flatMap(n -> fields.choice(n, "action status", ActionStatus::parse,
                        YamlFields.labels(ActionStatus.values()))).orElse(null),
                value(e, "completed").flatMap(n -> fields.date(n, "completed")).orElse(null),
                value(e, "term").flatMap(n -> fields.choice(n, "term", Term::parse,
                        YamlFields.labels(Term.values()))).orElse(null),
                value(e, "link").flatMap(n -> fields.text(n, "link")).orElse(null),
                fields.line(mapping), fields.column(mapping)));
    }

    private void readLinks(Node node, YamlFields fields, ReportDraft draft) {
        if (YamlFields.isNull(node)) {
            return;
        }
        if (!(node instanceof SequenceNode sequence)) {
            fields.report(DiagnosticCode.WRONG_TYPE, node, "'links' must be a list, not a " + describe(node),
                    "write '- {title: Change log, url: ./changes.md}'");
            return;
        }
        List<Link> links = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (item instanceof MappingNode mapping) {
                Map<String, NodeTuple> e = fields.entries(mapping, LINK_KEYS, "in a link");
                Optional<String> url = value(e, "url").flatMap(n -> fields.text(n, "url"));
                if (url.isEmpty()) {
                    fields.report(DiagnosticCode.MISSING_FIELD, mapping, "this link has no 'url'",
                            "write '- {title: Change log, url: ./changes.md}'");
                    continue;
                }
                links.add(new Link(value(e, "title").flatMap(n -> fields.text(n, "title")).orElse(url.get()),
                        url.get()));
            } else {
                fields.text(item, "links").ifPresent(url -> links.add(new Link(url, url)));
            }
        }
        draft.links = links;
    }

    private static Optional<Node> value(Map<String, NodeTuple> entries, String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    private static String describe(Node node) {
        return node instanceof SequenceNode ? "list" : node instanceof MappingNode ? "mapping" : "single value";
    }
}
