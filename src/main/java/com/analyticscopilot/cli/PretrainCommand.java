package com.analyticscopilot.cli;

import com.analyticscopilot.data.CsvDatasetReader;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.forecast.ForecastSettings;
import com.analyticscopilot.forecast.ForecastTrainer;
import com.analyticscopilot.forecast.LstmForecaster;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code copilot pretrain}: trains the LSTM forecaster on every site of a KPI file. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Trains the LSTM forecaster on all sites of a KPI file and saves it.")
public final class PretrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "KPI file (CSV: date, site, one column per KPI).")
    private Path input;

    @Option(names = "--model", required = true, paramLabel = "BASE.zip",
            description = "Where to save the model (replaced only when training succeeds).")
    private Path model;

    @Option(names = "--window", paramLabel = "N", description = "Steps of history per forecast"
            + " (default 14).")
    private Integer window;

    @Option(names = "--layers", paramLabel = "N", description = "Stacked LSTM layers (default 2).")
    private Integer layers;

    @Option(names = "--hidden", paramLabel = "N", description = "Units per LSTM layer"
            + " (default 64).")
    private Integer hidden;

    @Mixin
    private TrainingOptions training;

    @Override
    public Integer call() {
        ForecastSettings.Builder b = training.apply(ForecastSettings.builder(), false);
        if (window != null) {
            b.window(window);
        }
        if (layers != null) {
            b.layers(layers);
        }
        if (hidden != null) {
            b.hiddenSize(hidden);
        }
        ForecastSettings settings = TrainingOptions.build(b, spec.commandLine());
        Dataset data = CsvDatasetReader.read(input);

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "pretraining on %d sites x %d KPIs of %s (window %d, %d x %d"
                        + " LSTM, batch %d, at most %d epochs)%n", data.siteCount(),
                data.kpis().size(), input, settings.window(), settings.layers(),
                settings.hiddenSize(), settings.batchSize(), settings.maxEpochs());
        TrainingProgressPrinter progress = new TrainingProgressPrinter(out,
                System.console() != null);
        LstmForecaster trained;
        try {
            trained = ForecastTrainer.pretrain(data, settings, progress, () -> false);
        } finally {
            progress.finish();
        }
        trained.save(model);
        TrainingSummary.print(out, trained, model);
        return CopilotCommand.OK;
    }
}
