package com.analyticscopilot.data.generate;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Incident;
import com.analyticscopilot.data.SiteSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each labelled incident is visible in the data it names, and the KPIs a type leaves alone stay
 * steady. "Visible" is judged as an analyst would: against the same weekdays of the three
 * previous clean weeks, in units of the site's own day-to-day noise.
 */
class LabelConsistencyTest {

    /**
     * How far (in robust standard deviations of the site's noise, scaled to the window's
     * length) a named KPI must move. 2.5 is a move a one-sided 99 % test calls abnormal.
     */
    private static final double VISIBLE_Z = 2.5;
    /** And at least this relative move, so a tiny but precise wobble does not count. */
    private static final double VISIBLE_LOG_MOVE = Math.log(1.15);
    /**
     * Steady: an unnamed KPI's mean move stays within this many units of its daily noise. Not
     * divided by the window's length: the slow drift makes neighbouring days alike, so a
     * window's mean is not much quieter than one day.
     */
    private static final double STEADY_Z = 4;
    /** Steady for a rate: its orders within this many standard deviations of the expected. */
    private static final double STEADY_ORDERS_Z = 4;

    private static final Map<String, Set<String>> STEADY = Map.of(
            "tracking_outage", Set.of("conversion_rate"),
            "bot_traffic", Set.of("revenue"),
            "checkout_failure", Set.of("sessions"),
            "order_value_outlier", Set.of("sessions", "conversion_rate"),
            "spike", Set.of("conversion_rate"),
            "dip", Set.of("conversion_rate"));

    /**
     * The labels are decided from the expected size of a move against the expected noise
     * (see {@link SyntheticKpis}); the realised noise can still hide one now and then. The
     * bundled sample data (seed 42) must be fully consistent; other seeds at least 98 % of
     * their checks, each the same deterministic result on every run.
     */
    @ParameterizedTest
    @ValueSource(longs = {42, 7, 2024, 1, 2, 3})
    void everyLabelIsVisibleAndTheRestSteady(long seed) {
        GeneratedData data = SyntheticKpis.generate(GeneratorSettings.defaults().withSeed(seed)
                .withMarketEvents(seed == 42 ? 0 : 1));
        Dataset dataset = data.dataset();

        List<String> failures = new ArrayList<>();
        int checks = 0;
        for (Incident incident : data.incidents()) {
            SiteSeries site = dataset.site(incident.site()).orElseThrow();
            boolean[] labelled = labelledDays(site, data.incidents());
            for (String kpi : incident.kpis()) {
                Move move = move(site, dataset.kpiIndex(kpi), incident, labelled);
                checks++;
                if (move.z() < VISIBLE_Z || Math.abs(move.logMove()) < VISIBLE_LOG_MOVE) {
                    failures.add(incident + " " + kpi + " hardly moves: " + move);
                }
            }
            for (String kpi : STEADY.getOrDefault(incident.type(), Set.of())) {
                double z = kpi.equals("conversion_rate")
                        ? conversionZ(site, dataset, incident, labelled)
                        : dailyZ(move(site, dataset.kpiIndex(kpi), incident, labelled));
                checks++;
                if (z > (kpi.equals("conversion_rate") ? STEADY_ORDERS_Z : STEADY_Z)) {
                    failures.add(incident + " " + kpi + " should stay steady: z " + z);
                }
            }
        }
        int allowed = seed == 42 ? 0 : (int) Math.floor(0.02 * checks);
        assertTrue(failures.size() <= allowed, failures.size() + " of " + checks
                + " checks failed, " + allowed + " allowed:\n" + String.join("\n", failures));
    }

    @Test
    void aMadeUpLabelOnAQuietSiteIsCaughtAsInvisible() {
        GeneratedData data = SyntheticKpis.generate(GeneratorSettings.defaults());
        String quiet = data.dataset().siteIds().stream()
                .filter(id -> data.incidents().stream().noneMatch(i -> i.site().equals(id)))
                .findFirst().orElseThrow();
        SiteSeries site = data.dataset().site(quiet).orElseThrow();
        LocalDate day = site.time(100).toLocalDate();
        Incident fake = new Incident(quiet, day, day.plusDays(2), List.of("sessions"), "dip");

        Move move = move(site, 0, fake, new boolean[site.length()]);

        assertTrue(move.z() < VISIBLE_Z, "a quiet window looks abnormal: " + move);
    }

    private static double dailyZ(Move move) {
        return Math.abs(move.logMove()) / move.noise();
    }

