package com.analyticscopilot.detect.stl;

import java.util.Arrays;

/**
 * The STL loops of Cleveland, Cleveland, McRae and Terpenning (1990), arranged for speed and
 * checked against R's {@code stats::stl} (the golden fixtures) and stl-decomp-4j.
 *
 * <p>Same algorithm as R's Fortran: an inner loop of cycle-subseries smoothing, low-pass
 * filtering and trend smoothing, and an outer loop of bisquare robustness weights. What makes
 * it faster than a direct port:
 * <ul>
 *   <li>each local fit is one pass over its window: it accumulates the five weighted sums a
 *       local line needs (weights, positions, squared positions, values, positions times
 *       values, positions taken relative to the fitted point) instead of writing, normalising
 *       and re-reading a weight array four times;</li>
 *   <li>the tricube weights come from a table: on an equally spaced grid the tricube weight of
 *       a neighbour depends only on its integer distance r and the integer bandwidth h, so each
 *       (h, r) is computed once per decomposition instead of once per fit (robustness weights,
 *       when used, multiply the tabulated value);</li>
 *   <li>an unweighted centred fit (most of the low-pass filter) is a fixed linear filter of
 *       its window, worked out once;</li>
 *   <li>the median of |remainder| for the robustness weights comes from a selection, not a
 *       sort;</li>
 *   <li>work arrays are allocated once per decomposition.</li>
 * </ul>
 * Arrays are 1-based where the published algorithm is, so the code reads against it; index 0
 * is unused. The robustness weights use the exact median of |remainder|; see
 * {@link StlDecomposer} for R's even-length quirk.
 *
 * <p>One instance per decomposition (not thread-safe).
 */
final class FastStl {

    /**
     * Bandwidths below this get a cached tricube row. Bandwidths are window half-widths (a few
     * dozen for daily data); only a periodic seasonal window (10 n + 1) goes past it.
     */
    private static final int CACHED_BANDWIDTHS = 1024;

    /** Rows for large bandwidths (periodic fits): a few distinct ones recur, kept round robin. */
    private static final int LARGE_BANDWIDTH_SLOTS = 8;

    private final int n;
    private final int np;
    private final int ns;
    private final int nt;
    private final int nl;
    private final int isdeg;
    private final int itdeg;
    private final int ildeg;
    private final int nsjump;
    private final int ntjump;
    private final int nljump;

    // Work arrays, 1-based: n + 2 np + 1 covers the cycle-subseries extended by a cycle at
    // each end.
    private final double[] w1;
    private final double[] w2;
    private final double[] w3;
    private final double[] sub;
    private final double[] subW;
    private final double[] subFit;
    private final double[] absRemainder;
    private final double[] sorted;

    private final double[][] tricubeRows = new double[CACHED_BANDWIDTHS][];
    private final int[] largeBandwidth = new int[LARGE_BANDWIDTH_SLOTS];
    private final double[][] largeRows = new double[LARGE_BANDWIDTH_SLOTS][];
    private int nextLargeSlot;

    // The centred unweighted fit as a filter, for the window width, degree and length it is for.
    private double[] filter;
    private int filterWidth = -1;
    private int filterDegree = -1;
    private int filterLength = -1;

    /** Set up for a series of n points with the resolved parameters. */
    FastStl(int n, StlParameters.Resolved p) {
        this.n = n;
        this.np = Math.max(2, p.period());

        // Loess windows must be odd and at least 3 wide, as in R's stl.
        this.ns = odd(Math.max(3, p.seasonalWindow()));
        this.nt = odd(Math.max(3, p.trendWindow()));
        this.nl = odd(Math.max(3, p.lowPassWindow()));
        this.isdeg = p.seasonalDegree();
        this.itdeg = p.trendDegree();
        this.ildeg = p.lowPassDegree();
        this.nsjump = p.seasonalJump();
        this.ntjump = p.trendJump();
        this.nljump = p.lowPassJump();

        int size = n + 2 * np + 1;
        w1 = new double[size];
        w2 = new double[size];
        w3 = new double[size];

        // A cycle-subseries has at most n / np + 1 points; its fit adds one point at each end.
        int k = n / np + 2;
        sub = new double[k + 1];
        subW = new double[k + 1];
        subFit = new double[k + 3];
        absRemainder = new double[n + 1];
        sorted = new double[n];
        Arrays.fill(largeBandwidth, -1);
    }

    private static int odd(int x) {
        return x % 2 == 0 ? x + 1 : x;
    }

