package com.analyticscopilot.app.service;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.detect.AnomalyEvent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One detection run over a data set, as the workbench shows it.
 *
 * @param dataset     what was analysed
 * @param sensitivity the sensitivity it ran at, in [0, 1]
 * @param method      which views scored it: "stl", "lstm" or "hybrid"
 * @param events      the anomaly events of all sites, in the detector's order
 * @param sites       the per-site traces, by site identifier
 */
public record Analysis(Dataset dataset, double sensitivity, String method,
        List<AnomalyEvent> events,
                       Map<String, SiteTrace> sites) {

    public Analysis {
        events = List.copyOf(events);
        sites = Map.copyOf(sites);
    }

    public Optional<SiteTrace> site(String id) {
        return Optional.ofNullable(sites.get(id));
    }
}
