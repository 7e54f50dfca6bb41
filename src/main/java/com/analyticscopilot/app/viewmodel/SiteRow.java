package com.analyticscopilot.app.viewmodel;

import com.analyticscopilot.detect.Severity;

import java.util.Comparator;

/**
 * One line of the site list.
 *
 * @param site      the site
 * @param anomalies number of anomaly events
 * @param worst     the worst severity among them, or {@code null} when there are none
 * @param openCount events without feedback yet
 * @param peakScore the largest absolute score of any flagged point; 0 without events
 */
public record SiteRow(String site, int anomalies, Severity worst, int openCount, double peakScore) {

    /**
     * What needs attention first: the worst severity, then events still open, then more events,
     * then the strongest score; the name last so the order is stable.
     */
    public static final Comparator<SiteRow> BY_ATTENTION = Comparator
            .comparingInt((SiteRow r) -> r.worst == null ? -1 : r.worst.ordinal()).reversed()
            .thenComparing(Comparator.comparingInt(SiteRow::openCount).reversed())
            .thenComparing(Comparator.comparingInt(SiteRow::anomalies).reversed())
            .thenComparing(Comparator.comparingDouble(SiteRow::peakScore).reversed())
            .thenComparing(SiteRow::site);
}