    /**
     * Decomposes {@code yIn} (0-based, no missing values, length n).
     *
     * @param inner passes of the inner loop per robustness iteration
     * @param outer robustness iterations (0: not robust)
     * @return {seasonal, trend, robustness weights}, 0-based; the weights are all 1 when
     *         {@code outer} is 0
     */
    double[][] fit(double[] yIn, int inner, int outer) {
        double[] y = new double[n + 1];
        System.arraycopy(yIn, 0, y, 1, n);
        double[] season = new double[n + 1];
        double[] trend = new double[n + 1];
        double[] rw = new double[n + 1];
        boolean userw = false;
        for (int k = 0; ; k++) {
            innerLoop(y, inner, userw, rw, season, trend);
            if (k >= outer) {
                break;
            }
            robustnessWeights(y, season, trend, rw);
            userw = true;
        }
        if (outer <= 0) {
            Arrays.fill(rw, 1.0);
        }

        double[][] out = new double[3][n];
        System.arraycopy(season, 1, out[0], 0, n);
        System.arraycopy(trend, 1, out[1], 0, n);
        System.arraycopy(rw, 1, out[2], 0, n);
        return out;
    }

    private void innerLoop(double[] y, int inner, boolean userw, double[] rw, double[] season,
                           double[] trend) {
        for (int j = 0; j < inner; j++) {
            // Detrend, then smooth every cycle-subseries, extended by one point at each end.
            for (int i = 1; i <= n; i++) {
                w1[i] = y[i] - trend[i];
            }
            subseries(w1, userw, rw, w2);

            // Low-pass filter of the smoothed subseries: moving averages of np, np and 3, then
            // an unweighted loess; the seasonal is what the low-pass filter does not keep.
            movingAverage(w2, n + 2 * np, np, w3);
            movingAverage(w3, n + np + 1, np, w1);
            movingAverage(w1, n + 2, 3, w3);
            loess(w3, n, nl, ildeg, nljump, false, null, w1, 0);
            for (int i = 1; i <= n; i++) {
                season[i] = w2[np + i] - w1[i];
            }

            // Deseasonalise and smooth the trend.
            for (int i = 1; i <= n; i++) {
                w1[i] = y[i] - season[i];
            }
            loess(w1, n, nt, itdeg, ntjump, userw, rw, trend, 0);
        }
    }

    /** Smooths each cycle-subseries and writes it, one cycle longer at each end, to out. */
    private void subseries(double[] y, boolean userw, double[] rw, double[] out) {
        for (int j = 1; j <= np; j++) {
            int k = (n - j) / np + 1;
            for (int i = 1; i <= k; i++) {
                sub[i] = y[(i - 1) * np + j];
            }
            if (userw) {
                for (int i = 1; i <= k; i++) {
                    subW[i] = rw[(i - 1) * np + j];
                }
            }

            // subFit[2..k+1] holds the smoothed subseries, [1] and [k+2] its extrapolations one
            // cycle before the first and after the last point.
            loess(sub, k, ns, isdeg, nsjump, userw, subW, subFit, 1);
            int nright = Math.min(ns, k);
            double left = estimate(sub, k, ns, isdeg, 0, 1, nright, userw, subW);
            subFit[1] = Double.isNaN(left) ? subFit[2] : left;
            int nleft = Math.max(1, k - ns + 1);
            double right = estimate(sub, k, ns, isdeg, k + 1, nleft, k, userw, subW);
            subFit[k + 2] = Double.isNaN(right) ? subFit[k + 1] : right;

            for (int m = 1; m <= k + 2; m++) {
                out[(m - 1) * np + j] = subFit[m];
            }
        }
    }

    /** Moving average of x[1..len] over window points, into ave[1..len - window + 1]. */
    private static void movingAverage(double[] x, int len, int window, double[] ave) {
        int newn = len - window + 1;
        double v = 0;
        for (int i = 1; i <= window; i++) {
            v += x[i];
        }
        ave[1] = v / window;
        for (int j = 2; j <= newn; j++) {
            v = v - x[j - 1] + x[j + window - 1];
            ave[j] = v / window;
        }
    }

