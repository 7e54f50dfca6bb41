package com.analyticscopilot.detect;

import java.util.Locale;

/** Which view raises the flags. */
public enum DetectionMethod {
    /** STL decomposition and robust z-scores of the remainder. */
    STL,
    /** The forecaster's calibrated residual scores. */
    LSTM,
    /** Both views, calibrated and fused into one score. */
    HYBRID;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code stl}, {@code lstm} or {@code hybrid}, ignoring case; {@code null} if none. */
    public static DetectionMethod parse(String text) {
        for (DetectionMethod m : values()) {
            if (m.name().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        return null;
    }
}
