package com.analyticscopilot.app.service;

import com.analyticscopilot.app.task.TaskProgress;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.detect.AnomalyPoint;
import com.analyticscopilot.detect.DetectionResult;
import com.analyticscopilot.detect.DetectionSettings;
import com.analyticscopilot.detect.Detector;
import com.analyticscopilot.detect.SeriesScores;
import com.analyticscopilot.detect.ThresholdAdjustments;
import com.analyticscopilot.detect.stl.KpiScale;
import com.analyticscopilot.forecast.LstmForecaster;
import com.analyticscopilot.forecast.ResidualScorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Detection through the detect part's {@link Detector}: STL alone without a model, hybrid with
 * one. Adds what only the workbench needs, the normal band around the expected value.
 */
public final class DetectorService implements DetectionService {

    private static final Logger LOG = LoggerFactory.getLogger(DetectorService.class);

    /**
     * Residuals with a score this small say little about the spread (they divide noise by
     * noise), so the band's spread is estimated from the others.
     */
    private static final double MIN_SCORE_FOR_SPREAD = 0.5;

    private final DetectionSettings base;
    /** The neural scores of the current model on the current data, kept across slider moves. */
    private volatile CachingScorer cache;

    /** @param base the settings to start from; the slider only changes the sensitivity */
    public DetectorService(DetectionSettings base) {
        this.base = base;
    }

    public DetectorService() {
        this(DetectionSettings.defaults());
    }

    /**
     * The detector's sensitivity for a slider position in [0, 1]: 4^(2p - 1), so the middle is
     * the detector's default 1, the ends its limits 0.25 and 4, and equal slider steps multiply
     * the threshold by equal factors.
     */
    public static double sensitivityFactor(double position) {
        double p = Math.max(0, Math.min(1, position));
        return Math.pow(4, 2 * p - 1);
    }

    @Override
    public Analysis analyse(Dataset dataset, double sensitivity, ResidualScorer scorer,
                            ThresholdAdjustments adjustments, TaskProgress progress) {
        DetectionSettings settings = base.withSensitivity(sensitivityFactor(sensitivity));
        DetectionResult result = new Detector(settings, cached(usable(scorer, dataset), dataset),
                adjustments)
                .detect(dataset, progress::isCancelled);
        if (progress.isCancelled()) {
            throw new CancellationException("detection was superseded");
        }

        Map<String, List<AnomalyPoint>> pointsBySite = new HashMap<>();
        for (AnomalyPoint p : result.points()) {
            pointsBySite.computeIfAbsent(p.site(), s -> new ArrayList<>()).add(p);
        }
        Map<String, SiteTrace> traces = new HashMap<>();
        for (SiteSeries site : dataset.sites()) {
            List<KpiTrace> kpis = new ArrayList<>();
            for (Kpi kpi : dataset.kpis()) {
                result.series(site.site(), kpi.name()).ifPresent(s -> kpis.add(trace(s)));
            }
            traces.put(site.site(), new SiteTrace(site, kpis, pointsBySite.getOrDefault(site.site(),
                    List.of())));
        }
        return new Analysis(dataset, sensitivity, result.method().label(), result.events(), traces);
    }

    /**
     * The model when it fits the data (same KPIs and roles); otherwise none, so a file with other
     * KPIs is still scored, by STL alone, instead of failing every run.
     */
    private static ResidualScorer usable(ResidualScorer scorer, Dataset dataset) {
        if (scorer instanceof LstmForecaster lstm) {
            try {
                lstm.checkCompatible(dataset);
            } catch (InvalidInputException e) {
                LOG.warn("The loaded model does not fit {}; scoring with STL only: {}",
                        dataset.source(), e.getMessage());
                return null;
            }
        }
        return scorer;
    }

    private ResidualScorer cached(ResidualScorer scorer, Dataset dataset) {
        if (scorer == null) {
            return null;
        }
        CachingScorer current = cache;
        if (current == null || !current.serves(scorer, dataset)) {
            current = new CachingScorer(scorer, dataset);
            cache = current;
        }
        return current;
    }

    private static KpiTrace trace(SeriesScores s) {
        double[] observed = s.observed();
        double[] expected = s.expected();
        double[] scores = s.scores();
        boolean log = s.scale() == KpiScale.LOG1P;
        double spread = spread(observed, expected, scores, log);
        double threshold = s.threshold();

        double[] lower = new double[observed.length];
        double[] upper = new double[observed.length];
        for (int t = 0; t < observed.length; t++) {
            double e = expected[t];
            if (!Double.isFinite(e) || !Double.isFinite(spread)) {
                lower[t] = Double.NaN;
                upper[t] = Double.NaN;
            } else if (log) {
                lower[t] = Math.max(0, Math.expm1(Math.log1p(Math.max(e, 0)) - threshold * spread));
                upper[t] = Math.expm1(Math.log1p(Math.max(e, 0)) + threshold * spread);
            } else {
                lower[t] = e - threshold * spread;
                upper[t] = e + threshold * spread;
            }
        }
        return new KpiTrace(s.kpi(), observed, expected, lower, upper, s.trend(), s.seasonal(),
                s.remainder(), scores);
    }

    /**
     * The series' typical residual per unit of score: the median of |residual / score|, on the
     * log scale for counts and money. An approximation for drawing: a ratio's real spread also
     * varies with the day's volume, and a hybrid score mixes two views.
     */
    private static double spread(double[] observed, double[] expected, double[] scores,
            boolean log) {
        double[] ratios = new double[observed.length];
        int n = 0;
        for (int t = 0; t < observed.length; t++) {
            double o = observed[t];
            double e = expected[t];
            double z = scores[t];
            boolean usable = Double.isFinite(o) && Double.isFinite(e) && Double.isFinite(z);
            if (!usable || Math.abs(z) < MIN_SCORE_FOR_SPREAD) {
                continue;
            }
            double residual = log ? Math.log1p(Math.max(o, 0)) - Math.log1p(Math.max(e, 0)) : o - e;
            ratios[n++] = Math.abs(residual / z);
        }
        if (n == 0) {
            return Double.NaN;
        }
        double[] used = Arrays.copyOf(ratios, n);
        Arrays.sort(used);
        return n % 2 == 1 ? used[n / 2] : (used[n / 2 - 1] + used[n / 2]) / 2;
    }
}