    /**
     * Loess of y[1..len] evaluated at every jump-th point (and the last), linearly interpolated
     * between; results go to ys[offset + 1 .. offset + len].
     */
    private void loess(double[] y, int len, int span, int degree, int jump, boolean userw,
                       double[] rw, double[] ys, int offset) {
        if (len < 2) {
            ys[offset + 1] = y[1];
            return;
        }
        int newnj = Math.min(jump, len - 1);
        int nleft = 1;
        int nright = len;
        if (span >= len) {
            // One window covers everything.
            for (int i = 1; i <= len; i += newnj) {
                double v = estimate(y, len, span, degree, i, 1, len, userw, rw);
                ys[offset + i] = Double.isNaN(v) ? y[i] : v;
            }
        } else if (newnj == 1) {
            // Every point, the window sliding once the fitted point passes its middle.
            int nsh = (span + 1) / 2;
            nright = span;
            for (int i = 1; i <= len; i++) {
                if (i > nsh && nright != len) {
                    nleft++;
                    nright++;
                }
                if (!userw && i - nleft == nright - i) {
                    // Unweighted and centred (most of the low-pass filter): a fixed linear
                    // filter, the same for every such point.
                    ys[offset + i] = centred(y, nleft, nright - nleft, degree, len);
                    continue;
                }
                double v = estimate(y, len, span, degree, i, nleft, nright, userw, rw);
                ys[offset + i] = Double.isNaN(v) ? y[i] : v;
            }
        } else {
            int nsh = (span + 1) / 2;
            for (int i = 1; i <= len; i += newnj) {
                if (i < nsh) {
                    nleft = 1;
                    nright = span;
                } else if (i >= len - nsh + 1) {
                    nleft = len - span + 1;
                    nright = len;
                } else {
                    nleft = i - nsh + 1;
                    nright = span + i - nsh;
                }
                double v = estimate(y, len, span, degree, i, nleft, nright, userw, rw);
                ys[offset + i] = Double.isNaN(v) ? y[i] : v;
            }
        }
        if (newnj == 1) {
            return;
        }

        // Straight lines between the fitted points; the last point is fitted on its own when
        // the jumps do not land on it.
        for (int i = 1; i <= len - newnj; i += newnj) {
            double delta = (ys[offset + i + newnj] - ys[offset + i]) / newnj;
            for (int j = i + 1; j <= i + newnj - 1; j++) {
                ys[offset + j] = ys[offset + i] + delta * (j - i);
            }
        }
        int k = ((len - 1) / newnj) * newnj + 1;
        if (k != len) {
            double v = estimate(y, len, span, degree, len, nleft, nright, userw, rw);
            ys[offset + len] = Double.isNaN(v) ? y[len] : v;
            if (k != len - 1) {
                double delta = (ys[offset + len] - ys[offset + k]) / (len - k);
                for (int j = k + 1; j <= len - 1; j++) {
                    ys[offset + j] = ys[offset + k] + delta * (j - k);
                }
            }
        }
    }

    /**
     * The local fit at xs from the points nleft..nright with tricube (times robustness)
     * weights, in one pass; {@code NaN} when all weights are 0.
     *
     * <p>With weights w normalised to sum 1, positions d = j - xs, mean position a, spread
     * c = sum w (d - a)^2 and weighted mean m of y, the local line's value at xs (d = 0) is
     * {@code m - a / c * sum w (d - a) y}, which needs only the five sums below. Taking positions
     * relative to xs keeps them small, so the spread loses no precision to cancellation.
     */
    private double estimate(double[] y, int len, int span, int degree, int xs, int nleft,
                            int nright, boolean userw, double[] rw) {
        int h = Math.max(xs - nleft, nright - xs);
        if (span > len) {
            h += (span - len) / 2;
        }
        double[] tricube = tricubeRow(h);

        double sw = 0;
        double swd = 0;
        double swdd = 0;
        double swy = 0;
        double swdy = 0;
        if (userw) {
            for (int j = nleft; j <= nright; j++) {
                int d = j - xs;
                double w = tricube[Math.abs(d)] * rw[j];
                double wd = w * d;
                sw += w;
                swd += wd;
                swdd += wd * d;
                swy += w * y[j];
                swdy += wd * y[j];
            }
        } else {
            for (int j = nleft; j <= nright; j++) {
                int d = j - xs;
                double w = tricube[Math.abs(d)];
                double wd = w * d;
                sw += w;
                swd += wd;
                swdd += wd * d;
                swy += w * y[j];
                swdy += wd * y[j];
            }
        }
        if (sw <= 0) {
            return Double.NaN;
        }

        double mean = swy / sw;
        if (h > 0 && degree > 0) {
            double a = swd / sw;
            double c = swdd / sw - a * a;

            // As in the Fortran: a local line only when the points are spread out enough
            // (0.001 of the x range), else the weighted mean.
            double range = len - 1.0;
            if (Math.sqrt(c) > 0.001 * range) {
                return mean - a / c * (swdy / sw - a * mean);
            }
        }
        return mean;
    }

