package com.analyticscopilot.agent;

import java.util.Locale;

/** What an analyst said about a recommendation. */
public enum Verdict {
    /** The action was right for this anomaly. */
    ACCEPT,
    /** The action was wrong for this anomaly. */
    REJECT,
    /** The event was not an anomaly at all: the site and KPI should be less sensitive. */
    NOT_ANOMALY;

    /** The word stored in the database and shown to users: accept, reject, not_anomaly. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict stored as {@code label}; {@code null} when unknown. */
    public static Verdict parse(String label) {
        for (Verdict v : values()) {
            if (v.label().equalsIgnoreCase(label)) {
                return v;
            }
        }
        return null;
    }
}
