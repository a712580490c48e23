package dev.hindsight.load;

import dev.hindsight.model.Link;
import dev.hindsight.model.SectionRole;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.List;

/** The links of the references section, when the front matter lists none. */
final class ReferencesReader {
    private ReferencesReader() {
    }

    static void read(MarkdownBody body, ReportDraft draft) {
        if (draft.links != null) {
            return;
        }
        List<Link> links = new ArrayList<>();
        for (Node block : body.allSections(SectionRole.REFERENCES)) {
            block.accept(new AbstractVisitor() {
                @Override
                public void visit(org.commonmark.node.Link link) {
                    String title = PlainText.of(link);
                    links.add(new Link(title.isEmpty() ? link.getDestination() : title, link.getDestination()));
                }
            });
        }
        draft.links = links;
    }
}
