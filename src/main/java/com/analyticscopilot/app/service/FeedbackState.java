package com.analyticscopilot.app.service;

/** What the analyst said about an anomaly event so far. */
public enum FeedbackState {
    /** Nothing yet. */
    OPEN,
    /** An action was accepted. */
    ACCEPTED,
    /** Rejected: not an anomaly, or the advice did not fit. */
    REJECTED
}
