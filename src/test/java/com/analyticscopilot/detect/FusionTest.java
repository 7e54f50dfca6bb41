package com.analyticscopilot.detect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FusionTest {

    private static final double[] GRID = {-30, -7, -5, -3, -1, 0, 0.5, 1, 2, 3, 4, 5, 7, 10, 30};

    @Test
    void fusionIsMonotoneInEachInput() {
        for (double rho : new double[] {0, 0.5, 0.9}) {
            for (double other : GRID) {
                double previousA = Double.NEGATIVE_INFINITY;
                double previousB = Double.NEGATIVE_INFINITY;
                for (double z : GRID) {
                    double a = Fusion.fuse(z, other, rho);
                    double b = Fusion.fuse(other, z, rho);
                    assertTrue(a >= previousA, "fuse(" + z + ", " + other + ") = " + a);
                    assertTrue(b >= previousB, "fuse(" + other + ", " + z + ") = " + b);
                    if (z * other >= 0) {
                        assertTrue(Math.abs(Fusion.strength(z, other, rho)) >= Math.abs(a),
                                "strength is the uncapped score");
                    }
                    previousA = a;
                    previousB = b;
                }
            }
        }
        assertTrue(Fusion.fuse(5, 3, 0.5) < Fusion.fuse(5.1, 3, 0.5), "strict below the cap");
    }

    @Test
    void agreementIsNeededButNeverLiftsAboveTheStrongerView() {
        // One view alone, however far out, stays below the default threshold.
        assertTrue(Fusion.fuse(40, 0, 0) < DetectionSettings.DEFAULT_THRESHOLD);
        assertTrue(Fusion.fuse(0, 40, 0.5) < DetectionSettings.DEFAULT_THRESHOLD);
        // Strong in one, clear support in the other: the Stouffer sum, flagged.
        assertEquals(9 / Math.sqrt(3), Fusion.fuse(6, 3, 0.5), 1e-12);
        assertTrue(Fusion.fuse(12, 3, 0.5) > DetectionSettings.DEFAULT_THRESHOLD);
        assertEquals(15 / Math.sqrt(3), Fusion.strength(12, 3, 0.5), 1e-12);
        // Two views that agree but are each just short of the threshold stay short: at
        // rho = 0.5 the sum alone would make 4.4 + 4.4 into 5.08.
        assertEquals(4.4, Fusion.fuse(4.4, 4.4, 0.5), 1e-12);
        assertEquals(-4.4, Fusion.fuse(-4.4, -4.1, 0.2), 1e-12);
        assertTrue(Fusion.fuse(4.4, 4.4, 0) < DetectionSettings.DEFAULT_THRESHOLD);
        // ... and where one view is past it, the other's support confirms it.
        assertEquals(4.6, Fusion.fuse(4.6, 4.4, 0.5), 1e-12);
    }

    @Test
    void theFusedScoreNeverExceedsTheStrongerView() {
        for (double rho : new double[] {0, 0.3, 0.9}) {
            for (double a : GRID) {
                for (double b : GRID) {
                    double stronger = Math.max(Math.min(Math.abs(a), Fusion.VIEW_CAP),
                            Math.min(Math.abs(b), Fusion.VIEW_CAP));
                    assertTrue(Math.abs(Fusion.fuse(a, b, rho)) <= stronger + 1e-12,
                            "fuse(" + a + ", " + b + ", " + rho + ")");
                    assertTrue(Math.abs(Fusion.strength(a, b, rho))
                            <= Math.max(Math.abs(a), Math.abs(b)) + 1e-12);
                }
            }
        }
    }

    @Test
    void thePooledCorrelationIsTheMedianOverSeriesWithEnoughSteps() {
        Random random = new Random(3);
        List<double[]> stl = new ArrayList<>();
        List<double[]> lstm = new ArrayList<>();
        double[] rhos = {0.2, 0.5, 0.6, 0.7, 0.8};
        for (double rho : rhos) {
            double[][] pair = correlated(random, 4000, rho);
            stl.add(pair[0]);
            lstm.add(pair[1]);
        }
        // A series with only five steps scored by both views does not vote.
        double[] few = new double[4000];
        java.util.Arrays.fill(few, Double.NaN);
        for (int t = 0; t < 5; t++) {
            few[t] = -1;
        }
        stl.add(few);
        lstm.add(few.clone());

        assertEquals(0.6, Fusion.pooledCorrelation(stl, lstm), 0.05);
        assertEquals(0.0, Fusion.pooledCorrelation(List.of(few), List.of(few.clone())));
        double[][] opposite = correlated(random, 4000, -0.8);
        assertEquals(0.0, Fusion.pooledCorrelation(List.of(opposite[0]), List.of(opposite[1])),
                "a negative correlation is bounded to 0");
    }

    private static double[][] correlated(Random random, int n, double rho) {
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextGaussian();
            b[i] = rho * a[i] + Math.sqrt(1 - rho * rho) * random.nextGaussian();
        }
        return new double[][] {a, b};
    }

    @Test
    void signsAndMissingViews() {
        assertTrue(Fusion.fuse(-6, -2, 0.3) < 0);
        assertEquals(-3.5, Fusion.fuse(Double.NaN, -3.5, 0.2));
        assertEquals(2.0, Fusion.fuse(2.0, Double.NaN, 0.2));
        assertTrue(Double.isNaN(Fusion.fuse(Double.NaN, Double.NaN, 0)));
    }

    @Test
    void correlatedStandardNormalViewsFuseToStandardNormal() {
        Random random = new Random(8);
        int n = 20_000;
        double[] a = new double[n];
        double[] b = new double[n];
        double rho = 0.6;
        for (int i = 0; i < n; i++) {
            double x = random.nextGaussian();
            double y = rho * x + Math.sqrt(1 - rho * rho) * random.nextGaussian();
            a[i] = x;
            b[i] = y;
        }
        // A few anomalies seen by both views do not move the robust correlation.
        for (int i = 0; i < 100; i++) {
            a[i * 200] += 15;
            b[i * 200] += 12;
        }

        double estimate = Fusion.correlation(a, b);
        double[] fused = new double[n];
        for (int i = 0; i < n; i++) {
            fused[i] = Fusion.fuse(a[i], b[i], estimate);
        }

        assertEquals(rho, estimate, 0.05);
        // Normal shares beyond 2 and 3: 4.55 % and 0.27 %; the 100 anomalies add 0.5 %. Never
        // exceeding the stronger view makes the fused score slightly conservative on normal
        // data (at rho = 0.6 about 4.2 % and 0.21 %), never liberal.
        double beyond2 = CalibrationTest.fractionBeyond(fused, 2);
        double beyond3 = CalibrationTest.fractionBeyond(fused, 3);
        assertTrue(beyond2 <= 0.0455 + 0.005 + 0.003 && beyond2 >= 0.038 + 0.005, "" + beyond2);
        assertTrue(beyond3 <= 0.0027 + 0.005 + 0.001 && beyond3 >= 0.0015 + 0.005, "" + beyond3);
    }
}
