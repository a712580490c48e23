package dev.hindsight.load;

import dev.hindsight.model.SectionRole;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

import java.util.List;
import java.util.Set;

/**
 * The summary section: its first real paragraph is the summary; its labelled lines
 * (**影响**, **根本原因**, **触发**) give the impact line and, when front matter is silent, the root cause
 * and trigger.
 */
final class SummaryReader {
    private static final Set<String> IMPACT = LabelledText.labels("影响", "Impact");
    private static final Set<String> ROOT_CAUSE = LabelledText.labels("根本原因", "根因", "Root cause");
    private static final Set<String> TRIGGER = LabelledText.labels("触发", "触发因素", "Trigger");
    /** The seed template's instruction sentence, which teams often leave in place. */
    private static final List<String> PLACEHOLDERS = List.of("简明扼要地描述", "Briefly describe");

    private SummaryReader() {
    }

    static void read(MarkdownBody body, ReportDraft draft) {
        List<Node> blocks = body.section(SectionRole.SUMMARY);
        String firstParagraph = null;
        for (Node block : blocks) {
            if (!(block instanceof Paragraph paragraph)) {
                continue;
            }
            var labelled = LabelledText.of(paragraph);
            if (labelled.isPresent()) {
                String label = labelled.get().label();
                String value = labelled.get().value();
                if (value.isEmpty()) {
                    continue;
                }
                if (IMPACT.contains(label) && draft.impactLine == null) {
                    draft.impactLine = value;
                } else if (ROOT_CAUSE.contains(label) && draft.rootCause == null) {
                    draft.rootCause = value;
                } else if (TRIGGER.contains(label) && draft.trigger == null) {
                    draft.trigger = value;
                }
            } else if (firstParagraph == null) {
                String text = PlainText.of(paragraph);
                if (PLACEHOLDERS.stream().noneMatch(text::startsWith)) {
                    firstParagraph = text;
                }
            }
        }
        if (draft.summary == null) {
            draft.summary = firstParagraph != null ? firstParagraph : draft.impactLine;
        }
    }
}
