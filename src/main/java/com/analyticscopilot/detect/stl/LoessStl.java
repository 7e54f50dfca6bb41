package com.analyticscopilot.detect.stl;

/**
 * The STL loops of Cleveland, Cleveland, McRae and Terpenning (1990), written for speed and
 * checked against R's {@code stats::stl} (the golden fixtures). It follows the published
 * algorithm step by step: an inner loop of cycle-subseries smoothing, low-pass filtering and
 * trend smoothing, and an outer loop of bisquare robustness weights. Work arrays are allocated
 * once per decomposition. Indices below are 1-based where the algorithm's description is, so
 * the code reads against it; arrays carry one unused slot at index 0.
 *
 * <p>The robustness weights use the exact median of |remainder|; see {@link StlDecomposer}
 * for R's even-length quirk.
 */
final class LoessStl {

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

    // Work arrays, 1-based: length n + 2 np + 1 covers the extended cycle-subseries.
    private final double[] w1;
    private final double[] w2;
    private final double[] w3;
    private final double[] w4;
    private final double[] w5;
    private final double[] sub;
    private final double[] subW;
    private final double[] subFit;
    private final double[] subWork;
    private final double[] weightsBuffer;

    LoessStl(int n, StlParameters.Resolved p) {
        this.n = n;
        this.np = Math.max(2, p.period());
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
        w4 = new double[size];
        w5 = new double[size];
        int k = n / np + 2;
        sub = new double[k + 1];
        subW = new double[k + 1];
        subFit = new double[k + 3];
        subWork = new double[k + 1];
        weightsBuffer = new double[size];
    }

    private static int odd(int x) {
        return x % 2 == 0 ? x + 1 : x;
    }

    /**
     * Decomposes {@code y} (0-based, no missing values).
     *
     * @return {seasonal, trend, weights}, 0-based
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
            java.util.Arrays.fill(rw, 1.0);
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
            // loess; the seasonal is what the low-pass filter does not keep.
            movingAverage(w2, n + 2 * np, np, w3);
            movingAverage(w3, n + np + 1, np, w1);
            movingAverage(w1, n + 2, 3, w3);
            loess(w3, n, nl, ildeg, nljump, false, null, w1, w5);
            for (int i = 1; i <= n; i++) {
                season[i] = w2[np + i] - w1[i];
            }

            // Deseasonalise and smooth the trend.
            for (int i = 1; i <= n; i++) {
                w1[i] = y[i] - season[i];
            }
            loess(w1, n, nt, itdeg, ntjump, userw, rw, trend, w3);
        }
    }

    private void subseries(double[] y, boolean userw, double[] rw, double[] season) {
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
            // subFit[2..k+1] holds the smoothed subseries, [1] and [k+2] its extrapolations.
            loessInto(sub, k, ns, isdeg, nsjump, userw, subW, subFit, 1, subWork);
            int nright = Math.min(ns, k);
            double left = estimate(sub, k, ns, isdeg, 0, 1, nright, subWork, userw, subW);
            subFit[1] = Double.isNaN(left) ? subFit[2] : left;
            int nleft = Math.max(1, k - ns + 1);
            double right = estimate(sub, k, ns, isdeg, k + 1, nleft, k, subWork, userw, subW);
            subFit[k + 2] = Double.isNaN(right) ? subFit[k + 1] : right;
            for (int m = 1; m <= k + 2; m++) {
                season[(m - 1) * np + j] = subFit[m];
            }
        }
    }

    private static void movingAverage(double[] x, int len, int window, double[] ave) {
        int newn = len - window + 1;
        double v = 0;
        for (int i = 1; i <= window; i++) {
            v += x[i];
        }
        ave[1] = v / window;
        int k = window;
        int m = 0;
        for (int j = 2; j <= newn; j++) {
            k++;
            m++;
            v = v - x[m] + x[k];
            ave[j] = v / window;
        }
    }

    private void loess(double[] y, int len, int span, int degree, int jump, boolean userw,
                       double[] rw, double[] ys, double[] work) {
        loessInto(y, len, span, degree, jump, userw, rw, ys, 0, work);
    }

    /**
     * Loess of y[1..len] evaluated at every jump-th point (and the last), linearly interpolated
     * between; results go to ys[offset + 1 .. offset + len].
     */
    private void loessInto(double[] y, int len, int span, int degree, int jump, boolean userw,
                           double[] rw, double[] ys, int offset, double[] work) {
        if (len < 2) {
            ys[offset + 1] = y[1];
            return;
        }
        int newnj = Math.min(jump, len - 1);
        int nleft = 1;
        int nright = len;
        if (span >= len) {
            for (int i = 1; i <= len; i += newnj) {
                double v = estimate(y, len, span, degree, i, 1, len, work, userw, rw);
                ys[offset + i] = Double.isNaN(v) ? y[i] : v;
            }
        } else if (newnj == 1) {
            int nsh = (span + 1) / 2;
            nleft = 1;
            nright = span;
            for (int i = 1; i <= len; i++) {
                if (i > nsh && nright != len) {
                    nleft++;
                    nright++;
                }
                double v = estimate(y, len, span, degree, i, nleft, nright, work, userw, rw);
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
                double v = estimate(y, len, span, degree, i, nleft, nright, work, userw, rw);
                ys[offset + i] = Double.isNaN(v) ? y[i] : v;
            }
        }
        if (newnj != 1) {
            for (int i = 1; i <= len - newnj; i += newnj) {
                double delta = (ys[offset + i + newnj] - ys[offset + i]) / newnj;
                for (int j = i + 1; j <= i + newnj - 1; j++) {
                    ys[offset + j] = ys[offset + i] + delta * (j - i);
                }
            }
            int k = ((len - 1) / newnj) * newnj + 1;
            if (k != len) {
                double v = estimate(y, len, span, degree, len, nleft, nright, work, userw, rw);
                ys[offset + len] = Double.isNaN(v) ? y[len] : v;
                if (k != len - 1) {
                    double delta = (ys[offset + len] - ys[offset + k]) / (len - k);
                    for (int j = k + 1; j <= len - 1; j++) {
                        ys[offset + j] = ys[offset + k] + delta * (j - k);
                    }
                }
            }
        }
    }

