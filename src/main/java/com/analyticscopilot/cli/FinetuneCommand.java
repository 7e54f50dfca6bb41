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

/** {@code copilot finetune}: adapts a pretrained forecaster to one site. */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = "Fine-tunes a pretrained LSTM forecaster on one site and saves it.")
public final class FinetuneCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "KPI file (CSV: date, site, one column per KPI).")
    private Path input;

    @Option(names = "--site", required = true, paramLabel = "ID", description = "The site.")
    private String site;

    @Option(names = "--base", required = true, paramLabel = "BASE.zip",
            description = "The pretrained model (copilot pretrain).")
    private Path base;

    @Option(names = "--model", required = true, paramLabel = "SITE.zip",
            description = "Where to save the fine-tuned model.")
    private Path model;

    @Option(names = "--freeze-first-layer",
            description = "Keep the first LSTM layer's pretrained weights.")
    private boolean freezeFirstLayer;

    @Mixin
    private TrainingOptions training;

    @Override
    public Integer call() {
        ForecastSettings settings = TrainingOptions.build(training.apply(
                ForecastSettings.builder(), true).freezeFirstLayer(freezeFirstLayer),
                spec.commandLine());
        LstmForecaster pretrained = LstmForecaster.load(base);
        Dataset data = CsvDatasetReader.read(input);

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "fine-tuning %s on site %s of %s (learning rate %s%s)%n", base,
                site, input, settings.fineTuneLearningRate(),
                freezeFirstLayer ? ", first layer frozen" : "");
        TrainingProgressPrinter progress = new TrainingProgressPrinter(out,
                System.console() != null);
        LstmForecaster tuned;
        try {
            tuned = ForecastTrainer.fineTune(pretrained, data, site, settings, progress,
                    () -> false);
        } finally {
            progress.finish();
        }
        tuned.save(model);
        TrainingSummary.print(out, tuned, model);
        return CopilotCommand.OK;
    }
}
