package dev.hindsight.site.page;

import java.util.List;
import java.util.Locale;

/**
 * One action item in a table of action items, display-ready.
 *
 * @param qualifiedId   "INC-2025-10-05-001/A2", unique in the site
 * @param href          the item's row in its incident's action table
 * @param description   what will be done
 * @param incident      the incident's id, linking to its page
 * @param incidentTitle the incident's title
 * @param status        the status badge
 * @param statusValue   "in-progress", for filtering
 * @param statusRank    the status's place in its enum, for sorting
 * @param priority      the priority badge
 * @param priorityValue "high", for filtering
 * @param priorityRank  0 for critical to 3 for low, for sorting
 * @param owner         the owner (or "unassigned"), linking to their action page
 * @param ownerValue    the owner's page slug, for filtering
 * @param due           the due date as shown
 * @param dueIso        the due date as ISO-8601
 * @param overdue       "overdue · 44 d", {@code null} when not overdue
 * @param daysLate      days past due, empty when not overdue (so on-time items sort last)
 * @param overdueValue  "yes" or "no", for filtering
 * @param completed     the completion date as shown, empty when not completed
 * @param completedIso  the completion date as ISO-8601, empty when not completed
 * @param services      the incident's services, linking to their pages
 * @param serviceList   space-separated service names, for filtering
 * @param link          the tracker link (sanitised), {@code null} when none
 */
public record ActionItemRow(String qualifiedId, String href, String description, LinkView incident,
                            String incidentTitle, Badge status, String statusValue, int statusRank, Badge priority,
                            String priorityValue, int priorityRank, LinkView owner, String ownerValue, String due,
                            String dueIso, String overdue, String daysLate, String overdueValue, String completed,
                            String completedIso, List<LinkView> services, String serviceList, String link) {
    public ActionItemRow {
        services = List.copyOf(services);
    }

    /**
     * The row's words in lowercase, as its {@code data-text} attribute once held them. The default theme no longer
     * writes it: the free-text filter reads the row's cells, which show all of it. Kept so that a template made from
     * an earlier theme still compiles.
     */
    public String searchText() {
        return String.join(" ", qualifiedId, description, owner.text(), incidentTitle,
                String.join(" ", services.stream().map(LinkView::text).toList())).toLowerCase(Locale.ROOT);
    }
}
