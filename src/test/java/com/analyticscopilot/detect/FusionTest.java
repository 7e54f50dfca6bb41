package com.analyticscopilot.detect;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FusionTest {

    private static final double[] GRID = {0, 0.5, 1, 2, 3, 4, 5, 7, 10, 15, 25, 35, 45, 80};

    @Test
    void fusionIsMonotoneInEachInput() {
        for (double other : GRID) {
            double previousA = -1;
            double previousB = -1;
            for (double z : GRID) {
                double a = Fusion.fuse(z, other);
                double b = Fusion.fuse(other, z);
                assertTrue(a >= previousA, "fuse(" + z + ", " + other + ") = " + a);
                assertTrue(b >= previousB, "fuse(" + other + ", " + z + ") = " + b);
                assertTrue(Double.isFinite(a), "finite at " + z + ", " + other);
                previousA = a;
                previousB = b;
            }
        }
    }

    @Test
    void strictlyIncreasingWhereItMatters() {
        assertTrue(Fusion.fuse(5, 1) < Fusion.fuse(5.1, 1));
        assertTrue(Fusion.fuse(40, 1) < Fusion.fuse(41, 1));
    }

    @Test
    void agreementIsRewardedAndOneViewAloneCostsLittle() {
        // Two views at the same p give that p back: fused z equals the inputs.
        assertEquals(5, Fusion.fuse(5, 5), 1e-6);
        // One strong view alone is discounted by a factor 2 in p, less than 0.2 in z at z = 5.
        double alone = Fusion.fuse(5, 0);
        assertTrue(alone < 5 && alone > 4.8, "alone: " + alone);
        // Both moderately high beats one of them alone.
        assertTrue(Fusion.fuse(4, 4) > Fusion.fuse(4, 0));
    }

    @Test
    void signFollowsTheStrongerViewAndMissingViewsPassThrough() {
        assertTrue(Fusion.fuse(-6, 1) < 0);
        assertTrue(Fusion.fuse(1, 6) > 0);
        assertEquals(-3.5, Fusion.fuse(Double.NaN, -3.5));
        assertEquals(2.0, Fusion.fuse(2.0, Double.NaN));
        assertTrue(Double.isNaN(Fusion.fuse(Double.NaN, Double.NaN)));
    }
}
