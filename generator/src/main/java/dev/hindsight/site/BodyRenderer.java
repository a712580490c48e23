package dev.hindsight.site;

import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.model.Incident;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a report's Markdown body to HTML that is safe to put on a page: raw HTML escaped (unless the
 * site allows it), link targets sanitised, relative links resolved against the source directory, the
 * first H1 dropped (the page shows the title), headings given the anchors the outline already has.
 */
final class BodyRenderer {
    private final Parser parser;
    private final HtmlRenderer renderer;

    BodyRenderer(boolean allowRawHtml) {
        var extensions = List.of(TablesExtension.create(), TaskListItemsExtension.create(),
                AutolinkExtension.create(), FootnotesExtension.create(), HeadingAnchorExtension.create());
        parser = Parser.builder().extensions(extensions).includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
        renderer = HtmlRenderer.builder().extensions(extensions)
                .escapeHtml(!allowRawHtml)
                .sanitizeUrls(true)
                .urlSanitizer(new SafeUrls())
                .build();
    }

    String render(Incident incident, LinkTargets links, Diagnostics diagnostics) {
        Node document = parser.parse(incident.source().markdown());
        dropTitleHeading(document);
        resolveLinks(document, incident, links, diagnostics);
        // Wide tables scroll inside their own box on small screens instead of widening the page.
        return renderer.render(document).replace("<table>", "<div class=\"table-scroll\"><table>")
                .replace("</table>", "</table></div>");
    }

    private static void dropTitleHeading(Node document) {
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading && heading.getLevel() == 1) {
                heading.unlink();
                return;
            }
        }
    }

    private static void resolveLinks(Node document, Incident incident, LinkTargets links, Diagnostics diagnostics) {
        List<Node> targets = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                targets.add(link);
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                targets.add(image);
            }
        });
        for (Node node : targets) {
            String destination = node instanceof Link link ? link.getDestination() : ((Image) node).getDestination();
            LinkTargets.Target target = links.resolve(destination, incident.source().path(), incident.id(),
                    lineOf(node, incident), diagnostics);
            if (target instanceof LinkTargets.Rewrite rewrite) {
                if (node instanceof Link link) {
                    link.setDestination(rewrite.destination());
                } else {
                    ((Image) node).setDestination(rewrite.destination());
                }
            } else if (target instanceof LinkTargets.Refuse) {
                unlink(node);
            }
        }
    }

    /** Keeps what the reader saw (a link's text, an image's alt text) without the target. */
    private static void unlink(Node node) {
        if (node instanceof Image) {
            StringBuilder alt = new StringBuilder();
            node.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    alt.append(text.getLiteral());
                }
            });
            node.insertBefore(new Text(alt.toString()));
        } else {
            Node child = node.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                node.insertBefore(child);
                child = next;
            }
        }
        node.unlink();
    }

    private static int lineOf(Node node, Incident incident) {
        for (Node n = node; n != null; n = n.getParent()) {
            List<SourceSpan> spans = n.getSourceSpans();
            if (!spans.isEmpty()) {
                return incident.source().bodyLine() + spans.get(0).getLineIndex();
            }
        }
        return incident.source().bodyLine();
    }
}
