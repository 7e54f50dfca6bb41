package com.analyticscopilot.app.support;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.data.TimeStep;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small seeded data sets for the workbench's tests: daily sessions, conversion rate and revenue
 * with a weekly rhythm and noise, and a few injected anomalies at known places.
 */
public final class TestData {

    public static final LocalDateTime START = LocalDateTime.of(2026, 1, 5, 0, 0);

    private TestData() {
    }

    /**
     * {@code sites} sites of {@code days} days. Site {@code site-00} gets a revenue and
     * conversion drop of 70 % on days 60-62 (a checkout failure); {@code site-01} a sessions
     * spike of 4x on day 40; the rest are clean.
     */
    public static Dataset dataset(int sites, int days, long seed) {
        Random random = new Random(seed);
        List<Kpi> kpis = List.of(new Kpi("sessions", KpiRole.COUNT), new Kpi("conversion_rate",
                KpiRole.RATIO, "sessions"),
                new Kpi("revenue", KpiRole.MONEY));
        List<SiteSeries> series = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            double base = 800 + 300 * s;
            double[][] v = new double[3][days];
            for (int t = 0; t < days; t++) {
                // Weekends a fifth lower: the weekly rhythm STL has to find.
                double weekly = (t % 7 == 5 || t % 7 == 6) ? 0.8 : 1.0;
                double sessions = base * weekly * (1 + 0.04 * random.nextGaussian());
                double cr = 0.03 * (1 + 0.04 * random.nextGaussian());
                v[0][t] = sessions;
                v[1][t] = cr;
                v[2][t] = sessions * cr * 55 * (1 + 0.03 * random.nextGaussian());
            }
            if (s == 0 && days > 62) {
                for (int t = 60; t <= 62; t++) {
                    v[1][t] *= 0.3;
                    v[2][t] *= 0.3;
                }
            }
            if (s == 1 && days > 40) {
                v[0][40] *= 4;
            }
            series.add(new SiteSeries(String.format("site-%02d", s), START, TimeStep.DAILY, v));
        }
        return new Dataset("test", kpis, TimeStep.DAILY, series);
    }
}
