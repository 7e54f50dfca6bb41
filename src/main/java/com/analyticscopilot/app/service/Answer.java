package com.analyticscopilot.app.service;

/** What the analyst can say about a recommended action. */
public enum Answer {
    /** The action fits; it rises in later rankings. */
    ACCEPT,
    /** The action does not fit; it falls in later rankings. */
    REJECT,
    /** The flag itself was wrong: the site's thresholds for the event's KPIs go up a little. */
    NOT_ANOMALY;

    /** The feedback state an event has after this answer. */
    public FeedbackState state() {
        return switch (this) {
            case ACCEPT -> FeedbackState.ACCEPTED;
            case REJECT -> FeedbackState.REJECTED;
            case NOT_ANOMALY -> FeedbackState.NOT_ANOMALY;
        };
    }
}
