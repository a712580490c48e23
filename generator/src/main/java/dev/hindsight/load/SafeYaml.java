package dev.hindsight.load;

import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Diagnostics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Parses front matter into a snakeyaml node tree and nothing more: no object is ever constructed
 * from a tag, only the YAML core-schema tags are accepted, and aliases, nesting and size are bounded
 * so that a hostile file (billion laughs, deep nesting) is rejected quickly with bounded memory.
 */
final class SafeYaml {
    /** A real front matter uses a handful of aliases at most; billion-laughs needs dozens. */
    static final int MAX_ALIASES = 20;
    static final int MAX_NESTING = 50;

    private static final Set<Tag> CORE_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.TIMESTAMP, Tag.MAP, Tag.SEQ, Tag.MERGE);

    /**
     * The core schema's implicit tags. A resolver is only read once made (its patterns and table), so one serves
     * every thread; making one per report rebuilt that table 10,000 times.
     */
    private static final Resolver RESOLVER = new Resolver();

    private final LoaderOptions options;

    SafeYaml(int maxCodePoints) {
        options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(maxCodePoints);
        options.setAllowDuplicateKeys(false);
        options.setProcessComments(false);
        // The default inspector already refuses global tags; say so explicitly, it is the point.
        options.setTagInspector(tag -> false);
    }

    /**
     * The front matter's root node, or empty with a diagnostic.
     *
     * @param firstLine the file line of the YAML's first line, to report file lines, not block lines
     */
    Optional<Node> parse(String yaml, int firstLine, Diagnostics diagnostics) {
        Node root;
        try {
            // Composing builds nodes only; there is no constructor that could instantiate anything.
            // A fresh composer per call: snakeyaml's parsing objects are not thread-safe.
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(yaml)), options),
                    RESOLVER, options);
            root = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? firstLine : firstLine + mark.getLine();
            int column = mark == null ? 1 : mark.getColumn() + 1;
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            if (problem.contains("Global tag is not allowed")) {
                diagnostics.report(DiagnosticCode.YAML_TAG_NOT_ALLOWED, line, column,
                        "YAML tags that name types are not allowed: " + problem, "remove the tag");
            } else {
                diagnostics.report(DiagnosticCode.INVALID_YAML, line, column, "invalid YAML: " + problem
                                + (e.getContext() == null ? "" : " (" + e.getContext() + ")"),
                        "quote values that contain ': ' or start with a special character, and check the indentation");
            }
            return Optional.empty();
        } catch (ReaderException e) {
            // Not a limit: a control character (often pasted terminal output). The exception's position
            // is relative to snakeyaml's read buffer, so find the character in the text instead.
            reportUnprintable(yaml, firstLine, e.getCodePoint(), diagnostics);
            return Optional.empty();
        } catch (YAMLException e) {
            diagnostics.report(DiagnosticCode.YAML_LIMIT_EXCEEDED, firstLine, 1,
                    "the front matter exceeds a safety limit: " + e.getMessage(),
                    "front matter needs at most " + MAX_ALIASES + " aliases and " + MAX_NESTING
                            + " levels of nesting; simplify it");
            return Optional.empty();
        }
        if (root == null) {
            return Optional.empty();
        }
        return checkTags(root, firstLine, diagnostics) ? Optional.of(root) : Optional.empty();
    }

    private static void reportUnprintable(String yaml, int firstLine, int codePoint, Diagnostics diagnostics) {
        int line = firstLine;
        int lineStart = 0;
        int at = 0;
        while (at < yaml.length() && StreamReader.isPrintable(yaml.codePointAt(at))) {
            if (yaml.charAt(at) == '\n') {
                line++;
                lineStart = at + 1;
            }
            at += Character.charCount(yaml.codePointAt(at));
        }
        diagnostics.report(DiagnosticCode.INVALID_YAML, line, yaml.codePointCount(lineStart, at) + 1,
                "invalid YAML: the control character U+" + String.format("%04X", codePoint)
                        + " is not allowed in front matter",
                "remove it (it often comes with text pasted from a terminal), or move that text into the body");
    }

    /** True when every node carries a core-schema tag; reports the first one that does not. */
    private static boolean checkTags(Node root, int firstLine, Diagnostics diagnostics) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (!seen.add(node)) {
                continue; // aliases share nodes; each is checked once
            }
            if (!CORE_TAGS.contains(node.getTag())) {
                diagnostics.report(DiagnosticCode.YAML_TAG_NOT_ALLOWED, firstLine + node.getStartMark().getLine(),
                        node.getStartMark().getColumn() + 1,
                        "the YAML tag '" + node.getTag().getValue() + "' is not allowed in front matter",
                        "remove the tag: front matter holds plain strings, numbers, dates, lists and mappings");
                return false;
            }
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    pending.push(tuple.getValueNode());
                    pending.push(tuple.getKeyNode());
                }
            } else if (node instanceof SequenceNode sequence) {
                sequence.getValue().forEach(pending::push);
            }
        }
        return true;
    }
}
