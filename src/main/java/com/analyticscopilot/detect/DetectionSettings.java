package com.analyticscopilot.detect;

import com.analyticscopilot.detect.stl.StlParameters;

import java.util.Objects;

/**
 * How detection runs. Start from {@link #defaults()} and change what you need with the
 * {@code with...} methods.
 *
 * @param method         which view flags; {@code null} means "hybrid when a neural scorer is
 *                       available, else STL"
 * @param threshold      the calibrated score (in standard-normal units, see docs/scoring.md)
 *                       at which a point is flagged, before sensitivity and local offsets
 * @param sensitivity    divides the threshold: 2 flags at half the score, 0.5 at twice; the one
 *                       knob an analyst turns, between 0.25 and 4
 * @param stl            STL parameters; the period, when unset, comes from the time step
 * @param sharedFraction the share of sites with data on a step that must be flagged on it for
 *                       the step to count as a portfolio-wide move
 * @param minSharedSites the fewest sites a portfolio-wide move needs, however small the portfolio
 * @param threads        worker threads over sites; 0 for one per core
 * @param levelShifts    whether both views include the level-shift scan (docs/scoring.md
 *                       section 3b); on by default, off only to measure what it adds
 */
public record DetectionSettings(DetectionMethod method, double threshold, double sensitivity,
                                StlParameters stl, double sharedFraction, int minSharedSites,
                                int threads, boolean levelShifts) {

    /**
     * The default threshold, 4.5 standard-normal units: a two-sided tail probability of 6.8e-6
     * if the calibrated scores were exactly normal, about one false point per 400 site-years
     * of one daily KPI. Residuals of real KPIs have heavier tails than the normal, so the
     * actual false-alarm rate is higher; this leaves room for that (docs/scoring.md).
     */
    public static final double DEFAULT_THRESHOLD = 4.5;

    /**
     * Default STL for detection. Robust (R's 15 robustness iterations), so anomalies are pushed
     * into the remainder instead of bending the trend and seasonal. A seasonal window of 35
     * cycles instead of R's usual 7: on daily KPIs a window of 7 over-fits the seasonal, and the
     * remainder's spread shrinks to half its real size, which doubles every z-score (measured:
     * sd / scaled MAD of 2.08 with 7, 1.32 with 13, 1.15 with 35). A business week's shape
     * changes slowly, so 35 weeks lose little.
     *
     * <p>A trend window of four cycles + 1 (29 days for daily data) instead of R's 11: the same
     * over-fitting argument, and incidents last up to a week, so a trend that follows a week's
     * move absorbs half the incident and pushes its neighbours the other way. Away from the
     * labelled incidents of the sample data, the share of |z| above 3 for sessions was 2.2 % with
     * R's trend window, 1.1 % with 21 and 0.9 % with 31 (normal: 0.27 %): docs/scoring.md.
     */
    public static final StlParameters DEFAULT_STL =
            StlParameters.builder().seasonalWindow(35).trendCycles(4).robust(true).outer(5)
                    .build();

    /** The default method is chosen from what is available; see {@link #method()}. */
    public static DetectionSettings defaults() {
        return new DetectionSettings(null, DEFAULT_THRESHOLD, 1.0, DEFAULT_STL, 0.5, 3, 0, true);
    }

    public DetectionSettings {
        Objects.requireNonNull(stl, "stl");
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a positive number, got "
                    + threshold);
        }
        if (!(sensitivity >= 0.25 && sensitivity <= 4)) {
            throw new IllegalArgumentException("sensitivity must be between 0.25 and 4, got "
                    + sensitivity);
        }
        if (!(sharedFraction > 0 && sharedFraction <= 1)) {
            throw new IllegalArgumentException("sharedFraction must be in (0, 1], got "
                    + sharedFraction);
        }
        if (minSharedSites < 2) {
            throw new IllegalArgumentException("minSharedSites must be at least 2, got "
                    + minSharedSites);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 or more, got " + threads);
        }
    }

    /** The threshold after sensitivity, before per-site offsets. */
    public double effectiveThreshold() {
        return threshold / sensitivity;
    }

    public DetectionSettings withMethod(DetectionMethod value) {
        return new DetectionSettings(value, threshold, sensitivity, stl, sharedFraction,
                minSharedSites, threads, levelShifts);
    }

    public DetectionSettings withThreshold(double value) {
        return new DetectionSettings(method, value, sensitivity, stl, sharedFraction,
                minSharedSites, threads, levelShifts);
    }

    public DetectionSettings withSensitivity(double value) {
        return new DetectionSettings(method, threshold, value, stl, sharedFraction,
                minSharedSites, threads, levelShifts);
    }

    public DetectionSettings withStl(StlParameters value) {
        return new DetectionSettings(method, threshold, sensitivity, value, sharedFraction,
                minSharedSites, threads, levelShifts);
    }

    public DetectionSettings withShared(double fraction, int minSites) {
        return new DetectionSettings(method, threshold, sensitivity, stl, fraction, minSites,
                threads, levelShifts);
    }

    public DetectionSettings withLevelShifts(boolean value) {
        return new DetectionSettings(method, threshold, sensitivity, stl, sharedFraction,
                minSharedSites, threads, value);
    }

    public DetectionSettings withThreads(int value) {
        return new DetectionSettings(method, threshold, sensitivity, stl, sharedFraction,
                minSharedSites, value, levelShifts);
    }
}
