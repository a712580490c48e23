package dev.hindsight.load;

import dev.hindsight.model.SectionRole;
import dev.hindsight.model.WhyStep;
import org.commonmark.node.BulletList;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;

import java.util.ArrayList;
import java.util.List;

/** The root-cause analysis: the direct cause paragraph, the 5 Whys chain, the contributing factors. */
final class RootCauseReader {
    private RootCauseReader() {
    }

    static void read(MarkdownBody body, ReportDraft draft) {
        if (draft.directCause == null) {
            String direct = paragraphs(body.section(SectionRole.DIRECT_CAUSE));
            draft.directCause = direct.isEmpty() ? null : direct;
        }
        if (draft.whys == null) {
            draft.whys = whys(body.section(SectionRole.FIVE_WHYS));
        }
        if (draft.contributingFactors == null) {
            draft.contributingFactors = listItems(body.section(SectionRole.CONTRIBUTING_FACTORS));
        }
        if (draft.rootCause == null && !draft.whys.isEmpty()) {
            // The last answer of the chain is the root cause the team arrived at.
            draft.rootCause = draft.whys.get(draft.whys.size() - 1).answer();
        }
    }

    private static String paragraphs(List<Node> blocks) {
        StringBuilder text = new StringBuilder();
        for (Node block : blocks) {
            if (block instanceof Paragraph) {
                text.append(text.length() > 0 ? " " : "").append(PlainText.of(block));
            }
        }
        return text.toString();
    }

    /** The text of every item of the lists among the blocks, in order. */
    static List<String> listItems(List<Node> blocks) {
        List<String> items = new ArrayList<>();
        for (Node block : blocks) {
            if (block instanceof ListBlock) {
                for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                    String text = PlainText.of(item);
                    if (!text.isEmpty()) {
                        items.add(text);
                    }
                }
            }
        }
        return items;
    }

    /**
     * The seed writes each why as a numbered item ({@code 1. **为什么服务 OOM？**}) followed by its answer
     * as a bullet ({@code - 因为…}), often not indented, so the answer is a sibling list rather than a
     * child. Both shapes, and "**Q?** answer" on one line, are read; a question without an answer is
     * kept with an empty answer.
     */
    private static List<WhyStep> whys(List<Node> blocks) {
        List<String[]> steps = new ArrayList<>();
        for (Node block : blocks) {
            if (block instanceof OrderedList list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    steps.add(questionAndAnswer((ListItem) item));
                }
            } else if ((block instanceof BulletList || block instanceof Paragraph) && !steps.isEmpty()
                    && steps.get(steps.size() - 1)[1].isEmpty()) {
                steps.get(steps.size() - 1)[1] = PlainText.of(block);
            }
        }
        List<WhyStep> whys = new ArrayList<>();
        for (String[] step : steps) {
            whys.add(new WhyStep(whys.size() + 1, step[0], step[1]));
        }
        return whys;
    }

    private static String[] questionAndAnswer(ListItem item) {
        Node first = item.getFirstChild();
        String question;
        StringBuilder answer = new StringBuilder();
        if (first instanceof Paragraph paragraph && paragraph.getFirstChild() instanceof StrongEmphasis strong
                && strong.getNext() != null) {
            question = PlainText.of(strong);
            answer.append(PlainText.after(strong));
        } else {
            question = first == null ? "" : PlainText.of(first);
        }
        for (Node n = first == null ? null : first.getNext(); n != null; n = n.getNext()) {
            answer.append(answer.length() > 0 ? " " : "").append(PlainText.of(n));
        }
        return new String[] {question, answer.toString().strip()};
    }
}