    /**
     * The unweighted local fit at the middle of y[nleft .. nleft + width] as a fixed filter:
     * the fit is linear in y, and without robustness weights its coefficients depend only on
     * the window's width, the degree and the series length (the spread test), so they are
     * worked out once (by the same formulas as {@link #estimate}) and reused.
     */
    private double centred(double[] y, int nleft, int width, int degree, int len) {
        if (width != filterWidth || degree != filterDegree || len != filterLength) {
            filterWidth = width;
            filterDegree = degree;
            filterLength = len;
            filter = centredFilter(width, degree, len);
        }
        double[] f = filter;
        double v = 0;
        for (int k = 0; k <= width; k++) {
            v += f[k] * y[nleft + k];
        }
        return v;
    }

    private double[] centredFilter(int width, int degree, int len) {
        int h = width / 2;
        double[] tricube = tricubeRow(h);
        double[] f = new double[width + 1];
        double sw = 0;
        double swd = 0;
        double swdd = 0;
        for (int k = 0; k <= width; k++) {
            int d = k - h;
            double w = tricube[Math.abs(d)];
            f[k] = w;
            sw += w;
            swd += w * d;
            swdd += w * d * d;
        }
        double slope = 0;
        double a = swd / sw;
        if (h > 0 && degree > 0) {
            double c = swdd / sw - a * a;
            if (Math.sqrt(c) > 0.001 * (len - 1.0)) {
                slope = -a / c;
            }
        }
        for (int k = 0; k <= width; k++) {
            f[k] = f[k] / sw * (1 + slope * (k - h - a));
        }
        return f;
    }

    /**
     * Tricube weights for bandwidth h at distances 0..min(h, n + 1): 1 within 0.001 h, 0 from
     * 0.999 h on, (1 - (r/h)^3)^3 between, the Fortran's cut-offs.
     */
    private double[] tricubeRow(int h) {
        if (h < CACHED_BANDWIDTHS) {
            double[] row = tricubeRows[h];
            if (row == null) {
                row = tricube(h);
                tricubeRows[h] = row;
            }
            return row;
        }
        for (int s = 0; s < LARGE_BANDWIDTH_SLOTS; s++) {
            if (largeBandwidth[s] == h) {
                return largeRows[s];
            }
        }
        int s = nextLargeSlot;
        nextLargeSlot = (nextLargeSlot + 1) % LARGE_BANDWIDTH_SLOTS;
        largeBandwidth[s] = h;
        largeRows[s] = tricube(h);
        return largeRows[s];
    }

    private double[] tricube(int h) {
        // A window never reaches farther than the series (plus the extrapolated end points).
        int maxDistance = Math.min(h, n + 1);
        double[] row = new double[maxDistance + 1];
        double h9 = 0.999 * h;
        double h1 = 0.001 * h;
        for (int r = 0; r <= maxDistance; r++) {
            if (r > h9) {
                row[r] = 0;
            } else if (r <= h1) {
                row[r] = 1;
            } else {
                double q = r / (double) h;
                double c = 1 - q * q * q;
                row[r] = c * c * c;
            }
        }
        return row;
    }

    /** The exact median of r[1..n], by selection ({@link RobustScale#medianInPlace}). */
    private double median(double[] r) {
        double[] a = sorted;
        System.arraycopy(r, 1, a, 0, n);
        return RobustScale.medianInPlace(a, n);
    }

    /** Bisquare weights of the remainders, scaled by six times their median absolute size. */
    private void robustnessWeights(double[] y, double[] season, double[] trend, double[] rw) {
        double[] r = absRemainder;
        for (int i = 1; i <= n; i++) {
            r[i] = Math.abs(y[i] - season[i] - trend[i]);
        }
        double median = median(r);

        // Weights fall from 1 to 0 as |remainder| goes from 0 to 6 median absolute remainders.
        double cmad = 6 * median;
        double c9 = 0.999 * cmad;
        double c1 = 0.001 * cmad;
        for (int i = 1; i <= n; i++) {
            double v = r[i];
            if (v <= c1) {
                rw[i] = 1;
            } else if (v <= c9) {
                double u = v / cmad;
                rw[i] = (1 - u * u) * (1 - u * u);
            } else {
                rw[i] = 0;
            }
        }
    }
}
