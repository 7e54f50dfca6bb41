package com.analyticscopilot.detect;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.data.TimeStep;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.MersenneTwister;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded daily KPI data made in test code: sessions (Poisson around a weekly pattern and a slow
 * trend), conversion rate (binomial orders over sessions) and revenue (orders times a lognormal
 * order value). Anomalies are injected by the tests themselves.
 */
final class KpiFixtures {

    static final LocalDate START = LocalDate.of(2025, 1, 6);
    static final List<Kpi> KPIS = List.of(new Kpi("sessions", KpiRole.COUNT),
            new Kpi("conversion_rate", KpiRole.RATIO, "sessions"),
            new Kpi("revenue", KpiRole.MONEY));

    /** Weekly shape: quieter weekends, a Monday peak. */
    private static final double[] WEEK = {1.15, 1.05, 1.0, 1.0, 0.95, 0.8, 0.75};

    private KpiFixtures() {
    }

    /** One site's values [kpi][t]. */
    static double[][] site(long seed, int days, double sessionsPerDay, double conversion) {
        Random random = new Random(seed);
        MersenneTwister rng = new MersenneTwister(seed);
        double[][] v = new double[3][days];
        for (int t = 0; t < days; t++) {
            double level = sessionsPerDay * (1 + 0.001 * t) * WEEK[t % 7];
            int sessions = new PoissonDistribution(rng, level, 1e-12, 10_000_000).sample();
            int orders = sessions == 0 ? 0
                    : new BinomialDistribution(rng, sessions, conversion).sample();
            double revenue = 0;
            for (int o = 0; o < Math.min(orders, 500); o++) {
                revenue += 60 * Math.exp(0.4 * random.nextGaussian());
            }
            if (orders > 500) {
                revenue *= orders / 500.0;
            }
            v[0][t] = sessions;
            v[1][t] = sessions == 0 ? Double.NaN : (double) orders / sessions;
            v[2][t] = revenue;
        }
        return v;
    }

    static SiteSeries series(String id, double[][] values) {
        return new SiteSeries(id, START.atStartOfDay(), TimeStep.DAILY, values);
    }

    static Dataset dataset(List<SiteSeries> sites) {
        return new Dataset("test", KPIS, TimeStep.DAILY, sites);
    }

    /** {@code count} clean sites of mixed sizes. */
    static List<SiteSeries> cleanSites(int count, int days, long seed) {
        List<SiteSeries> sites = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double size = 200 * Math.pow(10, 2.0 * i / Math.max(1, count - 1));
            sites.add(series("site-" + i, site(seed + i, days, size, 0.03)));
        }
        return sites;
    }
}
