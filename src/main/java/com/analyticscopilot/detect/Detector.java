package com.analyticscopilot.detect;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.detect.stl.KpiScale;
import com.analyticscopilot.detect.stl.LevelShiftScan;
import com.analyticscopilot.detect.stl.RobustScale;
import com.analyticscopilot.detect.stl.StlAnomalyScorer;
import com.analyticscopilot.detect.stl.StlScores;
import com.analyticscopilot.forecast.NeuralScores;
import com.analyticscopilot.forecast.ResidualScorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * Finds anomalies in a data set: STL and robust z-scores for every site and KPI, the neural
 * view's scores when a {@link ResidualScorer} is given, calibration and fusion, thresholds,
 * severity and events. Sites are scored in parallel on a pool of its own that lives for one
 * {@link #detect} call. See docs/scoring.md for the maths.
 */
public final class Detector {

    /** The site name of an event shared by most of the portfolio. */
    public static final String PORTFOLIO = "portfolio";

    /**
     * Bounds of a per-site offset, in score units: feedback may make a site up to 3 units less
     * sensitive (an analyst tired of a noisy site) but only 1 unit more, so that learning from
     * feedback cannot flood the report with noise.
     */
    public static final double MAX_OFFSET_UP = 3.0;
    public static final double MAX_OFFSET_DOWN = 1.0;

    /** No local threshold goes below 2 standard-normal units, which flags 1 point in 22. */
    public static final double MIN_THRESHOLD = 2.0;

    /**
     * The level-shift scan compares three cycles on each side (three weeks of daily data): its
     * noise is then 1.25 sqrt(2 / 21) = 0.39 of a day's, so a lasting shift of two daily
     * spreads scores about 5, and a level that holds for less than three weeks is an incident
     * rather than a new normal.
     */
    static final int SCAN_WINDOW_CYCLES = 3;

    /**
     * At least two cycles after a change before the scan judges it: a median of 14 days is not
     * moved far by an incident of under a week, so a dip at the very end is not called a shift.
     */
    static final int SCAN_MIN_AFTER_CYCLES = 2;

    /** The median of |Z| for a standard normal Z: Phi^-1(3/4). */
    private static final double MEDIAN_ABS_NORMAL = 0.6745;

    private static final Logger LOG = LoggerFactory.getLogger(Detector.class);

    private final DetectionSettings settings;
    private final ResidualScorer scorer;
    private final ThresholdAdjustments adjustments;

    /**
     * @param settings    how to detect
     * @param scorer      the neural view, or {@code null} when no model is available
     * @param adjustments per-site and per-KPI threshold offsets (feedback)
     */
    public Detector(DetectionSettings settings, ResidualScorer scorer,
                    ThresholdAdjustments adjustments) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scorer = scorer;
        this.adjustments = adjustments == null ? ThresholdAdjustments.NONE : adjustments;
    }

    /** The method a run will use with what is available. */
    public DetectionMethod method() {
        DetectionMethod asked = settings.method();
        if (asked == null) {
            return scorer == null ? DetectionMethod.STL : DetectionMethod.HYBRID;
        }
        return scorer == null ? DetectionMethod.STL : asked;
    }

    /** Runs detection over every site of the data set. */
    public DetectionResult detect(Dataset dataset) {
        return detect(dataset, () -> false);
    }

    /**
     * Runs detection over every site of the data set, giving up when {@code cancelled} says so:
     * it is asked before each site and between the phases, and a cancelled run throws
     * {@link CancellationException} instead of finishing work nobody waits for.
     */
    public DetectionResult detect(Dataset dataset, BooleanSupplier cancelled) {
        Objects.requireNonNull(cancelled, "cancelled");
        long started = System.nanoTime();
        List<String> notes = new ArrayList<>();
        DetectionMethod method = method();
        if (settings.method() != null && settings.method() != DetectionMethod.STL
                && scorer == null) {
            String note = "no neural model available: " + settings.method().label()
                    + " fell back to STL only";
            notes.add(note);
            LOG.warn(note);
        } else if (scorer == null) {
            notes.add("statistical view only (STL); give a model for the hybrid score");
        }

        // Phase 1, in parallel over sites: STL and the neural view's raw scores.
        List<SiteSeries> sites = dataset.sites();
        List<RawSite> raw = inPool(() -> sites.parallelStream()
                .map(s -> {
                    stopIf(cancelled);
                    return scoreSite(dataset, s, method);
                }).toList());
        stopIf(cancelled);

        // Phase 2: the ends of a series are judged by one-sided loess and come out noisier than
        // the middle; measure by how much, pooled over sites, and correct for it.
        int period = settings.stl().period() != null ? settings.stl().period()
                : dataset.step().defaultPeriod();
        for (int k = 0; k < dataset.kpis().size(); k++) {
            double factor = edgeFactor(raw, k, period);
            if (factor > 1) {
                LOG.debug("KPI {}: ends of series score {}x wider than the middle; corrected",
                        dataset.kpis().get(k).name(), factor);
                for (RawSite r : raw) {
                    divideEdges(r.stl[k].z(), period, factor);
                }
            }
        }

        // Phase 2b: the level-shift scan joins the STL view.
        if (settings.levelShifts()) {
            for (int k = 0; k < dataset.kpis().size(); k++) {
                addLevelShifts(raw, k, period);
            }
        }

        stopIf(cancelled);

        // Phase 3: calibrate the neural view, estimate how the two views correlate per KPI,
        // fuse, threshold.
        List<double[][]> neural = raw.stream().map(Detector::calibrateNeural).toList();
        if (settings.levelShifts() && method != DetectionMethod.STL) {
            for (int k = 0; k < dataset.kpis().size(); k++) {
                addNeuralLevelShifts(neural, k, period);
            }
        }
        double[] rho = new double[dataset.kpis().size()];
        if (method == DetectionMethod.HYBRID) {
            for (int k = 0; k < rho.length; k++) {
                List<double[]> stl = new ArrayList<>();
                List<double[]> lstm = new ArrayList<>();
                for (int i = 0; i < raw.size(); i++) {
                    stl.add(raw.get(i).stl[k].z());
                    lstm.add(neural.get(i)[k]);
                }
                rho[k] = Fusion.pooledCorrelation(stl, lstm);
                LOG.debug("KPI {}: the views correlate at {} on typical steps",
                        dataset.kpis().get(k).name(), rho[k]);
            }
        }
        Map<String, List<SeriesScores>> bySite = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            RawSite r = raw.get(i);
            bySite.put(r.site.site(), finish(dataset, r, neural.get(i), rho, method));
        }

        List<AnomalyEvent> events = new EventBuilder(dataset, settings, bySite).build();
        LOG.info("detected {} events over {} sites x {} KPIs with {} in {} ms", events.size(),
                sites.size(), dataset.kpis().size(), method.label(),
                (System.nanoTime() - started) / 1_000_000);
        return new DetectionResult(dataset, settings, method, notes, bySite, events);
    }

    private static void stopIf(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("detection was cancelled");
        }
    }

    private <T> T inPool(java.util.concurrent.Callable<T> work) {
        int threads = settings.threads() > 0 ? settings.threads()
                : Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("detection was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("detection failed: " + cause, cause);
        } finally {
            pool.shutdown();
        }
    }

    /** Raw scores of one site before calibration. */
    private record RawSite(SiteSeries site, StlScores[] stl, double[] logShift,
                           NeuralScores neural) {
    }

    private RawSite scoreSite(Dataset dataset, SiteSeries site, DetectionMethod method) {
        List<Kpi> kpis = dataset.kpis();
        StlAnomalyScorer stl = new StlAnomalyScorer(settings.stl(),
                dataset.step().defaultPeriod());
        StlScores[] scores = new StlScores[kpis.size()];
        // The constant c of each KPI's working scale log(x + c): 1 (log1p) unless money below.
        double[] shifts = new double[kpis.size()];
        Arrays.fill(shifts, 1.0);

        // Counts and other values first: ratios and money are judged with the volume behind
        // them, and money's transaction count comes from the expected volume.
        for (int k = 0; k < kpis.size(); k++) {
            KpiRole role = kpis.get(k).role();
            if (role != KpiRole.RATIO && role != KpiRole.MONEY) {
                scores[k] = stl.score(site.series(k), role, null);
            }
        }
        for (int k = 0; k < kpis.size(); k++) {
            Kpi kpi = kpis.get(k);
            if (kpi.role() == KpiRole.RATIO) {
                double[] volume = kpi.volumeKpi() == null ? null
                        : site.series(dataset.kpiIndex(kpi.volumeKpi()));
                scores[k] = stl.score(site.series(k), kpi.role(), volume);
            }
        }
        double[] transactions = expectedTransactions(dataset, site, scores);
        for (int k = 0; k < kpis.size(); k++) {
            if (kpis.get(k).role() == KpiRole.MONEY) {
                double shift = transactions == null ? 1.0
                        : halfTransactionValue(site.series(k), transactions);
                shifts[k] = shift;
                scores[k] = stl.score(site.series(k), KpiRole.MONEY, transactions, shift);
            }
        }

        NeuralScores neural = null;
        if (method != DetectionMethod.STL) {
            // A trained network is not guaranteed to be safe to call from two threads at once.
            synchronized (scorer) {
                neural = scorer.score(dataset, site);
            }
        }
        return new RawSite(site, scores, shifts, neural);
    }

    /**
     * The expected number of transactions behind money on each step: the conversion rate's
     * expected volume times the site's overall conversion rate. The conversion rate is the ratio
     * KPI whose name says so, else the first ratio with a volume. {@code null} when the data set
     * has no such ratio.
     */
    private static double[] expectedTransactions(Dataset dataset, SiteSeries site,
                                                 StlScores[] scores) {
        Kpi conversion = null;
        for (Kpi kpi : dataset.kpis()) {
            if (kpi.role() == KpiRole.RATIO && kpi.volumeKpi() != null && (conversion == null
                    || kpi.name().toLowerCase(java.util.Locale.ROOT).contains("conv"))) {
                conversion = kpi;
            }
        }
        if (conversion == null) {
            return null;
        }
        int v = dataset.kpiIndex(conversion.volumeKpi());
        double[] rate = site.series(dataset.kpiIndex(conversion.name()));
        double[] volume = site.series(v);
        double successes = 0;
        double trials = 0;
        for (int t = 0; t < rate.length; t++) {
            if (!Double.isNaN(rate[t]) && !Double.isNaN(volume[t])) {
                successes += rate[t] * volume[t];
                trials += volume[t];
            }
        }
        if (!(trials > 0)) {
            return null;
        }
        double overall = successes / trials;
        double[] expectedVolume = scores[v].expected();
        double[] out = new double[rate.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = expectedVolume[t] * overall;
        }
        return out;
    }

    /** Half the site's average money per transaction: total money over total transactions. */
    private static double halfTransactionValue(double[] money, double[] transactions) {
        double sum = 0;
        double count = 0;
        for (int t = 0; t < money.length; t++) {
            if (!Double.isNaN(money[t]) && !Double.isNaN(transactions[t])) {
                sum += money[t];
                count += transactions[t];
            }
        }
        double half = count > 0 ? 0.5 * sum / count : Double.NaN;
        return half > 0 && Double.isFinite(half) ? half : 1.0;
    }

    private static double edgeFactor(List<RawSite> raw, int k, int period) {
        DoubleStream.Builder edge = DoubleStream.builder();
        DoubleStream.Builder middle = DoubleStream.builder();
        int edges = 0;
        int middles = 0;
        for (RawSite r : raw) {
            double[] z = r.stl[k].z();
            int n = z.length;
            for (int t = 0; t < n; t++) {
                if (Double.isNaN(z[t])) {
                    continue;
                }
                if (t < period || t >= n - period) {
                    edge.add(Math.abs(z[t]));
                    edges++;
                } else {
                    middle.add(Math.abs(z[t]));
                    middles++;
                }
            }
        }
        // Thirty values per side: below that, the ratio of two medians is too noisy to act on.
        if (edges < 30 || middles < 30) {
            return 1;
        }
        double e = RobustScale.median(edge.build().toArray());
        double m = RobustScale.median(middle.build().toArray());
        return m > 0 ? e / m : 1;
    }

    /**
     * Adds the level-shift scan to the STL view of KPI k (docs/scoring.md section 3b). It
     * compares levels of the deseasonalised series, trend + remainder, with the series'
     * ordinary drift taken out.
     */
    private void addLevelShifts(List<RawSite> raw, int k, int period) {
        List<double[]> scores = new ArrayList<>();
        List<double[]> series = new ArrayList<>();
        List<double[]> spreads = new ArrayList<>();
        for (RawSite r : raw) {
            StlScores s = r.stl[k];
            int n = s.z().length;
            double[] d = new double[n];
            double slope = ordinarySlope(s.trend());
            for (int t = 0; t < n; t++) {
                d[t] = s.trend()[t] + s.remainder()[t] - slope * t;
            }
            scores.add(s.z());
            series.add(d);
            spreads.add(s.sigma());
        }
        scanLevels(scores, series, spreads, period, "the STL view, KPI " + k);
    }

    /**
     * Adds the level-shift scan to the neural view of KPI k. A forecaster that lags a new level
     * makes errors of one sign for days after it; on its calibrated scores (unit spread, centred)
     * the scan sees that run as a change of their level, which is the neural view's evidence for
     * the same shift the STL view's scan sees in the data.
     */
    private void addNeuralLevelShifts(List<double[][]> neural, int k, int period) {
        List<double[]> scores = new ArrayList<>();
        List<double[]> series = new ArrayList<>();
        List<double[]> spreads = new ArrayList<>();
        for (double[][] site : neural) {
            double[] z = site[k];
            double[] unit = new double[z.length];
            Arrays.fill(unit, 1.0);
            scores.add(z);
            series.add(z.clone());
            spreads.add(unit);
        }
        scanLevels(scores, series, spreads, period, "the neural view, KPI " + k);
    }

    /**
     * The level-shift scan over one KPI of every site: the statistic of each series, checked
     * against the standard normal by its median |T| pooled over the sites and widened if that
     * is larger than a normal's (never narrowed); at each finding the score becomes the scan's
     * where that is the larger of the two.
     *
     * @param scores  each site's scores, changed in place
     * @param series  what the scan compares, per site
     * @param spreads the per-step spread of each series
     */
    private void scanLevels(List<double[]> scores, List<double[]> series,
                            List<double[]> spreads, int period, String what) {
        int window = SCAN_WINDOW_CYCLES * period;
        int minAfter = SCAN_MIN_AFTER_CYCLES * period;
        int sites = scores.size();
        // Per site, in parallel: the statistic, and where its findings are.
        List<double[][]> scanned = inPool(() -> IntStream.range(0, sites).parallel()
                .mapToObj(i -> {
                    double[] stat = LevelShiftScan.statistic(series.get(i), spreads.get(i),
                            window, minAfter);
                    double[] changes = LevelShiftScan.changes(stat, series.get(i),
                            spreads.get(i), window);
                    return new double[][] {stat, changes};
                }).toList());
        DoubleStream.Builder pooled = DoubleStream.builder();
        int values = 0;
        for (double[][] site : scanned) {
            for (double v : site[0]) {
                if (!Double.isNaN(v)) {
                    pooled.add(Math.abs(v));
                    values++;
                }
            }
        }
        // Thirty values, as for the edge factor: fewer give too rough a median to act on.
        if (values < 30) {
            return;
        }
        double median = RobustScale.median(pooled.build().toArray());
        double factor = Math.max(1, median / MEDIAN_ABS_NORMAL);
        LOG.debug("level-shift scan of {}: pooled median |T| {}, divided by {}", what, median,
                factor);
        for (int i = 0; i < sites; i++) {
            double[] z = scores.get(i);
            double[] changes = scanned.get(i)[1];
            for (int t = 0; t < z.length; t++) {
                double c = changes[t] / factor;
                if (!Double.isNaN(c) && !Double.isNaN(z[t]) && Math.abs(c) > Math.abs(z[t])) {
                    z[t] = c;
                }
            }
        }
    }

    /**
     * The series' ordinary drift per step: the median step-to-step change of its STL trend. A
     * level shift bends the trend only over one trend window, a minority of the steps, so the
     * median ignores it; growth or decline that runs through the series is taken out before the
     * scan compares levels, or every precisely measured growing site would look shifted.
     */
    static double ordinarySlope(double[] trend) {
        if (trend.length < 2) {
            return 0;
        }
        double[] steps = new double[trend.length - 1];
        for (int t = 0; t + 1 < trend.length; t++) {
            steps[t] = trend[t + 1] - trend[t];
        }
        double slope = RobustScale.median(steps);
        return Double.isNaN(slope) ? 0 : slope;
    }

    private static void divideEdges(double[] z, int period, double factor) {
        int n = z.length;
        for (int t = 0; t < n; t++) {
            if (t < period || t >= n - period) {
                z[t] /= factor;
            }
        }
    }

    /**
     * The neural view's calibrated scores of one site, per KPI (docs/scoring.md section 4); all
     * {@code NaN} when there is no neural view.
     */
    private static double[][] calibrateNeural(RawSite r) {
        double[][] out = new double[r.stl.length][];
        for (int k = 0; k < out.length; k++) {
            StlScores s = r.stl[k];
            if (r.neural == null) {
                out[k] = new double[s.z().length];
                Arrays.fill(out[k], Double.NaN);
            } else {
                out[k] = Calibration.standardise(s.judged()
                        ? Calibration.onStlScale(r.site.series(k), r.neural.forecast()[k], s,
                                r.logShift[k])
                        : r.neural.score()[k]);
            }
        }
        return out;
    }

    private List<SeriesScores> finish(Dataset dataset, RawSite r, double[][] neural,
                                      double[] rho, DetectionMethod method) {
        List<SeriesScores> out = new ArrayList<>();
        List<Kpi> kpis = dataset.kpis();
        for (int k = 0; k < kpis.size(); k++) {
            Kpi kpi = kpis.get(k);
            StlScores s = r.stl[k];
            double[] observed = r.site.series(k);
            int n = observed.length;

            double[] lstm = neural[k];
            double[] forecast = new double[n];
            Arrays.fill(forecast, Double.NaN);
            if (r.neural != null) {
                forecast = r.neural.forecast()[k].clone();
            }
            double[] score = new double[n];
            double[] strength = new double[n];
            double[] expected = new double[n];
            for (int t = 0; t < n; t++) {
                double stlZ = s.z()[t];
                switch (method) {
                    case STL -> score[t] = stlZ;
                    case LSTM -> score[t] = lstm[t];
                    case HYBRID -> score[t] = Fusion.fuse(stlZ, lstm[t], rho[k]);
                    default -> throw new IllegalStateException("unknown method " + method);
                }
                strength[t] = method == DetectionMethod.HYBRID
                        ? Fusion.strength(stlZ, lstm[t], rho[k]) : score[t];
                boolean useForecast = method == DetectionMethod.LSTM && !Double.isNaN(forecast[t]);
                expected[t] = useForecast ? forecast[t] : s.expected()[t];
            }

            double offset = adjustments.offset(r.site.site(), kpi.name());
            offset = Double.isNaN(offset) ? 0
                    : Math.max(-MAX_OFFSET_DOWN, Math.min(MAX_OFFSET_UP, offset));
            double threshold = Math.max(MIN_THRESHOLD, settings.effectiveThreshold() + offset);
            boolean[] flagged = new boolean[n];
            for (int t = 0; t < n; t++) {
                // A missing observation is never flagged: there is nothing to judge.
                flagged[t] = !Double.isNaN(observed[t]) && Math.abs(score[t]) >= threshold;
            }
            double[] stlZ = s.z().clone();
            out.add(new SeriesScores(r.site.site(), kpi, s.scale() == null ? KpiScale.RAW
                    : s.scale(), observed, expected, s.trend(), s.seasonal(), s.remainder(),
                    stlZ, lstm, score, strength, flagged, threshold));
        }
        return out;
    }
}
