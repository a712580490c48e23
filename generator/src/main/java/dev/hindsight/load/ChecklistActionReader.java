package dev.hindsight.load;

import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Priority;
import dev.hindsight.model.SectionRole;
import dev.hindsight.model.Term;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Action items from the action-items section's task lists, for reports whose front matter has no
 * {@code actions:}. {@code - [x]} is completed, {@code - [ ]} not started; inline annotations
 * {@code @owner}, {@code due:2025-10-12}, {@code priority:high}, {@code status:blocked} and
 * {@code done:2025-10-10} refine the item and are removed from its description. The sub-heading
 * (立即措施 / 短期措施 / 长期措施) gives the term.
 */
final class ChecklistActionReader {
    private static final Pattern OWNER = Pattern.compile("(?<![\\w@])@([^\\s@,，;；()（）]+)");
    private static final Pattern ANNOTATION = Pattern.compile("(?<![\\w/])([A-Za-z]+)\\s*[:：]\\s*([^\\s,，;；]+)");
    private static final List<String> KEYS = List.of("due", "priority", "status", "done");
    /** A link whose text is a ticket key (OPS-412) or the URL itself is the item's tracker link. */
    private static final Pattern TICKET = Pattern.compile("[A-Z][A-Z0-9_]+-\\d+|https?://\\S+");

    private ChecklistActionReader() {
    }

    static void read(MarkdownBody body, ReportDraft draft, Diagnostics diagnostics) {
        if (draft.actions != null) {
            return;
        }
        List<ActionDraft> actions = new ArrayList<>();
        Term term = null;
        for (Node block : body.section(SectionRole.ACTION_ITEMS)) {
            if (block instanceof Heading heading) {
                term = termOf(MarkdownBody.roleOf(heading));
            } else if (block instanceof BulletList || block instanceof OrderedList) {
                for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                    if (item.getFirstChild() instanceof TaskListItemMarker marker) {
                        actions.add(item((ListItem) item, marker.isChecked(), term, body.line(item), diagnostics));
                    }
                }
            }
        }
        draft.actions = actions;
    }

    private static Term termOf(SectionRole role) {
        if (role == null) {
            return null;
        }
        return switch (role) {
            case IMMEDIATE_ACTIONS -> Term.IMMEDIATE;
            case SHORT_TERM_ACTIONS -> Term.SHORT;
            case LONG_TERM_ACTIONS -> Term.LONG;
            default -> null;
        };
    }

    private static ActionDraft item(ListItem item, boolean checked, Term term, int line, Diagnostics diagnostics) {
        String trackerLink = trackerLink(item);
        String text = PlainText.of(item);
        if (trackerLink != null) {
            text = text.replace(trackerLinkText(item), " ");
        }
        String owner = null;
        Matcher ownerMatch = OWNER.matcher(text);
        if (ownerMatch.find()) {
            owner = ownerMatch.group(1);
        }
        text = OWNER.matcher(text).replaceAll(" ");

        LocalDate due = null;
        LocalDate done = null;
        Priority priority = null;
        ActionStatus status = null;
        Matcher m = ANNOTATION.matcher(text);
        StringBuilder description = new StringBuilder();
        while (m.find()) {
            String key = m.group(1).toLowerCase(java.util.Locale.ROOT);
            String value = m.group(2);
            boolean used = true;
            switch (key) {
                case "due" -> due = date(value, "due", line, diagnostics);
                case "done", "completed" -> done = date(value, key, line, diagnostics);
                case "priority" -> priority = Priority.parse(value).orElseGet(() -> {
                    warn(diagnostics, line, "priority '" + value + "'", value, YamlFields.labels(Priority.values()));
                    return null;
                });
                case "status" -> status = ActionStatus.parse(value).orElseGet(() -> {
                    warn(diagnostics, line, "status '" + value + "'", value, YamlFields.labels(ActionStatus.values()));
                    return null;
                });
                default -> {
                    used = false;
                    DidYouMean.closest(key, KEYS).ifPresent(k -> diagnostics.report(DiagnosticCode.BAD_ANNOTATION,
                            line, 1, "unknown annotation '" + key + ":' in an action item; did you mean '" + k + ":'?",
                            "annotations are @owner, due:YYYY-MM-DD, priority:, status: and done:YYYY-MM-DD"));
                }
            }
            m.appendReplacement(description, used ? " " : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(description);
        if (status == null) {
            status = checked ? ActionStatus.COMPLETED : ActionStatus.NOT_STARTED;
        }
        String cleaned = withoutTrailingSeparators(PlainText.collapse(description));
        return new ActionDraft(null, cleaned.isEmpty() ? PlainText.of(item) : cleaned, priority, owner, due, status,
                done, term, trackerLink, line, 1);
    }

    /**
     * The text without the separators annotations leave at its end. A loop, not the regular expression
     * {@code [\s,;:-]+$}: that one retries from every separator of a long run that is not at the end,
     * which takes minutes on a pasted line of 100,000 commas.
     */
    static String withoutTrailingSeparators(String text) {
        int end = text.length();
        while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || ",，;；:：-".indexOf(text.charAt(end - 1)) >= 0)) {
            end--;
        }
        return text.substring(0, end);
    }

    private static LocalDate date(String value, String key, int line, Diagnostics diagnostics) {
        try {
            return DateTimes.parseDate(value);
        } catch (DateTimes.InvalidDateException e) {
            diagnostics.report(DiagnosticCode.BAD_ANNOTATION, line, 1, "ignored annotation '" + key + ":" + value
                    + "': " + e.getMessage(), "write " + key + ":YYYY-MM-DD, e.g. " + key + ":2025-10-12");
            return null;
        }
    }

    private static void warn(Diagnostics diagnostics, int line, String what, String value, List<String> allowed) {
        diagnostics.report(DiagnosticCode.BAD_ANNOTATION, line, 1, "ignored annotation: unknown " + what
                + DidYouMean.hint(value, allowed), "use one of: " + String.join(", ", allowed));
    }

    private static Link trackerLinkNode(ListItem item) {
        Link[] found = {null};
        item.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (found[0] == null && TICKET.matcher(PlainText.of(link)).matches()) {
                    found[0] = link;
                }
            }
        });
        return found[0];
    }

    private static String trackerLink(ListItem item) {
        Link link = trackerLinkNode(item);
        return link == null ? null : link.getDestination();
    }

    private static String trackerLinkText(ListItem item) {
        return PlainText.of(trackerLinkNode(item));
    }
}
