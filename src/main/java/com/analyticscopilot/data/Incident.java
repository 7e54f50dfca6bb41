package com.analyticscopilot.data;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A labelled anomaly: what the generator injected, or what an analyst marked.
 *
 * @param site  the site it happened on
 * @param start first day affected
 * @param end   last day affected, inclusive
 * @param kpis  the KPIs it shows in
 * @param type  its type, such as {@code spike} or {@code tracking_outage}
 */
public record Incident(String site, LocalDate start, LocalDate end, List<String> kpis, String type) {

    public Incident {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(type, "type");
        kpis = List.copyOf(kpis);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("incident on " + site + " ends " + end + " before it starts " + start);
        }
    }
}
