package com.analyticscopilot.bench;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Incident;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.data.TimeStep;
import com.analyticscopilot.data.generate.GeneratedData;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A second, independent generator of labelled KPI data, written to check that detection is
 * not fitted to {@code SyntheticKpis}: other KPI names (visits, cr, sales), over-dispersed
 * (gamma-Poisson) counts, AR(1) day-to-day noise, a random-walk level, a slow wave of 60-150
 * days, per-site weekly profiles (some sites busier at weekends), gamma order values (CV 0.71)
 * and its own incident mix and sizes. Not a test: run by hand.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     com.analyticscopilot.bench.AltGenerator OUT_DIR [seed] [sites] [days]
 * </pre>
 * Writes OUT_DIR/kpis.csv, kpis.roles.csv and labels.csv, ready for {@code copilot pretrain}
 * and {@code copilot evaluate}.
 */
public final class AltGenerator {

    private static final LocalDate START = LocalDate.of(2024, 3, 4);
    private static final int WARM_UP = 28;
    private static final int GAP = 10;

    private AltGenerator() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        int sites = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int days = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        GeneratedData data = generate(seed, sites, days);
        data.writeTo(out);
        System.out.printf(Locale.ROOT, "wrote %s: %d sites x %d days, %d incidents%n", out, sites,
                days, data.incidents().size());
    }

    static GeneratedData generate(long seed, int siteCount, int days) {
        RandomGenerator rng = new MersenneTwister(seed);
        List<Kpi> kpis = List.of(new Kpi("visits", KpiRole.COUNT),
                new Kpi("cr", KpiRole.RATIO, "visits"), new Kpi("sales", KpiRole.MONEY));
        List<SiteSeries> sites = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();
        for (int s = 0; s < siteCount; s++) {
            String id = String.format(Locale.ROOT, "shop-%03d", s + 1);
            sites.add(site(rng, id, days, incidents));
        }
        return new GeneratedData(new Dataset("alt-generator", kpis, TimeStep.DAILY, sites),
                incidents);
    }

    private static SiteSeries site(RandomGenerator rng, String id, int days,
                                   List<Incident> incidents) {
        double base = Math.exp(uniform(rng, 5.0, 10.5));
        double[] week = new double[7];
        double weekend = uniform(rng, 0.55, 1.25);
        for (int d = 0; d < 7; d++) {
            week[d] = (d >= 5 ? weekend : 1.0) * Math.exp(0.08 * rng.nextGaussian());
        }
        double waveAmplitude = uniform(rng, 0, 0.15);
        double wavePeriod = uniform(rng, 60, 150);
        double wavePhase = uniform(rng, 0, 2 * Math.PI);
        double noiseSd = uniform(rng, 0.04, 0.12);
        double rate = uniform(rng, 0.005, 0.06);
        double orderValue = uniform(rng, 20, 200);

        // Multipliers that incidents apply, per KPI and day.
        double[] visitsFactor = ones(days);
        double[] rateFactor = ones(days);
        double[] salesFactor = ones(days);
        plan(rng, id, days, base * rate, visitsFactor, rateFactor, salesFactor, incidents);

        double[][] v = new double[3][days];
        double walk = 0;
        double ar = 0;
        double rateAr = 0;
        for (int t = 0; t < days; t++) {
            walk += 0.01 * rng.nextGaussian();
            ar = 0.4 * ar + noiseSd * rng.nextGaussian();
            rateAr = 0.3 * rateAr + 0.1 * rng.nextGaussian();
            double wave = waveAmplitude * Math.sin(2 * Math.PI * t / wavePeriod + wavePhase);
            double mean = base * week[(START.getDayOfWeek().getValue() - 1 + t) % 7]
                    * Math.exp(walk + wave + ar) * visitsFactor[t];
            // Gamma-Poisson: over-dispersed counts (shape 50: 14 % extra spread).
            double lambda = mean * new GammaDistribution(rng, 50, 1.0 / 50).sample();
            int visits = (int) Math.min(new PoissonDistribution(rng, Math.max(lambda, 1e-9),
                    1e-12, 10_000_000).sample(), Integer.MAX_VALUE);
            double p = Math.min(0.5, rate * Math.exp(rateAr) * rateFactor[t]);
            int orders = visits == 0 ? 0 : new BinomialDistribution(rng, visits, p).sample();
            double sales = 0;
            if (orders > 0) {
                // A sum of n gamma(2, m/2) order values is gamma(2n, m/2).
                sales = new GammaDistribution(rng, 2.0 * orders, orderValue / 2).sample();
            }
            v[0][t] = visits;
            v[1][t] = visits == 0 ? Double.NaN : (double) orders / visits;
            v[2][t] = Math.round(sales * salesFactor[t] * 100) / 100.0;
        }
        return new SiteSeries(id, START.atStartOfDay(), TimeStep.DAILY, v);
    }

    /**
     * Places 0-4 incidents, at least {@value #GAP} days apart, after the warm-up, and records
     * their labels. A conversion drop needs enough orders to be seen (30 a day); else it becomes
     * a traffic drop.
     */
    private static void plan(RandomGenerator rng, String id, int days, double ordersPerDay,
                             double[] visits, double[] rate, double[] sales,
                             List<Incident> incidents) {
        int count = new PoissonDistribution(rng, 1.8, 1e-12, 1000).sample();
        int from = WARM_UP;
        for (int i = 0; i < Math.min(count, 4) && from < days - 3; i++) {
            int start = from + rng.nextInt(Math.max(1, (days - from) / 2));
            String type = new String[] {"spike", "drop", "level_shift", "conversion_drop",
                "sales_spike"}[rng.nextInt(5)];
            if (type.equals("conversion_drop") && ordersPerDay < 30) {
                type = "drop";
            }
            int length = switch (type) {
                case "spike" -> 1 + rng.nextInt(2);
                case "drop" -> 1 + rng.nextInt(4);
                case "conversion_drop" -> 1 + rng.nextInt(3);
                case "sales_spike" -> 1;
                default -> rng.nextBoolean() ? days - start : 30 + rng.nextInt(41);
            };
            int end = Math.min(days, start + length);
            double size = switch (type) {
                case "spike" -> uniform(rng, 1.8, 3.5);
                case "drop" -> uniform(rng, 0.2, 0.5);
                case "conversion_drop" -> uniform(rng, 0.2, 0.5);
                case "sales_spike" -> uniform(rng, 2.5, 5);
                default -> rng.nextBoolean() ? uniform(rng, 0.6, 0.78) : uniform(rng, 1.3, 1.7);
            };
            List<String> moved = switch (type) {
                case "conversion_drop" -> List.of("cr", "sales");
                case "sales_spike" -> List.of("sales");
                default -> List.of("visits", "sales");
            };
            for (int t = start; t < end; t++) {
                switch (type) {
                    case "conversion_drop" -> rate[t] *= size;
                    case "sales_spike" -> sales[t] *= size;
                    default -> visits[t] *= size;
                }
            }
            incidents.add(new Incident(id, START.plusDays(start), START.plusDays(end - 1), moved,
                    type));
            // A temporary shift's return to the old level falls in its label's window (up to
            // two days after its end); the next incident starts well after it.
            from = end + GAP;
        }
    }

    private static double[] ones(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, 1.0);
        return out;
    }

    private static double uniform(RandomGenerator rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