    /**
     * The local fit at xs from the points nleft..nright with tricube (times robustness)
     * weights; {@code NaN} when all weights are 0.
     */
    private double estimate(double[] y, int len, int span, int degree, double xs, int nleft,
                            int nright, double[] w, boolean userw, double[] rw) {
        double range = len - 1.0;
        double h = Math.max(xs - nleft, nright - xs);
        if (span > len) {
            h += (span - len) / 2;
        }
        double h9 = 0.999 * h;
        double h1 = 0.001 * h;
        double a = 0;
        for (int j = nleft; j <= nright; j++) {
            w[j] = 0;
            double r = Math.abs(j - xs);
            if (r <= h9) {
                if (r <= h1) {
                    w[j] = 1;
                } else {
                    double q = r / h;
                    double c = 1 - q * q * q;
                    w[j] = c * c * c;
                }
                if (userw) {
                    w[j] = rw[j] * w[j];
                }
                a += w[j];
            }
        }
        if (a <= 0) {
            return Double.NaN;
        }
        for (int j = nleft; j <= nright; j++) {
            w[j] /= a;
        }
        if (h > 0 && degree > 0) {
            a = 0;
            for (int j = nleft; j <= nright; j++) {
                a += w[j] * j;
            }
            double b = xs - a;
            double c = 0;
            for (int j = nleft; j <= nright; j++) {
                c += w[j] * (j - a) * (j - a);
            }
            if (Math.sqrt(c) > 0.001 * range) {
                b /= c;
                for (int j = nleft; j <= nright; j++) {
                    w[j] = w[j] * (b * (j - a) + 1);
                }
            }
        }
        double ys = 0;
        for (int j = nleft; j <= nright; j++) {
            ys += w[j] * y[j];
        }
        return ys;
    }

    /** Bisquare weights of the remainders, scaled by six times their median absolute size. */
    private void robustnessWeights(double[] y, double[] season, double[] trend, double[] rw) {
        double[] r = weightsBuffer;
        for (int i = 1; i <= n; i++) {
            r[i - 1] = Math.abs(y[i] - season[i] - trend[i]);
        }
        double[] sorted = java.util.Arrays.copyOf(r, n);
        java.util.Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        double cmad = 6 * median;
        double c9 = 0.999 * cmad;
        double c1 = 0.001 * cmad;
        for (int i = 1; i <= n; i++) {
            double v = r[i - 1];
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
