package com.analyticscopilot.detect.stl;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StlDecomposerTest {

    private static double[] weekly(int n, long seed) {
        Random random = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 100 + 0.1 * t + 10 * Math.sin(2 * Math.PI * t / 7) + random.nextGaussian();
        }
        return y;
    }

    @Test
    void missingValuesStayMissingAndTheFitBridgesThem() {
        double[] y = weekly(84, 1);
        double[] gappy = y.clone();
        gappy[40] = Double.NaN;
        gappy[41] = Double.NaN;
        gappy[0] = Double.NaN;

        StlDecomposition d = StlDecomposer.decompose(gappy, StlParameters.R_DEFAULTS, 7);

        assertTrue(Double.isNaN(d.remainder()[40]));
        assertTrue(Double.isNaN(d.remainder()[0]));
        assertTrue(Double.isNaN(d.value()[41]));
        // The fit through the gap is close to the hidden truth (noise sd 1, seasonal amplitude 10).
        assertEquals(y[40], d.fitted(40), 4.0);
        assertEquals(y[41], d.fitted(41), 4.0);
        assertEquals(y[10], d.seasonal()[10] + d.trend()[10] + d.remainder()[10], 1e-9);
    }

    @Test
    void interpolationIsLinearInsideAndFlatAtTheEnds() {
        double[] filled = StlDecomposer.interpolateMissing(
                new double[] {Double.NaN, 1, Double.NaN, Double.NaN, 4, Double.NaN});
        assertEquals(1, filled[0]);
        assertEquals(2, filled[2], 1e-12);
        assertEquals(3, filled[3], 1e-12);
        assertEquals(4, filled[5]);
    }

    @Test
    void periodComesFromTheStepUnlessSet() {
        assertEquals(7, StlParameters.R_DEFAULTS.resolve(100, 7).period());
        assertEquals(12, StlParameters.R_DEFAULTS.toBuilder().period(12).build()
                .resolve(100, 7).period());
    }

    @Test
    void badParametersNameTheParameterAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StlParameters.builder().seasonalWindow(1).build());
        assertTrue(e.getMessage().contains("seasonalWindow") && e.getMessage().contains("1"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> StlParameters.builder().periodic().trendDegree(2).build());
        assertTrue(e.getMessage().contains("trendDegree") && e.getMessage().contains("2"));
        e = assertThrows(IllegalArgumentException.class,
                () -> StlParameters.builder().periodic().outer(-1).build());
        assertTrue(e.getMessage().contains("outer"));
        e = assertThrows(IllegalArgumentException.class,
                () -> StlParameters.builder().build());
        assertTrue(e.getMessage().contains("seasonalWindow"));
        e = assertThrows(IllegalArgumentException.class,
                () -> StlDecomposer.decompose(new double[10], StlParameters.R_DEFAULTS, 7));
        assertTrue(e.getMessage().contains("two periods"), e.getMessage());
    }
}
