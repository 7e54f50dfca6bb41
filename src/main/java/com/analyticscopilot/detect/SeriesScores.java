package com.analyticscopilot.detect;

import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.detect.stl.KpiScale;

/**
 * Everything detection knows about one KPI of one site, step by step. Components are on the
 * working {@link #scale()} (log1p for counts and money), observed and expected values on the
 * KPI's own units. {@code NaN} wherever a value is missing or a view had no judgement. Array
 * accessors return copies; the per-step accessors do not copy.
 */
public final class SeriesScores {

    private final String site;
    private final Kpi kpi;
    private final KpiScale scale;
    private final double[] observed;
    private final double[] expected;
    private final double[] trend;
    private final double[] seasonal;
    private final double[] remainder;
    private final double[] stlScore;
    private final double[] lstmScore;
    private final double[] score;
    private final double[] strength;
    private final boolean[] flagged;
    private final double threshold;

    SeriesScores(String site, Kpi kpi, KpiScale scale, double[] observed, double[] expected,
                 double[] trend, double[] seasonal, double[] remainder, double[] stlScore,
                 double[] lstmScore, double[] score, double[] strength, boolean[] flagged,
                 double threshold) {
        this.site = site;
        this.kpi = kpi;
        this.scale = scale;
        this.observed = observed;
        this.expected = expected;
        this.trend = trend;
        this.seasonal = seasonal;
        this.remainder = remainder;
        this.stlScore = stlScore;
        this.lstmScore = lstmScore;
        this.score = score;
        this.strength = strength;
        this.flagged = flagged;
        this.threshold = threshold;
    }

    public String site() {
        return site;
    }

    public Kpi kpi() {
        return kpi;
    }

    public KpiScale scale() {
        return scale;
    }

    public int length() {
        return observed.length;
    }

    /** The threshold this series was flagged against: global, after sensitivity and offset. */
    public double threshold() {
        return threshold;
    }

    public double observed(int t) {
        return observed[t];
    }

    public double expected(int t) {
        return expected[t];
    }

    public double stlScore(int t) {
        return stlScore[t];
    }

    public double lstmScore(int t) {
        return lstmScore[t];
    }

    /** The score the flag is raised on: fused for hybrid, else the one view's calibrated score. */
    public double score(int t) {
        return score[t];
    }

    /**
     * How far out the point is, for grading severity: the score itself, except for the hybrid,
     * where it is the fused score without the per-view cap ({@link Fusion#strength}).
     */
    public double strength(int t) {
        return strength[t];
    }

    public boolean flagged(int t) {
        return flagged[t];
    }

    public double[] observed() {
        return observed.clone();
    }

    public double[] expected() {
        return expected.clone();
    }

    public double[] trend() {
        return trend.clone();
    }

    public double[] seasonal() {
        return seasonal.clone();
    }

    public double[] remainder() {
        return remainder.clone();
    }

    public double[] stlScores() {
        return stlScore.clone();
    }

    public double[] lstmScores() {
        return lstmScore.clone();
    }

    public double[] scores() {
        return score.clone();
    }

    public boolean[] flags() {
        return flagged.clone();
    }

    /** Number of flagged steps. */
    public int flaggedCount() {
        int c = 0;
        for (boolean f : flagged) {
            c += f ? 1 : 0;
        }
        return c;
    }
}
