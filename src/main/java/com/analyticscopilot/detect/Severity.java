package com.analyticscopilot.detect;

/** How urgently an anomaly needs a person, from least to most. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
