package com.analyticscopilot.forecast;

import com.analyticscopilot.data.CsvDatasetReader;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.SiteSeries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison table of README.md, run from the test class path:
 * validation MSE (scaled units) on a few target sites of seasonal naive, a model trained on the
 * site alone, the pretrained base as is, the base fine-tuned (all layers, and first layer
 * frozen), and the same with a base pretrained without the target sites (a true transfer).
 *
 * <p>Arguments: {@code KPIS.csv BASE.zip SITE...}. Settings are the defaults.
 */
public final class ForecastComparison {

    private ForecastComparison() {
    }

    public static void main(String[] args) {
        Dataset data = CsvDatasetReader.read(Path.of(args[0]));
        Path basePath = Path.of(args[1]);
        List<String> targets = List.of(args).subList(2, args.length);
        ForecastSettings settings = ForecastSettings.defaults();
        int period = data.step().defaultPeriod();
        LstmForecaster base = Files.exists(basePath) ? LstmForecaster.load(basePath)
                : ForecastTrainer.pretrain(data, settings, TrainingListener.NONE, () -> false);

        List<SiteSeries> others = new ArrayList<>();
        for (SiteSeries s : data.sites()) {
            if (!targets.contains(s.site())) {
                others.add(s);
            }
        }
        long t0 = System.nanoTime();
        LstmForecaster baseWithout = ForecastTrainer.pretrain(
                new Dataset(data.source(), data.kpis(), data.step(), others), settings,
                TrainingListener.NONE, () -> false);
        System.out.printf(Locale.ROOT, "base without the targets: %d epochs, %.0f s%n",
                baseWithout.trainLoss().length, (System.nanoTime() - t0) / 1e9);

        String[] columns = {"seasonal naive", "scratch (site only)", "pretrained as is",
            "fine-tuned", "fine-tuned, 1st layer frozen", "pretrained w/o target",
            "fine-tuned w/o target"};
        Map<String, ForecastError[]> rows = new LinkedHashMap<>();
        for (String site : targets) {
            Dataset one = new Dataset(data.source(), data.kpis(), data.step(),
                    List.of(data.site(site).orElseThrow()));
            ForecastSettings frozen = settings.toBuilder().freezeFirstLayer(true).build();
            ForecastError[] e = {
                ForecastEvaluation.seasonalNaive(data, site, settings, period),
                ForecastEvaluation.validationError(ForecastTrainer.pretrain(one, settings,
                        TrainingListener.NONE, () -> false), data, site),
                ForecastEvaluation.validationError(base, data, site),
                ForecastEvaluation.validationError(ForecastTrainer.fineTune(base, data, site,
                        settings, TrainingListener.NONE, () -> false), data, site),
                ForecastEvaluation.validationError(ForecastTrainer.fineTune(base, data, site,
                        frozen, TrainingListener.NONE, () -> false), data, site),
                ForecastEvaluation.validationError(baseWithout, data, site),
                ForecastEvaluation.validationError(ForecastTrainer.fineTune(baseWithout, data,
                        site, settings, TrainingListener.NONE, () -> false), data, site),
            };
            rows.put(site, e);
        }

        StringBuilder md = new StringBuilder("| site (validation windows) |");
        for (String c : columns) {
            md.append(' ').append(c).append(" |");
        }
        md.append("\n|---|").append("---:|".repeat(columns.length)).append('\n');
        double[] mean = new double[columns.length];
        for (Map.Entry<String, ForecastError[]> r : rows.entrySet()) {
            md.append("| ").append(r.getKey()).append(" (").append(r.getValue()[2].windows())
                    .append(") |");
            for (int c = 0; c < columns.length; c++) {
                md.append(String.format(Locale.ROOT, " %.3f |", r.getValue()[c].overall()));
                mean[c] += r.getValue()[c].overall() / rows.size();
            }
            md.append('\n');
        }
        md.append("| **mean** |");
        for (double m : mean) {
            md.append(String.format(Locale.ROOT, " **%.3f** |", m));
        }
        md.append("\n\nPer KPI, mean over the target sites:\n\n| KPI |");
        for (String c : columns) {
            md.append(' ').append(c).append(" |");
        }
        md.append("\n|---|").append("---:|".repeat(columns.length)).append('\n');
        for (int k = 0; k < data.kpis().size(); k++) {
            md.append("| ").append(data.kpis().get(k).name()).append(" |");
            for (int c = 0; c < columns.length; c++) {
                double m = 0;
                for (ForecastError[] e : rows.values()) {
                    m += e[c].perKpi()[k] / rows.size();
                }
                md.append(String.format(Locale.ROOT, " %.3f |", m));
            }
            md.append('\n');
        }
        System.out.println(md);
    }
}
