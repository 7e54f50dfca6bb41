package com.analyticscopilot.detect;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Consecutive flagged steps of one site, across its KPIs, seen as one incident.
 *
 * @param id            stable identifier: {@code site/start}, so feedback can refer to it
 * @param site          the site
 * @param start         first flagged step
 * @param end           last flagged step
 * @param steps         number of time steps from start to end, inclusive
 * @param points        every flagged point of the event
 * @param moves         one entry per KPI of the data set: how it moved during the event
 * @param severity      the worst severity of its points
 * @param sitesAffected how many sites had an anomaly on the event's start step, this one included
 * @param shared        whether the event is part of a move of most of the portfolio (a holiday,
 *                      a market-wide event) rather than a site's own incident
 * @param impact        for money KPIs, expected minus observed summed over the event (positive
 *                      is money lost); {@code NaN} when the data set has no money KPI
 */
public record AnomalyEvent(String id, String site, LocalDateTime start, LocalDateTime end, int steps,
                           List<AnomalyPoint> points, List<KpiMove> moves, Severity severity,
                           int sitesAffected, boolean shared, double impact) {

    public AnomalyEvent {
        points = List.copyOf(points);
        moves = List.copyOf(moves);
    }
}
