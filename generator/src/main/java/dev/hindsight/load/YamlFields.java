package dev.hindsight.load;

import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Diagnostics;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads typed values out of front-matter nodes and reports, at the value's file line, every value of
 * the wrong type or form. Every reader returns empty (after a diagnostic) rather than throwing.
 */
final class YamlFields {
    /** Guards conversion of unknown keys' values: aliases may share nodes, so trees can be huge. */
    private static final int MAX_EXTRA_NODES = 10_000;

    private final int firstLine;
    private final Diagnostics diagnostics;

    /** @param firstLine the file line of the YAML text's first line */
    YamlFields(int firstLine, Diagnostics diagnostics) {
        this.firstLine = firstLine;
        this.diagnostics = diagnostics;
    }

    int line(Node node) {
        return firstLine + node.getStartMark().getLine();
    }

    int column(Node node) {
        return node.getStartMark().getColumn() + 1;
    }

    void report(DiagnosticCode code, Node node, String message, String hint) {
        diagnostics.report(code, line(node), column(node), message, hint);
    }

    /**
     * The entries of a mapping by key, in file order, with {@code <<} merge keys applied (explicit keys
     * win over merged ones), duplicates reported, and keys that look like typos of {@code known} keys
     * reported as warnings.
     */
    Map<String, NodeTuple> entries(MappingNode mapping, Collection<String> known, String where) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        List<NodeTuple> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            if (key.getTag().equals(Tag.MERGE)) {
                merged.addAll(mergedTuples(tuple.getValueNode()));
                continue;
            }
            String name = key instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (name == null) {
                report(DiagnosticCode.WRONG_TYPE, key, "a key " + where + " must be a plain word",
                        "write keys as words, e.g. 'severity:'");
                continue;
            }
            if (entries.containsKey(name)) {
                report(DiagnosticCode.DUPLICATE_KEY, key, "the key '" + name + "' appears twice " + where
                        + " (first on line " + line(entries.get(name).getKeyNode()) + ")", "keep one of them");
                continue;
            }
            entries.put(name, tuple);
            if (!known.contains(name)) {
                DidYouMean.closest(name, known).ifPresent(k -> report(DiagnosticCode.LIKELY_TYPO_KEY, key,
                        "unknown key '" + name + "' " + where + ": did you mean '" + k + "'?",
                        "rename it to '" + k + "'; unknown keys are kept as extra data only"));
            }
        }
        for (NodeTuple tuple : merged) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar) {
                entries.putIfAbsent(scalar.getValue(), tuple);
            }
        }
        return entries;
    }

    private List<NodeTuple> mergedTuples(Node value) {
        if (value instanceof MappingNode mapping) {
            return mapping.getValue();
        }
        List<NodeTuple> tuples = new ArrayList<>();
        if (value instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (item instanceof MappingNode mapping) {
                    tuples.addAll(mapping.getValue());
                }
            }
        }
        return tuples;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** Null, or a scalar with nothing but white space in it. */
    static boolean isBlank(Node node) {
        return isNull(node) || node instanceof ScalarNode scalar && scalar.getValue().isBlank();
    }

    /** Any scalar as text (numbers and dates too: {@code id: 2025} is the id "2025"). */
    Optional<String> text(Node node, String key) {
        if (isNull(node)) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue().strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
        report(DiagnosticCode.WRONG_TYPE, node, "'" + key + "' must be a single value, not a "
                + kind(node), "write it on one line, e.g. '" + key + ": some text'");
        return Optional.empty();
    }

    /** A list of texts; a single scalar is a list of one. */
    Optional<List<String>> textList(Node node, String key) {
        if (isNull(node)) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode) {
            return text(node, key).map(List::of);
        }
        if (node instanceof SequenceNode sequence) {
            List<String> values = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (!(item instanceof ScalarNode)) {
                    report(DiagnosticCode.WRONG_TYPE, item, "each item of '" + key + "' must be a single value, not a "
                            + kind(item), "write the list as '" + key + ": [a, b]'");
                    return Optional.empty();
                }
                text(item, key).ifPresent(values::add);
            }
            return Optional.of(values);
        }
        report(DiagnosticCode.WRONG_TYPE, node, "'" + key + "' must be a list, not a mapping",
                "write it as '" + key + ": [a, b]'");
        return Optional.empty();
    }

    Optional<BigDecimal> number(Node node, String key) {
        Optional<String> text = text(node, key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String cleaned = text.get().replace(",", "").replace("_", "").replace("%", "").strip();
        try {
            return Optional.of(new BigDecimal(cleaned));
        } catch (NumberFormatException e) {
            report(DiagnosticCode.WRONG_TYPE, node, "'" + key + "' must be a number, not '" + text.get() + "'",
                    "write a plain number, e.g. '" + key + ": 10000'");
            return Optional.empty();
        }
    }

    Optional<LocalDate> date(Node node, String key) {
        Optional<String> text = text(node, key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DateTimes.parseDate(text.get()));
        } catch (DateTimes.InvalidDateException e) {
            report(DiagnosticCode.INVALID_DATE, node, "'" + key + "': " + e.getMessage(),
                    "write the date as YYYY-MM-DD, e.g. 2025-10-12");
            return Optional.empty();
        }
    }

    Optional<Located<OffsetDateTime>> dateTime(Node node, String key, ZoneId zone) {
        Optional<String> text = text(node, key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Located<>(DateTimes.parseDateTime(text.get(), zone), line(node), column(node)));
        } catch (DateTimes.InvalidDateException e) {
            report(DiagnosticCode.INVALID_DATE, node, "'" + key + "': " + e.getMessage(),
                    "write it as YYYY-MM-DDTHH:MM with an optional offset, e.g. 2025-10-05T18:00+08:00");
            return Optional.empty();
        }
    }

    /** An enum value, with a "did you mean" when the author was close to one of {@code allowed}. */
    <E extends Enum<E>> Optional<E> choice(Node node, String key, Function<String, Optional<E>> parse,
                                          List<String> allowed) {
        return choice(node, key, parse, () -> DidYouMean.hint(textOf(node), allowed),
                "use one of: " + String.join(", ", allowed));
    }

    /** An enum value; when unknown, reported with the suggestion (computed only then) and hint. */
    <E extends Enum<E>> Optional<E> choice(Node node, String key, Function<String, Optional<E>> parse,
                                          Supplier<String> suggestion, String hint) {
        Optional<String> text = text(node, key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<E> value = parse.apply(text.get());
        if (value.isEmpty()) {
            report(DiagnosticCode.UNKNOWN_VALUE, node, "unknown " + key + " '" + text.get() + "'" + suggestion.get(), hint);
        }
        return value;
    }

    private static String textOf(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue().strip() : "";
    }

    /** The labels of an enum's values, for messages: {@code not-started, in-progress, ...}. */
    static List<String> labels(Enum<?>[] values) {
        List<String> labels = new ArrayList<>();
        for (Enum<?> value : values) {
            labels.add(value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return labels;
    }

    /** An unknown key's value as plain immutable Java data for custom templates. */
    Optional<Object> plain(Node node) {
        int[] budget = {MAX_EXTRA_NODES};
        Object value = plain(node, budget, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (budget[0] < 0) {
            report(DiagnosticCode.YAML_LIMIT_EXCEEDED, node, "this value contains itself through an alias, or expands "
                    + "to more than " + MAX_EXTRA_NODES + " nodes", "simplify it; aliases that repeat large structures "
                    + "or refer to themselves are not supported");
            return Optional.empty();
        }
        return Optional.ofNullable(value);
    }

    private Object plain(Node node, int[] budget, Set<Node> onPath) {
        if (--budget[0] < 0) {
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            return scalarValue(scalar);
        }
        if (!onPath.add(node)) {
            budget[0] = -1; // a recursive alias: no finite value
            return null;
        }
        try {
            if (node instanceof SequenceNode sequence) {
                List<Object> list = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    Object value = plain(item, budget, onPath);
                    if (value != null) {
                        list.add(value);
                    }
                }
                return List.copyOf(list);
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                Object value = plain(tuple.getValueNode(), budget, onPath);
                if (tuple.getKeyNode() instanceof ScalarNode key && value != null) {
                    map.put(key.getValue(), value);
                }
            }
            return Collections.unmodifiableMap(map);
        } finally {
            onPath.remove(node);
        }
    }

    private static Object scalarValue(ScalarNode scalar) {
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (tag.equals(Tag.NULL)) {
                return null;
            } else if (tag.equals(Tag.BOOL)) {
                return switch (value.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "y" -> Boolean.TRUE;
                    default -> Boolean.FALSE;
                };
            } else if (tag.equals(Tag.INT)) {
                return Long.parseLong(value.replace("_", ""));
            } else if (tag.equals(Tag.FLOAT)) {
                return Double.parseDouble(value.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return value; // YAML 1.1 forms such as 0x1F or 1:30 stay as written
        }
        return value;
    }

    private static String kind(Node node) {
        return node instanceof MappingNode ? "mapping" : node instanceof SequenceNode ? "list" : "value";
    }
}
