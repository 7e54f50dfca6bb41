package com.analyticscopilot.data.generate;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Incident;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.data.TimeStep;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded synthetic daily KPIs of many sites with injected, labelled incidents, in the spirit of
 * a multi-shop monitoring study: {@code sessions} (count), {@code conversion_rate} (ratio of
 * sessions) and {@code revenue} (money).
 *
 * <h2>The normal behaviour of a site</h2>
 * <ul>
 *   <li><b>Scale</b>: median sessions per day log-normal around 3,000 (log-sd 1.2), clipped to
 *       [100, 100,000], so sites differ by three orders of magnitude.</li>
 *   <li><b>Weekly seasonality</b>: a site-specific weekday profile, weekends 35 % down (an
 *       office audience) to 25 % up (a leisure audience), weekdays jittered by 4 %.</li>
 *   <li><b>Trend</b>: a yearly growth drawn in [-20 %, +50 %], plus a slow AR(1) drift of the
 *       level (coefficient 0.9, innovations 2 %) and 5 % day-to-day noise; sessions are then
 *       drawn Poisson around that mean.</li>
 *   <li><b>Conversion</b>: a base rate log-uniform in [1 %, 5 %] with 5 % day-to-day wobble;
 *       orders are Binomial(sessions, rate), so a site with 100 sessions has a very noisy
 *       rate, as in real data. {@code conversion_rate} = orders / sessions.</li>
 *   <li><b>Revenue</b>: the sum of the orders' values, each log-normal (log-sd 0.5) around a
 *       site's median order value, log-uniform in [25, 150].</li>
 * </ul>
 *
 * <h2>Incidents</h2>
 * A share of sites ({@link GeneratorSettings#affectedShare()}, 80 % by default) gets 1 to
 * {@link GeneratorSettings#maxIncidentsPerSite()} incidents; the others get none. No incident
 * starts in the first {@value #WARM_UP_DAYS} days (detectors need that history to learn a
 * site's normal), incidents on one site are at least {@value #QUIET_DAYS} days apart (so each
 * has clean weeks before it), and a level shift is always a site's last incident. Each type
 * and how far it moves its KPIs, chosen to be clearly abnormal against a site's own noise but
 * not absurd:
 * <table>
 *   <caption>incident types</caption>
 *   <tr><th>type</th><th>what happens</th><th>days</th><th>labelled KPIs</th></tr>
 *   <tr><td>spike</td><td>sessions x 1.6-3, conversion unchanged</td><td>1-3</td>
 *       <td>sessions (+ revenue)</td></tr>
 *   <tr><td>dip</td><td>sessions x 0.3-0.6</td><td>1-4</td><td>sessions (+ revenue)</td></tr>
 *   <tr><td>level_shift</td><td>sessions x 0.55-0.75 or x 1.35-1.8 from then on (or for
 *       21-60 days)</td><td>21+</td><td>sessions (+ revenue)</td></tr>
 *   <tr><td>tracking_outage</td><td>only 5-30 % of sessions and their orders are recorded:
 *       conversion steady</td><td>1-5</td><td>sessions (+ revenue)</td></tr>
 *   <tr><td>bot_traffic</td><td>80-200 % extra sessions that never buy: conversion falls,
 *       revenue steady</td><td>2-7</td><td>sessions, conversion_rate</td></tr>
 *   <tr><td>checkout_failure</td><td>conversion x 0.1-0.5, sessions steady</td><td>1-3</td>
 *       <td>conversion_rate (+ revenue)</td></tr>
 *   <tr><td>order_value_outlier</td><td>revenue x 2-4 from a few very large orders</td>
 *       <td>1-2</td><td>revenue</td></tr>
 *   <tr><td>market_event</td><td>optional: on one day about 80 % of sites lose 35-65 % (± 10 %) of
 *       sessions together (a holiday)</td><td>1</td><td>sessions (+ revenue)</td></tr>
 * </table>
 * A label names exactly the KPIs whose move is visible: the expected log change of the KPI is
 * at least {@value #VISIBLE_Z} times the expected noise of its mean over the incident's d days
 * (at most 14 for a level shift): {@code 1.25 sqrt((v + 0.075^2) / d + 0.05^2)}, where v is
 * the variance from the volume, {@code 1/n} for a count of n sessions or a rate over n orders
 * and {@code 1.28/n} for the revenue of n orders (1.28 = 1 + the squared coefficient of
 * variation of one order's value), 0.075 the daily noise, 0.05 the drift that does not
 * average out and 1.25 the cost of comparing with a median of earlier weeks. So on a small
 * site a traffic dip shows in sessions but not in its few orders' revenue, and a type whose
 * main move would be invisible there (a checkout failure on a site with three orders a day)
 * is replaced by a traffic incident. A market event skips a site where it would overlap that
 * site's own incident (within {@value #MARKET_BUFFER} days).
 *
 * <p>Every random draw comes from one {@link SplittableRandom} seeded from the settings and
 * split once per site in site order; normal and Poisson draws are computed here, not by the
 * JDK's distribution code, so the same seed gives the same numbers on any Java 17+.
 */
public final class SyntheticKpis {

    /** Days at the start free of incidents: three weeks of history for the detectors. */
    static final int WARM_UP_DAYS = 21;
    /** Minimum gap between two incidents of one site. */
    static final int QUIET_DAYS = 14;
    /**
     * A move is labelled visible when its expected log change is at least this many times the
     * expected noise of the KPI's mean over the incident's days. 3.5: well above the 2.5 at
     * which a one-sided test at 99 % calls a move abnormal, so the realised noise (a bad week,
     * a weekday below the site's median) rarely hides a labelled move.
     */
    static final double VISIBLE_Z = 3.5;
    /**
     * Day-to-day log noise that is there whatever the volume and averages out over days: 5 %
     * noise of the sessions' mean and 5 % wobble of the rate.
     */
    static final double DAILY_NOISE = 0.075;
    /**
     * Log noise that does not average out over a few days: the slow AR(1) drift of a site's
     * level (stationary sd 0.02 / sqrt(1 - 0.9^2) = 0.046), rounded up.
     */
    static final double DRIFT_NOISE = 0.05;
    /**
     * Comparing a day with the median of the same weekday in three earlier weeks adds that
     * median's noise: a factor of about sqrt(1 + pi / (2 x 3)) = 1.23.
     */
    static final double BASELINE_NOISE_FACTOR = 1.25;

    /** Days around a site's own incident that a market event leaves that site alone. */
    static final int MARKET_BUFFER = 3;

    static final String SESSIONS = "sessions";
    static final String CONVERSION = "conversion_rate";
    static final String REVENUE = "revenue";

    /** The KPIs of every generated data set, in column order. */
    public static final List<Kpi> KPIS = List.of(
            new Kpi(SESSIONS, KpiRole.COUNT),
            new Kpi(CONVERSION, KpiRole.RATIO, SESSIONS),
            new Kpi(REVENUE, KpiRole.MONEY));

    private static final String[] TRAFFIC_TYPES = {"spike", "dip", "level_shift",
        "tracking_outage"};
    private static final String[] ALL_TYPES = {"spike", "dip", "level_shift", "tracking_outage",
        "bot_traffic", "checkout_failure", "order_value_outlier"};

    private SyntheticKpis() {
    }

    /** Generates the data set and its labels; the same settings always give the same result. */
    public static GeneratedData generate(GeneratorSettings settings) {
        SplittableRandom root = new SplittableRandom(settings.seed());
        int days = settings.days();
        int width = Math.max(2, Integer.toString(settings.sites()).length());

        // Market events first: their days are shared by all sites.
        SplittableRandom marketRandom = root.split();
        List<int[]> marketDays = new ArrayList<>();
        List<Double> marketDepth = new ArrayList<>();
        for (int e = 0; e < settings.marketEvents() && days > WARM_UP_DAYS; e++) {
            int day = WARM_UP_DAYS + marketRandom.nextInt(days - WARM_UP_DAYS);
            marketDays.add(new int[] {day});
            marketDepth.add(uniform(marketRandom, 0.40, 0.65));
        }

        List<SiteSeries> sites = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();
        for (int s = 0; s < settings.sites(); s++) {
            String id = String.format(Locale.ROOT, "site_%0" + width + "d", s + 1);
            SiteModel site = new SiteModel(id, root.split(), days);
            List<Planned> planned = site.planIncidents(settings);
            for (int e = 0; e < marketDays.size(); e++) {
                site.maybeJoinMarketEvent(marketDays.get(e)[0], marketDepth.get(e), planned);
            }
            planned.sort(Comparator.comparingInt(p -> p.start));
            sites.add(site.simulate(settings.start(), planned));
            for (Planned p : planned) {
                incidents.add(new Incident(id, settings.start().plusDays(p.start),
                        settings.start().plusDays(p.end), p.kpis, p.type));
            }
        }
        Dataset dataset = new Dataset("synthetic seed " + settings.seed(), KPIS, TimeStep.DAILY,
                sites);
        return new GeneratedData(dataset, incidents);
    }

    /** An incident placed on a site: days are offsets from the first day, both inclusive. */
    private static final class Planned {
        final String type;
        final int start;
        final int end;
        final double magnitude;
        final List<String> kpis;

        Planned(String type, int start, int end, double magnitude, List<String> kpis) {
            this.type = type;
            this.start = start;
            this.end = end;
            this.magnitude = magnitude;
            this.kpis = kpis;
        }
    }

    /** One site's hidden parameters and its random stream. */
    private static final class SiteModel {
        private final String id;
        private final SplittableRandom random;
        private final int days;
        private final double scale;
        private final double[] weekday = new double[7];
        private final double growth;
        private final double baseRate;
        private final double medianOrderValue;

        /** Log-sd of one order's value: a few orders a day make revenue jumpy. */
        private static final double ORDER_VALUE_SIGMA = 0.5;

        SiteModel(String id, SplittableRandom random, int days) {
            this.id = id;
            this.random = random;
            this.days = days;
            this.scale = Math.min(100_000, Math.max(100,
                    Math.exp(Math.log(3_000) + 1.2 * gaussian(random))));
            double weekend = uniform(random, -0.35, 0.25);
            double sum = 0;
            for (int d = 0; d < 7; d++) {
                boolean isWeekend = d >= 5;
                weekday[d] = (isWeekend ? 1 + weekend * uniform(random, 0.8, 1.2) : 1)
                        * (1 + 0.04 * gaussian(random));
                sum += weekday[d];
            }
            for (int d = 0; d < 7; d++) {
                weekday[d] *= 7 / sum;
            }
            this.growth = uniform(random, -0.20, 0.50);
            this.baseRate = Math.exp(uniform(random, Math.log(0.01), Math.log(0.05)));
            this.medianOrderValue = Math.exp(uniform(random, Math.log(25), Math.log(150)));
        }

        List<Planned> planIncidents(GeneratorSettings settings) {
            List<Planned> planned = new ArrayList<>();
            if (random.nextDouble() >= settings.affectedShare() || days <= WARM_UP_DAYS) {
                return planned;
            }
            int count = 1 + random.nextInt(settings.maxIncidentsPerSite());
            String[] pool = ALL_TYPES;
            List<String> types = new ArrayList<>();
            boolean shifted = false;
            for (int i = 0; i < count; i++) {
                String type = pool[random.nextInt(pool.length)];
                if (type.equals("level_shift") && random.nextBoolean()) {
                    // Half as likely as the others: a changed normal is the rarer event.
                    type = pool[random.nextInt(pool.length)];
                }
                if (type.equals("level_shift") && shifted) {
                    type = "spike";
                }
                shifted |= type.equals("level_shift");
                types.add(type);
            }
            // A level shift changes the site's normal for good: it comes last.
            types.sort(Comparator.comparing(t -> t.equals("level_shift")));

            // One segment of the usable days per incident; each starts inside its own segment.
            int usable = days - WARM_UP_DAYS;
            int segment = usable / count;
            for (int i = 0; i < count; i++) {
                String type = types.get(i);
                int from = WARM_UP_DAYS + i * segment;
                int duration = duration(type);
                double magnitude = magnitude(type);
                List<String> kpis = labelled(type, magnitude, duration);
                while (kpis.isEmpty()) {
                    // Its main move would drown in this site's noise: a traffic incident instead.
                    type = TRAFFIC_TYPES[random.nextInt(TRAFFIC_TYPES.length)];
                    type = type.equals("level_shift") ? "spike" : type;
                    duration = duration(type);
                    magnitude = magnitude(type);
                    kpis = labelled(type, magnitude, duration);
                }
                int latest = from + segment - duration - (i < count - 1 ? QUIET_DAYS : 0);
                if (type.equals("level_shift")) {
                    latest = from + segment - Math.min(duration, 7);
                }
                if (latest < from) {
                    continue;
                }
                int start = from + random.nextInt(latest - from + 1);
                int end = Math.min(days - 1, start + duration - 1);
                planned.add(new Planned(type, start, end, magnitude, kpis));
            }
            return planned;
        }

        private int duration(String type) {
            return switch (type) {
                case "spike", "checkout_failure" -> 1 + random.nextInt(3);
                case "dip" -> 1 + random.nextInt(4);
                case "tracking_outage" -> 1 + random.nextInt(5);
                case "bot_traffic" -> 2 + random.nextInt(6);
                case "order_value_outlier" -> 1 + random.nextInt(2);
                // Level shift: to the end of the data in 60 % of cases, else 21-60 days.
                case "level_shift" -> random.nextDouble() < 0.6 ? days
                        : 21 + random.nextInt(40);
                default -> throw new IllegalArgumentException(type);
            };
        }

        private double magnitude(String type) {
            return switch (type) {
                case "spike" -> uniform(random, 1.6, 3.0);
                case "dip" -> uniform(random, 0.3, 0.6);
                case "level_shift" -> random.nextBoolean() ? uniform(random, 0.55, 0.75)
                        : uniform(random, 1.35, 1.8);
                case "tracking_outage" -> uniform(random, 0.05, 0.30);
                case "bot_traffic" -> uniform(random, 0.8, 2.0);
                case "checkout_failure" -> uniform(random, 0.1, 0.5);
                case "order_value_outlier" -> uniform(random, 2.0, 4.0);
                default -> throw new IllegalArgumentException(type);
            };
        }

        /**
         * The KPIs an incident visibly moves, by the rule in the class comment; empty when its
         * defining move would not be visible on this site.
         */
        private List<String> labelled(String type, double magnitude, int duration) {
            int days = Math.min(duration, 14);
            double orders = scale * baseRate;
            List<String> kpis = new ArrayList<>();
            switch (type) {
                case "bot_traffic" -> {
                    // Bots add sessions but no orders: the rate falls by 1 / (1 + share).
                    double move = Math.log(1 + magnitude);
                    if (!visible(move, countNoise(orders), days)) {
                        return List.of();
                    }
                    kpis.add(SESSIONS);
                    kpis.add(CONVERSION);
                }
                case "checkout_failure" -> {
                    double move = Math.log(magnitude);
                    if (!visible(move, countNoise(orders * magnitude), days)) {
                        return List.of();
                    }
                    kpis.add(CONVERSION);
                    if (visible(move, revenueNoise(orders * magnitude), days)) {
                        kpis.add(REVENUE);
                    }
                }
                case "order_value_outlier" -> {
                    if (!visible(Math.log(magnitude), revenueNoise(orders), days)) {
                        return List.of();
                    }
                    kpis.add(REVENUE);
                }
                default -> {
                    // Traffic incidents: sessions move, orders follow at a steady rate.
                    double move = Math.log(magnitude);
                    double low = Math.min(1, magnitude);
                    if (!visible(move, countNoise(scale * low), days)) {
                        return List.of();
                    }
                    kpis.add(SESSIONS);
                    if (visible(move, revenueNoise(orders * low), days)) {
                        kpis.add(REVENUE);
                    }
                }
            }
            return List.copyOf(kpis);
        }

        /** {@code variance}: of one day's log value from the volume alone. */
        private static boolean visible(double logMove, double variance, int days) {
            double noise = BASELINE_NOISE_FACTOR * Math.sqrt(
                    (variance + DAILY_NOISE * DAILY_NOISE) / days + DRIFT_NOISE * DRIFT_NOISE);
            return Math.abs(logMove) >= VISIBLE_Z * noise;
        }

        /** Log variance of a count of {@code n}, or of a rate over {@code n} events. */
        private static double countNoise(double n) {
            return 1 / Math.max(n, 0.1);
        }

        /** Log variance of the revenue of {@code n} orders of log-normal values. */
        private static double revenueNoise(double n) {
            double cv2 = Math.exp(ORDER_VALUE_SIGMA * ORDER_VALUE_SIGMA) - 1;
            return (1 + cv2) / Math.max(n, 0.1);
        }

        void maybeJoinMarketEvent(int day, double depth, List<Planned> planned) {
            // Drawn before the overlap check, so joining does not shift later draws.
            boolean joins = random.nextDouble() < 0.8;
            double jitter = uniform(random, 0.9, 1.1);
            if (!joins) {
                return;
            }
            for (Planned p : planned) {
                if (day >= p.start - MARKET_BUFFER && day <= p.end + MARKET_BUFFER) {
                    return;
                }
            }
            double factor = Math.min(0.8, (1 - depth) * jitter);
            List<String> kpis = labelled("market_event", factor, 1);
            if (!kpis.isEmpty()) {
                planned.add(new Planned("market_event", day, day, factor, kpis));
            }
        }

        SiteSeries simulate(LocalDate start, List<Planned> planned) {
            double[] sessionFactor = new double[days];
            double[] botShare = new double[days];
            double[] rateFactor = new double[days];
            double[] valueFactor = new double[days];
            java.util.Arrays.fill(sessionFactor, 1);
            java.util.Arrays.fill(rateFactor, 1);
            java.util.Arrays.fill(valueFactor, 1);
            for (Planned p : planned) {
                for (int t = p.start; t <= p.end; t++) {
                    switch (p.type) {
                        case "spike", "dip", "level_shift", "tracking_outage", "market_event" ->
                                sessionFactor[t] *= p.magnitude;
                        case "bot_traffic" -> botShare[t] = p.magnitude;
                        case "checkout_failure" -> rateFactor[t] *= p.magnitude;
                        case "order_value_outlier" -> valueFactor[t] *= p.magnitude;
                        default -> throw new IllegalStateException(p.type);
                    }
                }
            }

            double[][] values = new double[3][days];
            int firstWeekday = start.getDayOfWeek().getValue() - 1;
            double drift = 0;
            double orderMean = medianOrderValue
                    * Math.exp(ORDER_VALUE_SIGMA * ORDER_VALUE_SIGMA / 2);
            double orderSd = orderMean
                    * Math.sqrt(Math.exp(ORDER_VALUE_SIGMA * ORDER_VALUE_SIGMA) - 1);
            for (int t = 0; t < days; t++) {
                drift = 0.9 * drift + 0.02 * gaussian(random);
                double mean = scale * weekday[(firstWeekday + t) % 7]
                        * Math.exp(growth * t / 365.0 + drift + 0.05 * gaussian(random));
                long human = poisson(random, mean * sessionFactor[t]);
                long bots = botShare[t] > 0 ? poisson(random, human * botShare[t]) : 0;
                double rate = Math.min(0.5, baseRate * rateFactor[t]
                        * Math.exp(0.05 * gaussian(random)));
                long orders = binomial(random, human, rate);
                double revenue = sumOfOrders(random, orders, orderMean, orderSd)
                        * valueFactor[t];
                long sessions = human + bots;
                values[0][t] = sessions;
                values[1][t] = sessions == 0 ? Double.NaN
                        : Math.round(1e6 * orders / (double) sessions) / 1e6;
                values[2][t] = Math.round(revenue * 100) / 100.0;
            }
            return new SiteSeries(id, start.atStartOfDay(), TimeStep.DAILY, values);
        }

        /** Sum of {@code n} log-normal order values; a normal approximation past 30 orders. */
        private double sumOfOrders(SplittableRandom r, long n, double mean, double sd) {
            if (n <= 30) {
                double sum = 0;
                for (long i = 0; i < n; i++) {
                    sum += medianOrderValue * Math.exp(ORDER_VALUE_SIGMA * gaussian(r));
                }
                return sum;
            }
            return Math.max(0, n * mean + Math.sqrt(n) * sd * gaussian(r));
        }
    }

    // ------------------------------------------------------------------ random draws

    static double uniform(SplittableRandom r, double low, double high) {
        return low + (high - low) * r.nextDouble();
    }

    /** A standard normal draw by Box-Muller (one of the pair; simple and reproducible). */
    static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Poisson: exact (Knuth) below a mean of 30, a rounded normal above. */
    static long poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 30) {
            double limit = Math.exp(-mean);
            long k = 0;
            double p = r.nextDouble();
            while (p > limit) {
                k++;
                p *= r.nextDouble();
            }
            return k;
        }
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(r)));
    }

    /** Binomial: exact below 50 trials, Poisson for rare events, a rounded normal above. */
    static long binomial(SplittableRandom r, long n, double p) {
        if (n < 50) {
            long k = 0;
            for (long i = 0; i < n; i++) {
                if (r.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        double mean = n * p;
        if (mean < 30) {
            return Math.min(n, poisson(r, mean));
        }
        long k = Math.round(mean + Math.sqrt(mean * (1 - p)) * gaussian(r));
        return Math.max(0, Math.min(n, k));
    }
}
