package dev.hindsight.export;

import dev.hindsight.kb.ActionTracker;

/**
 * The action-item exports for any tracker, e.g. one filtered to an owner or to overdue items, in the
 * same formats as {@code actions.csv} and {@code actions.json}.
 */
public final class ActionListing {
    private ActionListing() {
    }

    public static byte[] csv(ActionTracker tracker) {
        return ActionsCsv.csv(tracker);
    }

    public static byte[] json(ActionTracker tracker) {
        return ActionsJson.json(tracker);
    }
}
