package com.analyticscopilot.detect;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.detect.stl.KpiScale;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

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
                .map(s -> scoreSite(dataset, s, method)).toList());

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

        // Phase 3: calibrate, fuse, threshold.
        Map<String, List<SeriesScores>> bySite = new LinkedHashMap<>();
        for (RawSite r : raw) {
            bySite.put(r.site.site(), finish(dataset, r, method));
        }

        List<AnomalyEvent> events = new EventBuilder(dataset, settings, bySite).build();
        LOG.info("detected {} events over {} sites x {} KPIs with {} in {} ms", events.size(),
                sites.size(), dataset.kpis().size(), method.label(),
                (System.nanoTime() - started) / 1_000_000);
        return new DetectionResult(dataset, settings, method, notes, bySite, events);
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
        List<Double> edge = new ArrayList<>();
        List<Double> middle = new ArrayList<>();
        for (RawSite r : raw) {
            double[] z = r.stl[k].z();
            int n = z.length;
            for (int t = 0; t < n; t++) {
                if (Double.isNaN(z[t])) {
                    continue;
                }
                boolean atEdge = t < period || t >= n - period;
                (atEdge ? edge : middle).add(Math.abs(z[t]));
            }
        }
        // Thirty values per side: below that, the ratio of two medians is too noisy to act on.
        if (edge.size() < 30 || middle.size() < 30) {
            return 1;
        }
        double e = RobustScale.median(edge.stream().mapToDouble(Double::doubleValue).toArray());
        double m = RobustScale.median(middle.stream().mapToDouble(Double::doubleValue).toArray());
        return m > 0 ? e / m : 1;
    }

    private static void divideEdges(double[] z, int period, double factor) {
        int n = z.length;
        for (int t = 0; t < n; t++) {
            if (t < period || t >= n - period) {
                z[t] /= factor;
            }
        }
    }

    private List<SeriesScores> finish(Dataset dataset, RawSite r, DetectionMethod method) {
        List<SeriesScores> out = new ArrayList<>();
        List<Kpi> kpis = dataset.kpis();
        for (int k = 0; k < kpis.size(); k++) {
            Kpi kpi = kpis.get(k);
            StlScores s = r.stl[k];
            double[] observed = r.site.series(k);
            int n = observed.length;

            double[] lstm = new double[n];
            double[] forecast = new double[n];
            Arrays.fill(lstm, Double.NaN);
            Arrays.fill(forecast, Double.NaN);
            if (r.neural != null) {
                forecast = r.neural.forecast()[k].clone();
                lstm = Calibration.standardise(s.judged()
                        ? Calibration.onStlScale(observed, forecast, s, r.logShift[k])
                        : r.neural.score()[k]);
            }

            double rho = method == DetectionMethod.HYBRID ? Fusion.correlation(s.z(), lstm) : 0;
            double[] score = new double[n];
            double[] strength = new double[n];
            double[] expected = new double[n];
            for (int t = 0; t < n; t++) {
                double stlZ = s.z()[t];
                switch (method) {
                    case STL -> score[t] = stlZ;
                    case LSTM -> score[t] = lstm[t];
                    case HYBRID -> score[t] = Fusion.fuse(stlZ, lstm[t], rho);
                    default -> throw new IllegalStateException("unknown method " + method);
                }
                strength[t] = method == DetectionMethod.HYBRID
                        ? Fusion.strength(stlZ, lstm[t], rho) : score[t];
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
