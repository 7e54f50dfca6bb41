package com.analyticscopilot.app.service;

/** What the analyst said about an anomaly event so far. */
public enum FeedbackState {
    /** Nothing yet. */
    OPEN,
    /** An action was accepted. */
    ACCEPTED,
    /** The advice did not fit. */
    REJECTED,
    /** The analyst said the flag was wrong. */
    NOT_ANOMALY
}
