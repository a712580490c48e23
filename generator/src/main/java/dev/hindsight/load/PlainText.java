package dev.hindsight.load;

import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** The readable text of a Markdown node: what a reader sees, without markup, on one line. */
final class PlainText {
    private PlainText() {
    }

    static String of(Node node) {
        StringBuilder out = new StringBuilder();
        append(node, out);
        return collapse(out);
    }

    /** The text of the siblings that follow {@code node}, e.g. what comes after a bold label. */
    static String after(Node node) {
        StringBuilder out = new StringBuilder();
        for (Node n = node.getNext(); n != null; n = n.getNext()) {
            append(n, out);
        }
        return collapse(out);
    }

    private static void append(Node node, StringBuilder out) {
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(HtmlInline html) {
                // Raw HTML is text as far as the model goes: pages escape it, search indexes it.
                out.append(html.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                out.append(' ');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                out.append(' ');
            }

            @Override
            public void visit(Paragraph paragraph) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                visitChildren(paragraph);
            }

            @Override
            public void visit(CustomNode node) {
                // Task markers and footnote references are markup, not text.
                if (!(node instanceof TaskListItemMarker) && !(node instanceof FootnoteReference)) {
                    visitChildren(node);
                }
            }
        });
    }

    /**
     * Whitespace runs become one space; the ends are trimmed. Works on a char array: C1, which compiles the build,
     * makes each {@code charAt} and {@code append(char)} a call with bounds checks (1.3% of a full build's CPU).
     */
    static String collapse(CharSequence text) {
        char[] chars = text.toString().toCharArray();
        int kept = 0;
        boolean space = false;
        for (char c : chars) {
            if (c > ' ' && c < 0x80 || !Character.isWhitespace(c)) {
                if (space) {
                    chars[kept++] = ' ';
                    space = false;
                }
                chars[kept++] = c; // never ahead of the character read: runs only shrink
            } else {
                space = kept > 0;
            }
        }
        return new String(chars, 0, kept);
    }

    /** The literal text used for heading anchors: Text and Code only, as commonmark's anchor extension does. */
    static String anchorText(Node heading) {
        StringBuilder out = new StringBuilder();
        heading.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }
        });
        return out.toString();
    }
}
