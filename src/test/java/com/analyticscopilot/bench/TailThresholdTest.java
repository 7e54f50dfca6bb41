package com.analyticscopilot.bench;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TailThresholdTest {

    @Test
    void exponentialTailIsFittedWithShapeNearZero() {
        // Exponential excesses with scale 2: a GPD with xi = 0 and sigma = 2.
        Random random = new Random(7);
        double[] x = new double[20_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = -2 * Math.log(1 - random.nextDouble());
        }

        double[] fit = TailThreshold.fitGpd(x);

        assertEquals(0.0, fit[0], 0.05);
        assertEquals(2.0, fit[1], 0.1);
    }

    @Test
    void extrapolatedQuantileMatchesTheKnownTail() {
        // |N(0,1)| has P(X > 3.89) = 1e-4: beyond every one of 5,000 draws most of the time.
        Random random = new Random(11);
        double[] x = new double[5_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.abs(random.nextGaussian());
        }

        double q = TailThreshold.exceededWithProbability(x, 1e-4);

        assertEquals(3.89, q, 0.35);
    }

    @Test
    void heavyTailGivesAHigherThresholdThanALightOne() {
        // Pareto with tail index 2 (xi = 0.5) against the exponential, same median.
        Random random = new Random(3);
        double[] light = new double[5_000];
        double[] heavy = new double[5_000];
        for (int i = 0; i < light.length; i++) {
            double u = random.nextDouble();
            light[i] = -Math.log(1 - u);
            heavy[i] = Math.pow(1 - u, -0.5) - 1;
        }

        double lightQ = TailThreshold.exceededWithProbability(light, 1e-4);
        double heavyQ = TailThreshold.exceededWithProbability(heavy, 1e-4);

        assertEquals(Math.log(1e4), lightQ, 1.5);
        assertEquals(99.0, heavyQ, 40.0);
    }
}
