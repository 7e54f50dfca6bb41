package com.analyticscopilot.agent;

import java.util.List;

/**
 * What one stored click did.
 *
 * @param entry   the stored feedback
 * @param changes the threshold changes it made ("not an anomaly" only); empty when none, or
 *                when every KPI was already at the cap
 * @param notes   what the analyst should know, e.g. "revenue on shop-07 is at the cap"
 */
public record Click(FeedbackEntry entry, List<ThresholdChange> changes, List<String> notes) {

    public Click {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }
}
