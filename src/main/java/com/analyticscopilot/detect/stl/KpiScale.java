package com.analyticscopilot.detect.stl;

import com.analyticscopilot.data.KpiRole;

/**
 * The scale a KPI is decomposed and scored on.
 *
 * <ul>
 *   <li>Counts and money are multiplicative: the weekly pattern and the noise grow with the
 *       level, and a 30 % drop matters the same on a small and on a large site. On the log scale
 *       those become additive and of constant size, which is what STL's additive model and one
 *       robust spread per series assume. {@code log1p} rather than {@code log} keeps days with
 *       zero orders finite.</li>
 *   <li>Ratios stay raw. A logit would stretch the tails the same way, but it is infinite at
 *       0 and 1, which small sites reach (a day without a conversion), and it still leaves the
 *       spread depending on the day's volume. Instead the score adds the binomial variance of
 *       each day explicitly (see {@link StlAnomalyScorer}).</li>
 *   <li>Other values stay raw: nothing is known about them.</li>
 * </ul>
 */
public enum KpiScale {
    RAW,
    /**
     * {@code log(x + c)}: c = 1 (log1p) for counts, half a typical transaction's value for money
     * when it is known (see {@link StlAnomalyScorer#score(double[], KpiRole, double[], double)}).
     */
    LOG1P;

    /** The scale for a role, as argued above. */
    public static KpiScale forRole(KpiRole role) {
        return role == KpiRole.COUNT || role == KpiRole.MONEY ? LOG1P : RAW;
    }

    /** From the KPI's own units to this scale; negative counts (invalid) are clamped to 0. */
    public double forward(double value) {
        return this == LOG1P ? Math.log1p(Math.max(value, 0.0)) : value;
    }

    /** Back to the KPI's own units. */
    public double inverse(double value) {
        return this == LOG1P ? Math.expm1(value) : value;
    }
}
