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

    /** Whitespace runs become one space; the ends are trimmed. */
    static String collapse(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
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
