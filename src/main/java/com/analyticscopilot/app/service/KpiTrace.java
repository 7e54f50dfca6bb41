package com.analyticscopilot.app.service;

import com.analyticscopilot.data.Kpi;

/**
 * Everything the charts draw for one KPI of one site, indexed by the site's time steps. Arrays
 * are shared, not copied: a trace is built once per detection run and only read afterwards.
 * {@code NaN} marks a step without a value (missing observation, no forecast yet).
 *
 * @param kpi       the KPI
 * @param observed  what was measured
 * @param expected  what the detector expected (STL trend + seasonal, or the fused expectation)
 * @param lower     lower edge of the normal band at the current sensitivity
 * @param upper     upper edge of the normal band
 * @param trend     STL trend component
 * @param seasonal  STL seasonal component
 * @param remainder STL remainder (observed - trend - seasonal)
 * @param score     the score flags are raised on, signed
 */
public record KpiTrace(Kpi kpi, double[] observed, double[] expected, double[] lower,
        double[] upper,
                       double[] trend, double[] seasonal, double[] remainder, double[] score) {

    public int length() {
        return observed.length;
    }
}
