package dev.hindsight.site;

import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.model.Incident;
import dev.hindsight.model.Section;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a report's Markdown body to HTML that is safe to put on a page: raw HTML escaped (unless the
 * site allows it), link targets sanitised, relative links resolved against the source directory, the
 * first H1 dropped (the page shows the title), headings given the anchors the outline already has.
 */
final class BodyRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            TaskListItemsExtension.create(), AutolinkExtension.create(), FootnotesExtension.create());
    private final Parser parser;
    private final boolean allowRawHtml;

    BodyRenderer(boolean allowRawHtml) {
        parser = Parser.builder().extensions(EXTENSIONS).includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
        this.allowRawHtml = allowRawHtml;
    }

    String render(Incident incident, LinkTargets links, Diagnostics diagnostics) {
        return html(parser.parse(incident.source().markdown()), incident, links, diagnostics);
    }

    /**
     * The HTML of the body parsed as {@code document} (as this renderer's parser parses it; the tree is changed),
     * or {@code null} when one of its links or images needs {@link LinkTargets}: only those read the source
     * directory and the other reports. The HTML is what {@link #render} gives, and there are no diagnostics.
     */
    String renderAlone(Node document, Incident incident) {
        List<Node> targets = linksAndImages(document);
        for (Node node : targets) {
            if (!LinkTargets.isContextFree(destination(node))) {
                return null;
            }
        }
        return html(document, incident, null, null);
    }

    /** The HTML of {@code document}; {@code links} and {@code diagnostics} may be null when its links are context-free. */
    private String html(Node document, Incident incident, LinkTargets links, Diagnostics diagnostics) {
        Map<Node, String> anchors = anchors(document, incident.source().outline());
        dropTitleHeading(document);
        resolveLinks(document, incident, links, diagnostics);
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
                .escapeHtml(!allowRawHtml)
                .sanitizeUrls(true)
                .urlSanitizer(new SafeUrls())
                .attributeProviderFactory(context -> headingIds(anchors))
                .build();
        return scrollingTables(renderer.render(document));
    }

    /**
     * Each table wrapped in a box that scrolls on small screens instead of widening the page: {@code <table>} and
     * {@code </table>} replaced in one pass (two {@code String.replace}s were 1.2% of a full build's CPU samples).
     */
    static String scrollingTables(String html) {
        int found = html.indexOf("table>");
        if (found < 0) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + 256);
        int copied = 0;
        for (; found >= 0; found = html.indexOf("table>", found + 6)) {
            if (html.startsWith("</", found - 2)) {
                out.append(html, copied, found + 6).append("</div>");
                copied = found + 6;
            } else if (html.startsWith("<", found - 1)) {
                out.append(html, copied, found - 1).append("<div class=\"table-scroll\"><table>");
                copied = found + 6;
            }
        }
        return out.append(html, copied, html.length()).toString();
    }

    /**
     * The outline's anchor for each top-level heading (the outline lists those, the title included, in
     * order), so that the table of contents, which is made from the outline, and the page always agree.
     * Generating ids again here would not: the title heading is dropped before rendering, and headings
     * inside quotes or lists would take ids the outline gave to later ones.
     */
    private static Map<Node, String> anchors(Node document, List<Section> outline) {
        Map<Node, String> anchors = new IdentityHashMap<>();
        int next = 0;
        for (Node block = document.getFirstChild(); block != null && next < outline.size(); block = block.getNext()) {
            if (block instanceof Heading heading && heading.getLevel() == outline.get(next).level()) {
                anchors.put(heading, outline.get(next++).anchor());
            }
        }
        return anchors;
    }

    private static AttributeProvider headingIds(Map<Node, String> anchors) {
        return (node, tagName, attributes) -> {
            String anchor = anchors.get(node);
            if (anchor != null) {
                attributes.put("id", anchor);
            }
            if (node instanceof TaskListItemMarker && "input".equals(tagName)) {
                // A checkbox needs an accessible name; a task's name is its item's text.
                attributes.put("aria-label", taskText(node));
            }
        };
    }

    /** The text of a task list item, without its nested lists. */
    private static String taskText(Node marker) {
        StringBuilder text = new StringBuilder();
        for (Node block = marker.getNext(); block != null; block = block.getNext()) {
            block.accept(new AbstractVisitor() {
                @Override
                public void visit(Text literal) {
                    text.append(literal.getLiteral());
                }

                @Override
                public void visit(Code code) {
                    text.append(code.getLiteral());
                }

                @Override
                public void visit(SoftLineBreak lineBreak) {
                    text.append(' ');
                }

                @Override
                public void visit(BulletList list) {
                }

                @Override
                public void visit(OrderedList list) {
                }
            });
            text.append(' ');
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    private static void dropTitleHeading(Node document) {
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading && heading.getLevel() == 1) {
                heading.unlink();
                return;
            }
        }
    }

    /** The links and images of {@code document}, in document order. */
    private static List<Node> linksAndImages(Node document) {
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
        return targets;
    }

    private static String destination(Node linkOrImage) {
        return linkOrImage instanceof Link link ? link.getDestination() : ((Image) linkOrImage).getDestination();
    }

    private static void resolveLinks(Node document, Incident incident, LinkTargets links, Diagnostics diagnostics) {
        for (Node node : linksAndImages(document)) {
            String destination = destination(node);
            if (node instanceof Image && SafeUrls.sanitize(destination).equals(SafeUrls.NEUTRALISED)) {
                unlink(node); // an <img src="#"> would make the browser fetch the page itself as an image
                continue;
            }
            // No targets: renderAlone, which has checked that every link is context-free, which resolve keeps.
            LinkTargets.Target target = links == null ? new LinkTargets.Keep()
                    : links.resolve(destination, incident.source().path(), incident.id(), lineOf(node, incident),
                    diagnostics);
            if (target instanceof LinkTargets.Rewrite rewrite) {
                if (node instanceof Link link) {
                    link.setDestination(rewrite.destination());
                } else {
                    ((Image) node).setDestination(rewrite.destination());
                }
            } else if (target instanceof LinkTargets.Refuse) {
                unlink(node);
            } else if (node instanceof Image image && isRemote(destination)) {
                linkInsteadOfShowing(image);
            }
        }
    }

    private static boolean isRemote(String destination) {
        String url = SafeUrls.sanitize(destination).toLowerCase(Locale.ROOT);
        return url.startsWith("http:") || url.startsWith("https:");
    }

    /**
     * An image from another host would make every reader's browser ask that host for it, on every
     * visit: a report (or a pasted snippet) could track who reads the knowledge base. A link to the
     * image, with its alt text, is fetched only when a reader follows it.
     */
    private static void linkInsteadOfShowing(Image image) {
        Link link = new Link(image.getDestination(), image.getTitle());
        Node child = image.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            link.appendChild(child);
            child = next;
        }
        if (link.getFirstChild() == null) {
            link.appendChild(new Text(image.getDestination()));
        }
        image.insertBefore(link);
        image.unlink();
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
