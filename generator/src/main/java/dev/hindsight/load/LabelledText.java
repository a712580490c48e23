package dev.hindsight.load;

import org.commonmark.node.BulletList;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The seed's "label: value" lines: {@code - **故障ID**: INC-…}, {@code **影响**：…},
 * {@code **Owner:** @maria}, as bullet items or as paragraphs of their own.
 *
 * @param label the label, normalised like headings (so "Incident ID" and "incident-id" match)
 * @param value the text after the colon, plain
 * @param node  the paragraph, for its line and for readers that want the inline nodes
 */
record LabelledText(String label, String value, Paragraph node) {

    /** A set of labels as written by authors, normalised the way {@link #label} is, for matching. */
    static Set<String> labels(String... names) {
        return Arrays.stream(names).map(SectionHeadings::normalise).collect(Collectors.toUnmodifiableSet());
    }

    /** Every labelled line among the blocks, in order, including those in (nested) lists. */
    static List<LabelledText> in(List<Node> blocks) {
        List<LabelledText> found = new ArrayList<>();
        for (Node block : blocks) {
            collect(block, found);
        }
        return found;
    }

    private static void collect(Node block, List<LabelledText> found) {
        if (block instanceof Paragraph paragraph) {
            of(paragraph).ifPresent(found::add);
        } else if (block instanceof BulletList || block instanceof OrderedList || block instanceof ListItem) {
            for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
                collect(child, found);
            }
        }
    }

    /** A paragraph that starts with bold text followed by, or ending in, a colon. */
    static Optional<LabelledText> of(Paragraph paragraph) {
        if (!(paragraph.getFirstChild() instanceof StrongEmphasis strong)) {
            return Optional.empty();
        }
        String label = PlainText.of(strong);
        String value = PlainText.after(strong);
        boolean colonInside = label.endsWith(":") || label.endsWith("：");
        boolean colonAfter = value.startsWith(":") || value.startsWith("：");
        if (!colonInside && !colonAfter) {
            return Optional.empty();
        }
        if (colonAfter) {
            value = value.substring(1).strip();
        }
        return Optional.of(new LabelledText(SectionHeadings.normalise(label), value, paragraph));
    }
}
