package com.analyticscopilot.detect.stl;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LevelShiftScanTest {

    private static final int WINDOW = 21;
    private static final int MIN_AFTER = 14;
    private static final double THRESHOLD = 4.5;

    @Test
    void aLastingShiftIsOneFindingDatedOnItsFirstDay() {
        int exact = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double[] d = noise(new Random(seed), 180);
            for (int t = 100; t < 180; t++) {
                d[t] += 2.5;
            }
            List<int[]> found = findings(d, THRESHOLD);
            assertEquals(1, found.size(), "seed " + seed + ": " + describe(d));
            int at = found.get(0)[0];
            // The least-squares date of a shift of 2.5 spreads is off by a day or more now and
            // then; never by much.
            assertTrue(Math.abs(at - 100) <= 3, "seed " + seed + ": dated " + at);
            exact += Math.abs(at - 100) <= 1 ? 1 : 0;
            assertTrue(found.get(0)[1] > 0, "an upward shift scores positive");
        }
        assertTrue(exact >= 17, exact + " of 20 dated within a day");
    }

    @Test
    void aShiftTwoWeeksBeforeTheEndIsFoundAndADownwardOneScoresNegative() {
        double[] d = noise(new Random(5), 180);
        for (int t = 164; t < 180; t++) {
            d[t] -= 3;
        }
        List<int[]> found = findings(d, THRESHOLD);
        assertEquals(1, found.size(), describe(d));
        assertTrue(Math.abs(found.get(0)[0] - 164) <= 1, "dated " + found.get(0)[0]);
        assertTrue(found.get(0)[1] < 0);
    }

    @Test
    void pureNoiseGivesAboutStandardNormalStatisticsAndNoFindings() {
        List<Double> all = new ArrayList<>();
        int findings = 0;
        for (long seed = 100; seed < 300; seed++) {
            double[] d = noise(new Random(seed), 180);
            double[] spread = constant(180, 1.0);
            double[] stat = LevelShiftScan.statistic(d, spread, WINDOW, MIN_AFTER);
            for (double v : stat) {
                if (!Double.isNaN(v)) {
                    all.add(Math.abs(v));
                }
            }
            findings += findings(d, THRESHOLD).size();
        }
        double median = RobustScale.median(all.stream().mapToDouble(Double::doubleValue)
                .toArray());
        // A normal's median |Z| is 0.6745; the median of 21 values has a standard error a
        // little under sqrt(pi / 2) of the mean's, so the statistic errs small.
        assertTrue(median > 0.55 && median < 0.7, "median |T| " + median);
        assertTrue(findings <= 1, findings + " findings beyond 4.5 in 200 noise series");
    }

    @Test
    void incidentsOfUnderAWeekAreNotCalledShifts() {
        for (long seed = 1; seed <= 20; seed++) {
            double[] d = noise(new Random(seed), 180);
            // A 5-day outage at 90 % (log scale: -2.3, here 20 spreads), a 3-day spike, and a
            // 4-day dip at the very end of the series.
            for (int t = 60; t < 65; t++) {
                d[t] -= 20;
            }
            for (int t = 120; t < 123; t++) {
                d[t] += 8;
            }
            for (int t = 176; t < 180; t++) {
                d[t] -= 6;
            }
            assertEquals(List.of(), findings(d, THRESHOLD), "seed " + seed + ": " + describe(d));
        }
    }

    @Test
    void aShiftIsDatedRightEvenWithAnOutageBesideIt() {
        int wrong = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double[] d = noise(new Random(seed), 180);
            for (int t = 90; t < 94; t++) {
                d[t] -= 25;
            }
            for (int t = 100; t < 180; t++) {
                d[t] += 3;
            }
            List<int[]> found = findings(d, THRESHOLD);
            boolean dated = found.stream().anyMatch(f -> Math.abs(f[0] - 100) <= 1);
            wrong += dated ? 0 : 1;
        }
        // Without clipping, the least-squares split goes to the outage's edge every time.
        assertTrue(wrong <= 1, wrong + " of 20 shifts dated wrong");
    }

    @Test
    void missingValuesAndSpreadsAreSkipped() {
        double[] d = noise(new Random(9), 180);
        for (int t = 100; t < 180; t++) {
            d[t] += 3;
        }
        for (int t = 95; t < 99; t++) {
            d[t] = Double.NaN;
        }
        d[130] = Double.NaN;
        double[] spread = constant(180, 1.0);
        spread[40] = Double.NaN;
        double[] stat = LevelShiftScan.statistic(d, spread, WINDOW, MIN_AFTER);
        double[] changes = LevelShiftScan.changes(stat, d, spread, WINDOW);
        int best = -1;
        for (int t = 0; t < changes.length; t++) {
            if (!Double.isNaN(changes[t]) && (best < 0
                    || Math.abs(changes[t]) > Math.abs(changes[best]))) {
                best = t;
            }
        }
        assertTrue(Math.abs(changes[best]) > THRESHOLD);
        assertTrue(best >= 99 && best <= 101, "dated " + best);
    }

    @Test
    void theStatisticIsOnlyComputedWhereBothWindowsAreLongEnough() {
        double[] d = noise(new Random(1), 60);
        double[] stat = LevelShiftScan.statistic(d, constant(60, 1.0), WINDOW, MIN_AFTER);
        for (int t = 0; t < 60; t++) {
            boolean judged = t >= WINDOW && t + MIN_AFTER <= 60;
            assertEquals(judged, !Double.isNaN(stat[t]), "step " + t);
        }
        double[] shortSeries = LevelShiftScan.statistic(noise(new Random(1), 30),
                constant(30, 1.0), WINDOW, MIN_AFTER);
        assertTrue(Arrays.stream(shortSeries).allMatch(Double::isNaN));
        assertThrows(IllegalArgumentException.class,
                () -> LevelShiftScan.statistic(d, constant(60, 1.0), 7, 8));
        assertThrows(IllegalArgumentException.class,
                () -> LevelShiftScan.statistic(d, constant(59, 1.0), 7, 7));
    }

    /** Findings beyond the threshold as {step, sign}. */
    private static List<int[]> findings(double[] d, double threshold) {
        double[] spread = constant(d.length, 1.0);
        double[] stat = LevelShiftScan.statistic(d, spread, WINDOW, MIN_AFTER);
        double[] changes = LevelShiftScan.changes(stat, d, spread, WINDOW);
        List<int[]> out = new ArrayList<>();
        for (int t = 0; t < changes.length; t++) {
            if (Math.abs(changes[t]) >= threshold) {
                out.add(new int[] {t, (int) Math.signum(changes[t])});
            }
        }
        return out;
    }

    private static String describe(double[] d) {
        double[] spread = constant(d.length, 1.0);
        double[] changes = LevelShiftScan.changes(
                LevelShiftScan.statistic(d, spread, WINDOW, MIN_AFTER), d, spread, WINDOW);
        StringBuilder b = new StringBuilder("findings:");
        for (int t = 0; t < changes.length; t++) {
            if (!Double.isNaN(changes[t])) {
                b.append(String.format(java.util.Locale.ROOT, " %d:%.2f", t, changes[t]));
            }
        }
        return b.toString();
    }

    private static double[] noise(Random random, int n) {
        double[] d = new double[n];
        for (int t = 0; t < n; t++) {
            d[t] = random.nextGaussian();
        }
        return d;
    }

    private static double[] constant(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }
}
