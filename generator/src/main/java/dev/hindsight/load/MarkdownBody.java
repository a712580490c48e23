package dev.hindsight.load;

import dev.hindsight.model.Section;
import dev.hindsight.model.SectionRole;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A report body parsed once with commonmark-java (GFM tables, task lists, autolinks, footnotes), with
 * its headings recognised, so that each section reader can ask for the blocks of "its" section.
 */
final class MarkdownBody {
    /** Parsers are immutable and thread-safe; one serves every report. */
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), TaskListItemsExtension.create(),
                    AutolinkExtension.create(), FootnotesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    /**
     * How deeply block quotes, lists and inline markup may nest. The parser, the section readers and
     * the HTML renderer walk the tree recursively, so a pasted "> > > ..." ten thousand levels deep would
     * overflow the stack; no real report comes near a hundred levels.
     */
    static final int MAX_NESTING = 100;

    /** The body nests deeper than {@link #MAX_NESTING}; {@code line} is where it first does, in the file. */
    static final class TooDeeplyNested extends Exception {
        final int line;

        TooDeeplyNested(int line) {
            super(null, null, false, false);
            this.line = line;
        }
    }

    private final Node document;
    private final List<Node> blocks;
    private final List<Section> outline;
    /** For each outline entry, the index in {@link #blocks} of its heading. */
    private final List<Integer> headingIndexes;
    private final int firstLine;

    private MarkdownBody(Node document, List<Node> blocks, List<Section> outline, List<Integer> headingIndexes,
                         int firstLine) {
        this.document = document;
        this.blocks = blocks;
        this.outline = outline;
        this.headingIndexes = headingIndexes;
        this.firstLine = firstLine;
    }

    /**
     * @param firstLine the file line of the body's first line
     * @throws TooDeeplyNested when the body nests deeper than {@link #MAX_NESTING} levels
     */
    static MarkdownBody parse(String markdown, int firstLine) throws TooDeeplyNested {
        Node document;
        try {
            document = PARSER.parse(markdown);
        } catch (StackOverflowError e) {
            // commonmark-java's inline and block parsers recurse too; only a deeply nested text gets here.
            throw new TooDeeplyNested(firstLine);
        }
        checkNesting(document, firstLine);
        List<Node> blocks = new ArrayList<>();
        for (Node child = document.getFirstChild(); child != null; child = child.getNext()) {
            blocks.add(child);
        }
        // The same generator the HTML renderer uses, so anchors here and on the page agree.
        IdGenerator ids = IdGenerator.builder().build();
        List<Section> outline = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Heading heading) {
                String title = PlainText.of(heading);
                outline.add(new Section(heading.getLevel(), title, ids.generateId(PlainText.anchorText(heading)),
                        SectionHeadings.role(title), lineOf(heading, firstLine)));
                indexes.add(i);
            }
        }
        return new MarkdownBody(document, blocks, outline, indexes, firstLine);
    }

    /** Walks the tree without recursion, so that the check itself cannot overflow. */
    private static void checkNesting(Node document, int firstLine) throws TooDeeplyNested {
        ArrayDeque<Node> nodes = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        nodes.push(document);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            if (depth > MAX_NESTING) {
                throw new TooDeeplyNested(lineOf(node, firstLine));
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
    }

    /** The whole tree, for the {@link BodyListener} once the readers are done with it. */
    Node document() {
        return document;
    }

    List<Section> outline() {
        return outline;
    }

    /** The file line a block starts on. */
    int line(Node node) {
        return lineOf(node, firstLine);
    }

    private static int lineOf(Node node, int firstLine) {
        List<SourceSpan> spans = node.getSourceSpans();
        for (Node n = node; spans.isEmpty() && n.getParent() != null; n = n.getParent()) {
            spans = n.getParent().getSourceSpans();
        }
        return spans.isEmpty() ? firstLine : firstLine + spans.get(0).getLineIndex();
    }

    /** The first level-1 heading, the title of a report without front matter. */
    Optional<Section> firstTitleHeading() {
        return outline.stream().filter(s -> s.level() == 1).findFirst();
    }

    /**
     * The blocks under the first heading with this role, up to the next heading of the same or a higher
     * level (so a section includes its subsections). Empty when the report has no such section.
     */
    List<Node> section(SectionRole role) {
        for (int k = 0; k < outline.size(); k++) {
            if (outline.get(k).role() == role) {
                return blocksUnder(k);
            }
        }
        return List.of();
    }

    /** The blocks of every section with this role, in order (the seed has both 相关数据 and 参考资料). */
    List<Node> allSections(SectionRole role) {
        List<Node> all = new ArrayList<>();
        for (int k = 0; k < outline.size(); k++) {
            if (outline.get(k).role() == role) {
                all.addAll(blocksUnder(k));
            }
        }
        return all;
    }

    private List<Node> blocksUnder(int k) {
        int level = outline.get(k).level();
        int start = headingIndexes.get(k) + 1;
        int end = blocks.size();
        for (int j = k + 1; j < outline.size(); j++) {
            if (outline.get(j).level() <= level) {
                end = headingIndexes.get(j);
                break;
            }
        }
        return blocks.subList(start, end);
    }

    /** The role of a heading block inside a section, for readers that track subsections. */
    static SectionRole roleOf(Heading heading) {
        return SectionHeadings.role(PlainText.of(heading));
    }
}
