package com.analyticscopilot.detect.stl;

import java.util.Objects;

/**
 * The parameters of an STL decomposition, named and defaulted as R's {@code stats::stl} does.
 * Unset values ({@code null}) take R's defaults when {@link #resolve(int, int) resolved} against
 * a series length and a default period, because several of R's defaults depend on them (the
 * periodic seasonal window is {@code 10 n + 1}, the trend window depends on the seasonal one).
 * Build with {@link #builder()}; immutable.
 */
public final class StlParameters {

    /** R's defaults, with the period taken from the time step. */
    public static final StlParameters R_DEFAULTS = builder().seasonalWindow(7).build();

    private final Integer period;
    private final Integer seasonalWindow;
    private final boolean periodic;
    private final int seasonalDegree;
    private final Integer trendWindow;
    private final Integer trendCycles;
    private final int trendDegree;
    private final Integer lowPassWindow;
    private final Integer lowPassDegree;
    private final Integer seasonalJump;
    private final Integer trendJump;
    private final Integer lowPassJump;
    private final Integer inner;
    private final Integer outer;
    private final boolean robust;

    private StlParameters(Builder b) {
        this.period = b.period;
        this.seasonalWindow = b.seasonalWindow;
        this.periodic = b.periodic;
        this.seasonalDegree = b.seasonalDegree;
        this.trendWindow = b.trendWindow;
        this.trendCycles = b.trendCycles;
        this.trendDegree = b.trendDegree;
        this.lowPassWindow = b.lowPassWindow;
        this.lowPassDegree = b.lowPassDegree;
        this.seasonalJump = b.seasonalJump;
        this.trendJump = b.trendJump;
        this.lowPassJump = b.lowPassJump;
        this.inner = b.inner;
        this.outer = b.outer;
        this.robust = b.robust;
        if (!periodic && seasonalWindow == null) {
            throw new IllegalArgumentException(
                    "seasonalWindow is required unless the seasonal component is periodic (R's"
                            + " s.window has no default either)");
        }
        checkWindow("period", period, 2);
        checkWindow("seasonalWindow", seasonalWindow, 3);
        checkWindow("trendWindow", trendWindow, 3);
        checkWindow("trendCycles", trendCycles, 1);
        checkWindow("lowPassWindow", lowPassWindow, 3);
        checkDegree("seasonalDegree", seasonalDegree);
        checkDegree("trendDegree", trendDegree);
        if (lowPassDegree != null) {
            checkDegree("lowPassDegree", lowPassDegree);
        }
        checkWindow("seasonalJump", seasonalJump, 1);
        checkWindow("trendJump", trendJump, 1);
        checkWindow("lowPassJump", lowPassJump, 1);
        checkWindow("inner", inner, 1);
        checkWindow("outer", outer, 0);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these parameters, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.period = period;
        b.seasonalWindow = seasonalWindow;
        b.periodic = periodic;
        b.seasonalDegree = seasonalDegree;
        b.trendWindow = trendWindow;
        b.trendCycles = trendCycles;
        b.trendDegree = trendDegree;
        b.lowPassWindow = lowPassWindow;
        b.lowPassDegree = lowPassDegree;
        b.seasonalJump = seasonalJump;
        b.trendJump = trendJump;
        b.lowPassJump = lowPassJump;
        b.inner = inner;
        b.outer = outer;
        b.robust = robust;
        return b;
    }

    /** The period set explicitly, or {@code null} when it comes from the time step. */
    public Integer period() {
        return period;
    }

    public boolean periodic() {
        return periodic;
    }

    public boolean robust() {
        return robust;
    }

    /**
     * Every parameter with R's defaults filled in, for a series of {@code n} observations.
     *
     * @param n             the series length
     * @param defaultPeriod the period to use when none was set (from the time step)
     */
    public Resolved resolve(int n, int defaultPeriod) {
        int np = period != null ? period : defaultPeriod;
        if (np < 2) {
            throw new IllegalArgumentException("period must be at least 2, got " + np);
        }

        // R: s.window = "periodic" means a seasonal span of 10 n + 1 (wider than any series, so
        // each cycle-subseries is fitted by one weighted mean) with degree 0.
        int ns = periodic ? 10 * n + 1 : seasonalWindow;
        int isdeg = periodic ? 0 : seasonalDegree;

        // R: t.window = nextodd(ceiling(1.5 n.p / (1 - 1.5 / s.window))), the Cleveland et al.
        // choice that keeps the trend and seasonal smoothers from competing for the same
        // frequencies; l.window = nextodd(n.p); l.degree = t.degree.
        // A trend window set in cycles (not an R parameter) is cycles x period + 1 steps.
        int nt;
        if (trendWindow != null) {
            nt = trendWindow;
        } else if (trendCycles != null) {
            nt = nextOdd(trendCycles * np + 1);
        } else {
            nt = nextOdd((int) Math.ceil(1.5 * np / (1.0 - 1.5 / ns)));
        }
        int nl = lowPassWindow != null ? lowPassWindow : nextOdd(np);
        int ildeg = lowPassDegree != null ? lowPassDegree : trendDegree;

        // R: every jump defaults to ceiling(window / 10): loess is evaluated at about a tenth of
        // the points and linearly interpolated between them.
        int nsjump = seasonalJump != null ? seasonalJump : ceilTenth(ns);
        int ntjump = trendJump != null ? trendJump : ceilTenth(nt);
        int nljump = lowPassJump != null ? lowPassJump : ceilTenth(nl);

        // R: robust fits take 1 inner pass and 15 robustness iterations, plain ones 2 and 0.
        int ni = inner != null ? inner : (robust ? 1 : 2);
        int no = outer != null ? outer : (robust ? 15 : 0);
        return new Resolved(np, nextOdd(ns), isdeg, nextOdd(nt), trendDegree, nextOdd(nl), ildeg,
                nsjump, ntjump, nljump, ni, no, periodic);
    }

