package com.analyticscopilot.data;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * All KPI series of one site on a regular time grid. A missing observation is {@code NaN};
 * nothing is interpolated here. Immutable: accessors hand out copies.
 */
public final class SiteSeries {

    private final String site;
    private final LocalDateTime start;
    private final TimeStep step;
    private final double[][] values;

    /**
     * @param site   the site's identifier
     * @param start  the time of the first observation
     * @param step   the spacing of the grid
     * @param values one array per KPI, in the data set's KPI order, all of the same length
     */
    public SiteSeries(String site, LocalDateTime start, TimeStep step, double[][] values) {
        this.site = Objects.requireNonNull(site, "site");
        this.start = Objects.requireNonNull(start, "start");
        this.step = Objects.requireNonNull(step, "step");
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("site '" + site + "' has no KPI series");
        }
        int n = values[0].length;
        this.values = new double[values.length][];
        for (int k = 0; k < values.length; k++) {
            if (values[k].length != n) {
                throw new IllegalArgumentException("site '" + site + "': KPI series " + k + " has "
                        + values[k].length + " values, the first has " + n);
            }
            this.values[k] = values[k].clone();
        }
    }

    public String site() {
        return site;
    }

    public LocalDateTime start() {
        return start;
    }

    public TimeStep step() {
        return step;
    }

    /** Number of time steps. */
    public int length() {
        return values[0].length;
    }

    public int kpiCount() {
        return values.length;
    }

    /** The time of step {@code t}. */
    public LocalDateTime time(int t) {
        return start.plus(step.duration().multipliedBy(t));
    }

    /** The time of the last step. */
    public LocalDateTime end() {
        return time(length() - 1);
    }

    /** The step index of {@code time}, or -1 when it is not on this site's grid. */
    public int indexOf(LocalDateTime time) {
        long seconds = java.time.Duration.between(start, time).getSeconds();
        long stepSeconds = step.duration().getSeconds();
        if (seconds < 0 || seconds % stepSeconds != 0 || seconds / stepSeconds >= length()) {
            return -1;
        }
        return (int) (seconds / stepSeconds);
    }

    /** One observation; {@code NaN} when missing. */
    public double value(int kpi, int t) {
        return values[kpi][t];
    }

    /** A copy of one KPI's series. */
    public double[] series(int kpi) {
        return values[kpi].clone();
    }

    /** Number of missing observations of one KPI. */
    public int missingCount(int kpi) {
        int missing = 0;
        for (double v : values[kpi]) {
            if (Double.isNaN(v)) {
                missing++;
            }
        }
        return missing;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SiteSeries other)) {
            return false;
        }
        return site.equals(other.site) && start.equals(other.start) && step.equals(other.step)
                && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(site, start, step, Arrays.deepHashCode(values));
    }

    @Override
    public String toString() {
        return "SiteSeries[" + site + ", " + length() + " x " + step + " from " + start + "]";
    }
}
