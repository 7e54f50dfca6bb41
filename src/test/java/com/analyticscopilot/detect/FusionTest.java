package com.analyticscopilot.detect;

import org.junit.jupiter.api.Test;

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
        assertTrue(Fusion.fuse(5, 1, 0.5) < Fusion.fuse(5.1, 1, 0.5), "strict below the cap");
    }

    @Test
    void agreementIsNeededAndRewarded() {
        // One view alone, however far out, stays below the default threshold.
        assertTrue(Fusion.fuse(40, 0, 0) < DetectionSettings.DEFAULT_THRESHOLD);
        assertTrue(Fusion.fuse(0, 40, 0.5) < DetectionSettings.DEFAULT_THRESHOLD);
        // Two views at 4 each make more than 4; at rho = 1 they would be one view.
        assertEquals(8 / Math.sqrt(3), Fusion.fuse(4, 4, 0.5), 1e-12);
        assertTrue(Fusion.fuse(4, 4, 0.5) > 4);
        // Strong in one, mild support in the other: flagged.
        assertTrue(Fusion.fuse(12, 2.5, 0.5) > DetectionSettings.DEFAULT_THRESHOLD);
        assertEquals(14.5 / Math.sqrt(3), Fusion.strength(12, 2.5, 0.5), 1e-12);
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
        // Normal shares beyond 2 and 3: 4.55 % and 0.27 %; the 100 anomalies add 0.5 %.
        assertEquals(0.0455 + 0.005, CalibrationTest.fractionBeyond(fused, 2), 0.006);
        assertEquals(0.0027 + 0.005, CalibrationTest.fractionBeyond(fused, 3), 0.002);
    }
}
