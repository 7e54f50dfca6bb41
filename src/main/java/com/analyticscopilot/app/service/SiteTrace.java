package com.analyticscopilot.app.service;

import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.detect.AnomalyPoint;

import java.util.List;

/**
 * The detection result of one site as the charts need it.
 *
 * @param series the site's data (for its time axis)
 * @param kpis   one trace per KPI, in the data set's KPI order
 * @param points the flagged points of all its KPIs
 */
public record SiteTrace(SiteSeries series, List<KpiTrace> kpis, List<AnomalyPoint> points) {

    public SiteTrace {
        kpis = List.copyOf(kpis);
        points = List.copyOf(points);
    }

    public String site() {
        return series.site();
    }
}
