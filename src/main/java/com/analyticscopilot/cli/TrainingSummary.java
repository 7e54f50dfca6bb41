package com.analyticscopilot.cli;

import com.analyticscopilot.forecast.LstmForecaster;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** The closing lines of a training command. */
final class TrainingSummary {

    private TrainingSummary() {
    }

    static void print(PrintWriter out, LstmForecaster model, Path file) {
        int best = model.bestEpoch();
        out.printf(Locale.ROOT, "kept epoch %d of %d: train loss %.4f, validation loss %.4f"
                        + " (MSE, robustly scaled units)%n", best, model.trainLoss().length,
                model.trainLoss()[best - 1], model.validationLoss()[best - 1]);
        out.println("saved " + file);
        out.flush();
    }
}
