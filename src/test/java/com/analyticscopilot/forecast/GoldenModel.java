package com.analyticscopilot.forecast;

import com.analyticscopilot.data.Dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The golden model file {@code src/test/resources/forecast/model-v1.zip} and the forecasts it
 * gave when written ({@code model-v1-forecasts.csv}). Written once by running this class's main
 * from the test class path (format version 1, 2026-12-03); never rewrite them for a format
 * change: a new format version gets its own golden file, and this one must still load.
 */
final class GoldenModel {

    static final int FIRST_STEP = 40;
    static final int STEPS = 6;

    private GoldenModel() {
    }

    static Dataset data() {
        return ForecastTestData.weekly(2, 60, 21);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/forecast");
        Dataset data = data();
        LstmForecaster model = ForecastTrainer.pretrain(data, ForecastTestData.tiny(),
                TrainingListener.NONE, () -> false);
        model.save(dir.resolve("model-v1.zip"));
        NeuralScores scores = model.score(data, data.sites().get(0));
        StringBuilder csv = new StringBuilder(
                "# forecasts of site-1, steps 40-45, one KPI a line\n");
        for (double[] kpi : scores.forecast()) {
            for (int i = 0; i < STEPS; i++) {
                csv.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.9g",
                        kpi[FIRST_STEP + i]));
            }
            csv.append('\n');
        }
        Files.writeString(dir.resolve("model-v1-forecasts.csv"), csv);
    }

    static double[][] readExpected() throws IOException {
        try (InputStream in = GoldenModel.class.getResourceAsStream(
                "/forecast/model-v1-forecasts.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()
                    .split("\n");
            double[][] out = new double[lines.length - 1][];
            for (int k = 1; k < lines.length; k++) {
                String[] cells = lines[k].split(",");
                out[k - 1] = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    out[k - 1][i] = Double.parseDouble(cells[i]);
                }
            }
            return out;
        }
    }
}
