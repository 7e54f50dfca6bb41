package com.analyticscopilot.forecast;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.data.TimeStep;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small seeded daily data sets with a strong weekly rhythm, built in code for the tests. */
final class ForecastTestData {

    /** A Monday, so step t falls on weekday t mod 7. */
    static final LocalDateTime START = LocalDateTime.of(2026, 1, 5, 0, 0);

    /** Relative weekday effect on sessions, Monday first; the weekend dips. */
    static final double[] WEEKLY = {0.05, 0.08, 0.07, 0.05, 0.0, -0.12, -0.18};

    private ForecastTestData() {
    }

    static List<Kpi> kpis() {
        return List.of(new Kpi("sessions", KpiRole.COUNT),
                new Kpi("conversion_rate", KpiRole.RATIO, "sessions"),
                new Kpi("revenue", KpiRole.MONEY));
    }

    /** {@code sites} sites of {@code days} days; noise is small next to the weekly swing. */
    static Dataset weekly(int sites, int days, long seed) {
        Random rnd = new Random(seed);
        List<SiteSeries> list = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            double level = 500 + 4000 * rnd.nextDouble();
            double conv = 0.01 + 0.04 * rnd.nextDouble();
            double aov = 20 + 80 * rnd.nextDouble();
            double[][] v = new double[3][days];
            for (int t = 0; t < days; t++) {
                double w = WEEKLY[t % 7];
                v[0][t] = Math.round(level * (1 + w) * Math.exp(0.02 * rnd.nextGaussian()));
                v[1][t] = conv * (1 + 0.5 * w) * (1 + 0.02 * rnd.nextGaussian());
                v[2][t] = v[0][t] * v[1][t] * aov * Math.exp(0.03 * rnd.nextGaussian());
            }
            list.add(new SiteSeries("site-" + (s + 1), START, TimeStep.DAILY, v));
        }
        return new Dataset("test-data", kpis(), TimeStep.DAILY, list);
    }

    /** A copy of {@code data} with observation {@code [kpi][t]} of the first site missing. */
    static Dataset withMissing(Dataset data, int kpi, int t) {
        List<SiteSeries> sites = new ArrayList<>(data.sites());
        SiteSeries first = sites.get(0);
        double[][] v = new double[first.kpiCount()][];
        for (int k = 0; k < v.length; k++) {
            v[k] = first.series(k);
        }
        v[kpi][t] = Double.NaN;
        sites.set(0, new SiteSeries(first.site(), first.start(), first.step(), v));
        return new Dataset(data.source(), data.kpis(), data.step(), sites);
    }

    /** A tiny network and few epochs: seconds, not minutes. */
    static ForecastSettings tiny() {
        return ForecastSettings.builder().layers(1).hiddenSize(8).window(7).batchSize(32)
                .maxEpochs(3).patience(3).learningRate(5e-3).seed(7).build();
    }
}
