package com.analyticscopilot.detect.stl;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our STL against R's {@code stats::stl}: golden fixtures in {@code stl-fixtures/}. */
class StlGoldenTest {

    /** R and stl-decomp-4j agreed to 6e-10 at worst when the fixtures were made. */
    private static final double TOLERANCE = 1e-8;

    @ParameterizedTest
    @ValueSource(strings = {"co2_periodic", "nottem_swin7_sdeg1", "daily180_spikes",
        "daily180_levelshift", "daily1000_periodic", "convrate211_robust",
        "daily999_periodic_robust"})
    void matchesR(String name) throws IOException {
        Fixture f = Fixture.load(name);

        StlDecomposition d = StlDecomposer.decompose(f.value, f.resolved());

        assertClose(f.seasonal, d.seasonal(), TOLERANCE, name + " seasonal");
        assertClose(f.trend, d.trend(), TOLERANCE, name + " trend");
        assertClose(f.remainder, d.remainder(), TOLERANCE, name + " remainder");
        if (f.weights != null) {
            assertClose(f.weights, d.weights(), TOLERANCE, name + " weights");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"co2_periodic", "nottem_swin7_sdeg1", "daily180_spikes",
        "daily180_levelshift", "daily1000_periodic", "convrate211_robust",
        "daily180_spikes_robust", "daily999_periodic_robust"})
    void resolvesRDefaultsFromTheRCall(String name) throws IOException {
        Fixture f = Fixture.load(name);
        String call = f.json("r_call");
        StlParameters.Builder b = StlParameters.builder().period(f.integer("n.p"));
        Matcher window = Pattern.compile("s.window = (\\d+)").matcher(call);
        if (window.find()) {
            b.seasonalWindow(Integer.parseInt(window.group(1)));
        } else {
            b.periodic();
        }
        b.robust(call.contains("robust = TRUE"));
        optional(call, "s.degree").ifPresent(b::seasonalDegree);
        optional(call, "l.window").ifPresent(b::lowPassWindow);
        optional(call, "s.jump").ifPresent(b::seasonalJump);
        optional(call, "t.jump").ifPresent(b::trendJump);
        optional(call, "l.jump").ifPresent(b::lowPassJump);

        StlParameters.Resolved r = b.build().resolve(f.value.length, 99);

        assertEquals(f.resolved(), r, name);
    }

    @Test
    void evenLengthRobustFixtureDiffersOnlyByRsInexactMedian() throws IOException {
        Fixture f = Fixture.load("daily180_spikes_robust");
        assertEquals("false", f.json("median_exact"), "the fixture documents R's quirk");

        StlDecomposition d = StlDecomposer.decompose(f.value, f.resolved());

        // Measured when the fixtures were made: 0.8 on the seasonal and 0.56 on the trend, on a
        // series of range about 1,000. Far below that would mean the quirk is gone (then tighten
        // this test); far above would be a real error.
        double seasonal = maxDiff(f.seasonal, d.seasonal());
        double trend = maxDiff(f.trend, d.trend());
        assertTrue(seasonal > 1e-6 && seasonal < 1.0, "seasonal max diff " + seasonal);
        assertTrue(trend > 1e-6 && trend < 0.6, "trend max diff " + trend);
        double[] s = d.seasonal();
        double[] t = d.trend();
        double[] r = d.remainder();
        for (int i = 0; i < f.value.length; i++) {
            assertEquals(f.value[i], s[i] + t[i] + r[i], 1e-9, "components add up at " + i);
        }
    }

    private static java.util.Optional<Integer> optional(String call, String arg) {
        Matcher m = Pattern.compile(Pattern.quote(arg) + " = (\\d+)").matcher(call);
        return m.find() ? java.util.Optional.of(Integer.parseInt(m.group(1)))
                : java.util.Optional.empty();
    }

    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double worst = maxDiff(expected, actual);
        assertTrue(worst <= tol, what + ": max abs difference " + worst + " > " + tol);
    }

    private static double maxDiff(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    /** One fixture: CSV columns, the params JSON and the optional weights. */
    static final class Fixture {
        double[] value;
        double[] seasonal;
        double[] trend;
        double[] remainder;
        double[] weights;
        String json;

        static Fixture load(String name) throws IOException {
            Fixture f = new Fixture();
            List<double[]> rows = csv(name + ".csv");
            int n = rows.size();
            f.value = new double[n];
            f.seasonal = new double[n];
            f.trend = new double[n];
            f.remainder = new double[n];
            for (int i = 0; i < n; i++) {
                f.value[i] = rows.get(i)[1];
                f.seasonal[i] = rows.get(i)[2];
                f.trend[i] = rows.get(i)[3];
                f.remainder[i] = rows.get(i)[4];
            }
            f.json = text(name + ".params.json");
            if (!"null".equals(f.json("weights_file"))) {
                List<double[]> w = csv(name + ".weights.csv");
                f.weights = w.stream().mapToDouble(r -> r[1]).toArray();
            }
            return f;
        }

        String json(String key) {
            String value = "(\"(?:[^\"\\\\]|\\\\.)*\"|[^,\\n]+)";
            Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\\s*" + value)
                    .matcher(json);
            if (!m.find()) {
                throw new IllegalStateException("no " + key);
            }
            String v = m.group(1).trim();
            return v.startsWith("\"") ? v.substring(1, v.length() - 1).replace("\\\"", "\"") : v;
        }

        int integer(String key) {
            return Integer.parseInt(json(key));
        }

        StlParameters.Resolved resolved() {
            return new StlParameters.Resolved(integer("n.p"), integer("s.window"),
                    integer("s.degree"), integer("t.window"), integer("t.degree"),
                    integer("l.window"), integer("l.degree"), integer("s.jump"),
                    integer("t.jump"), integer("l.jump"), integer("inner"), integer("outer"),
                    Boolean.parseBoolean(json("periodic")));
        }

        private static String text(String file) throws IOException {
            try (InputStream in = StlGoldenTest.class.getResourceAsStream("/stl-fixtures/" + file)) {
                if (in == null) {
                    throw new IOException("missing test resource stl-fixtures/" + file);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        private static List<double[]> csv(String file) throws IOException {
            List<double[]> rows = new ArrayList<>();
            String[] lines = text(file).split("\\R");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] cells = lines[i].split(",");
                double[] row = new double[cells.length];
                for (int c = 0; c < cells.length; c++) {
                    row[c] = Double.parseDouble(cells[c]);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
