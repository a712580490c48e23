package dev.hindsight.site;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Incident;
import dev.hindsight.model.Section;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ids of the rows of an incident page's action table, {@code action-A3}, which the action-tracking
 * pages link to. Ids are unique within a report but written freely, so characters that would need
 * escaping in a URL fragment become '-', and an id that would then repeat another (or a heading anchor
 * of the report body on the same page) gets -2, -3.
 */
final class ActionAnchors {
    /** Compiled once: the action pages key every item of the knowledge base (67,000 for 10,000 reports). */
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private ActionAnchors() {
    }

    /** Item id → the id of its row, for every item of {@code incident}. */
    static Map<String, String> of(Incident incident) {
        Set<String> used = new HashSet<>();
        incident.source().outline().stream().map(Section::anchor).forEach(used::add);
        Map<String, String> anchors = new LinkedHashMap<>();
        for (ActionItem item : incident.actions()) {
            String base = "action-" + UNSAFE.matcher(item.id()).replaceAll("-");
            String candidate = base;
            for (int n = 2; !used.add(candidate); n++) {
                candidate = base + "-" + n;
            }
            anchors.put(item.id(), candidate);
        }
        return anchors;
    }
}
