package com.analyticscopilot.detect.stl;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RobustScaleTest {

    @Test
    void theSelectedMedianOfALargeArrayIsTheSortedOne() {
        Random random = new Random(4);
        for (int n : new int[] {1023, 1024, 1025, 1026, 5000, 20_001, 100_000}) {
            for (String shape : new String[] {"normal", "ties", "sorted", "reversed", "nan"}) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = switch (shape) {
                        case "ties" -> random.nextInt(5);
                        case "sorted" -> i;
                        case "reversed" -> n - i;
                        case "nan" -> i % 3 == 0 ? Double.NaN : random.nextGaussian();
                        default -> random.nextGaussian();
                    };
                }
                double[] original = v.clone();
                assertEquals(sortedMedian(v), RobustScale.median(v), 0.0, n + " " + shape);
                assertTrue(Arrays.equals(original, v), "the input is left as it was");
            }
        }
    }

    @Test
    void medianAndSpread() {
        assertTrue(Double.isNaN(RobustScale.median(new double[] {Double.NaN})));
        assertEquals(2.5, RobustScale.median(new double[] {4, 1, 3, 2}));
        // MAD of {1, 2, 3, 4, 100} around 3 is 1; scaled 1.4826, and the outlier does not
        // move it, while the mean-absolute guard (1.2533 * 20.6 / 2) takes over only when
        // the MAD is under half of it, which it is here.
        double[] v = {1, 2, 3, 4, 100};
        assertEquals(1.0, RobustScale.mad(v, 3), 0.0);
        assertEquals(0.5 * 1.2533 * (2 + 1 + 0 + 1 + 97) / 5.0, RobustScale.sigma(v, 3, 1e-9),
                1e-12);
        double[] flat = {5, 5, 5, 5, 5};
        assertEquals(1e-3, RobustScale.sigma(flat, 5, 1e-3));
    }

    private static double sortedMedian(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : 0.5 * (v[mid - 1] + v[mid]);
    }
}