    /** A window's mean log change against its baseline, and that in noise units. */
    record Move(double logMove, double z, double noise, int days) {
    }

    private static Move move(SiteSeries site, int k, Incident incident, boolean[] labelled) {
        double[] x = site.series(k);
        int from = site.indexOf(incident.start().atStartOfDay());
        int to = site.indexOf(incident.end().atStartOfDay());
        // A long level shift shows in its first two weeks; later its "baseline" has shifted.
        to = Math.min(to, from + 13);

        // Ratio of sums, not mean of ratios: a day with zero orders must not break the log.
        double observed = 0;
        double expected = 0;
        int n = 0;
        for (int t = from; t <= to; t++) {
            double b = baseline(x, t, labelled);
            if (!Double.isNaN(b) && !Double.isNaN(x[t])) {
                observed += x[t];
                expected += b;
                n++;
            }
        }
        double noise = noise(x, labelled);
        double mean = n == 0 || expected <= 0 ? 0
                : Math.log(Math.max(observed, 1e-9) / expected);
        return new Move(mean, Math.abs(mean) / (noise / Math.sqrt(Math.max(1, n))), noise, n);
    }

    /**
     * How far the window's orders are from what the baseline conversion rate predicts for its
     * sessions, in standard deviations: Poisson noise of the orders plus 15 % for the rate's
     * own wobble and the baseline's uncertainty. A rate over a handful of sessions (a tracking
     * outage on a small site) is judged by its few orders, not by its jumpy daily value.
     */
    private static double conversionZ(SiteSeries site, Dataset dataset, Incident incident,
                                      boolean[] labelled) {
        double[] sessions = site.series(dataset.kpiIndex("sessions"));
        double[] rate = site.series(dataset.kpiIndex("conversion_rate"));
        int from = site.indexOf(incident.start().atStartOfDay());
        int to = Math.min(site.indexOf(incident.end().atStartOfDay()), from + 13);
        // The baseline rate pooled over the 28 clean days before: a median of three noisy
        // daily rates of a small site would be far off.
        double baseOrders = 0;
        double baseSessions = 0;
        for (int t = Math.max(0, from - 28); t < from; t++) {
            if (!labelled[t] && !Double.isNaN(rate[t])) {
                baseOrders += rate[t] * sessions[t];
                baseSessions += sessions[t];
            }
        }
        double base = baseOrders / baseSessions;
        double orders = 0;
        double expected = 0;
        for (int t = from; t <= to; t++) {
            if (!Double.isNaN(rate[t])) {
                orders += rate[t] * sessions[t];
                expected += base * sessions[t];
            }
        }
        return Math.abs(orders - expected) / Math.sqrt(expected + Math.pow(0.15 * expected, 2));
    }

    /** The median of the same weekday in the three previous weeks that carry no label. */
    private static double baseline(double[] x, int t, boolean[] labelled) {
        double[] previous = new double[3];
        int n = 0;
        for (int w = 1; w <= 6 && n < 3; w++) {
            int s = t - 7 * w;
            if (s >= 0 && !labelled[s] && !Double.isNaN(x[s])) {
                previous[n++] = x[s];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double[] v = Arrays.copyOf(previous, n);
        Arrays.sort(v);
        return v[n / 2];
    }

    /** 1.4826 x MAD of the clean days' log change against their baseline: a robust sd. */
    private static double noise(double[] x, boolean[] labelled) {
        List<Double> logs = new ArrayList<>();
        for (int t = 21; t < x.length; t++) {
            double b = baseline(x, t, labelled);
            if (!labelled[t] && b > 0 && x[t] > 0) {
                logs.add(Math.log(x[t] / b));
            }
        }
        double[] v = logs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = v[v.length / 2];
        double[] dev = Arrays.stream(v).map(d -> Math.abs(d - median)).sorted().toArray();
        return 1.4826 * dev[dev.length / 2];
    }

    private static boolean[] labelledDays(SiteSeries site, List<Incident> incidents) {
        boolean[] labelled = new boolean[site.length()];
        for (Incident i : incidents) {
            if (!i.site().equals(site.site())) {
                continue;
            }
            for (LocalDate d = i.start(); !d.isAfter(i.end()); d = d.plusDays(1)) {
                int t = site.indexOf(d.atStartOfDay());
                if (t >= 0) {
                    labelled[t] = true;
                }
            }
        }
        return labelled;
    }
}