    private static int ceilTenth(int window) {
        return (window + 9) / 10;
    }

    /** R's and the Fortran's rule: spans are odd; an even span becomes the next odd one. */
    static int nextOdd(int x) {
        return x % 2 == 0 ? x + 1 : x;
    }

    private static void checkWindow(String name, Integer value, int min) {
        if (value != null && value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got "
                    + value);
        }
    }

    private static void checkDegree(String name, int value) {
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException(name + " must be 0 or 1, got " + value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StlParameters p && Objects.equals(period, p.period)
                && Objects.equals(seasonalWindow, p.seasonalWindow) && periodic == p.periodic
                && seasonalDegree == p.seasonalDegree && Objects.equals(trendWindow, p.trendWindow)
                && trendDegree == p.trendDegree && Objects.equals(lowPassWindow, p.lowPassWindow)
                && Objects.equals(lowPassDegree, p.lowPassDegree)
                && Objects.equals(seasonalJump, p.seasonalJump)
                && Objects.equals(trendJump, p.trendJump)
                && Objects.equals(lowPassJump, p.lowPassJump) && Objects.equals(inner, p.inner)
                && Objects.equals(outer, p.outer) && robust == p.robust;
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, seasonalWindow, periodic, seasonalDegree, trendWindow,
                trendCycles,
                trendDegree, lowPassWindow, lowPassDegree, seasonalJump, trendJump, lowPassJump,
                inner, outer, robust);
    }

    @Override
    public String toString() {
        return "StlParameters[period=" + (period == null ? "from step" : period)
                + ", s.window=" + (periodic ? "periodic" : seasonalWindow)
                + ", s.degree=" + seasonalDegree + ", t.window="
                + (trendWindow == null && trendCycles != null ? trendCycles + " cycles + 1"
                : orDefault(trendWindow))
                + ", t.degree=" + trendDegree + ", l.window=" + orDefault(lowPassWindow)
                + ", robust=" + robust + "]";
    }

    private static String orDefault(Integer v) {
        return v == null ? "default" : v.toString();
    }

    /**
     * Every parameter fixed, with R's names in the Javadoc.
     *
     * @param period         n.p, observations per cycle
     * @param seasonalWindow s.window, odd (10 n + 1 when periodic)
     * @param seasonalDegree s.degree
     * @param trendWindow    t.window, odd
     * @param trendDegree    t.degree
     * @param lowPassWindow  l.window, odd
     * @param lowPassDegree  l.degree
     * @param seasonalJump   s.jump
     * @param trendJump      t.jump
     * @param lowPassJump    l.jump
     * @param inner          inner loop passes
     * @param outer          robustness iterations
     * @param periodic       whether R's periodic post-step applies
     */
    public record Resolved(int period, int seasonalWindow, int seasonalDegree, int trendWindow,
                           int trendDegree, int lowPassWindow, int lowPassDegree,
                           int seasonalJump, int trendJump, int lowPassJump, int inner,
                           int outer, boolean periodic) {

        /** Whether robustness weights are computed (any robustness iteration). */
        public boolean robust() {
            return outer > 0;
        }
    }

    /** Collects parameters; every setter's value is checked when {@link #build()} runs. */
    public static final class Builder {
        private Integer period;
        private Integer seasonalWindow;
        private boolean periodic;
        private int seasonalDegree;
        private Integer trendWindow;
        private Integer trendCycles;
        private int trendDegree = 1;
        private Integer lowPassWindow;
        private Integer lowPassDegree;
        private Integer seasonalJump;
        private Integer trendJump;
        private Integer lowPassJump;
        private Integer inner;
        private Integer outer;
        private boolean robust;

        private Builder() {
        }

        /** n.p; {@code null} to infer it from the time step. */
        public Builder period(Integer value) {
            period = value;
            return this;
        }

        /** s.window, in cycles; clears {@link #periodic()}. */
        public Builder seasonalWindow(int value) {
            seasonalWindow = value;
            periodic = false;
            return this;
        }

        /** s.window = "periodic": one seasonal shape repeated over the whole series. */
        public Builder periodic() {
            periodic = true;
            return this;
        }

        public Builder seasonalDegree(int value) {
            seasonalDegree = value;
            return this;
        }

        public Builder trendWindow(Integer value) {
            trendWindow = value;
            return this;
        }

        /**
         * The trend window as a number of cycles: {@code cycles x period + 1} steps, so that one
         * setting suits daily, hourly and 5-minute data. An explicit {@link #trendWindow} wins.
         */
        public Builder trendCycles(Integer value) {
            trendCycles = value;
            return this;
        }

        public Builder trendDegree(int value) {
            trendDegree = value;
            return this;
        }

        public Builder lowPassWindow(Integer value) {
            lowPassWindow = value;
            return this;
        }

        public Builder lowPassDegree(Integer value) {
            lowPassDegree = value;
            return this;
        }

        public Builder seasonalJump(Integer value) {
            seasonalJump = value;
            return this;
        }

        public Builder trendJump(Integer value) {
            trendJump = value;
            return this;
        }

        public Builder lowPassJump(Integer value) {
            lowPassJump = value;
            return this;
        }

        public Builder inner(Integer value) {
            inner = value;
            return this;
        }

        public Builder outer(Integer value) {
            outer = value;
            return this;
        }

        /** R's robust = TRUE: chooses 1 inner pass and 15 robustness iterations by default. */
        public Builder robust(boolean value) {
            robust = value;
            return this;
        }

        public StlParameters build() {
            return new StlParameters(this);
        }
    }
}
