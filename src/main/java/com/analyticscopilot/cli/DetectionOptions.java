package com.analyticscopilot.cli;

import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.detect.DetectionMethod;
import com.analyticscopilot.detect.DetectionSettings;
import com.analyticscopilot.forecast.LstmForecaster;
import com.analyticscopilot.forecast.ResidualScorer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** The detection options {@code detect} and {@code evaluate} share (a picocli mixin). */
final class DetectionOptions {

    @Option(names = "--method", paramLabel = "METHOD",
            description = "stl, lstm or hybrid (default: hybrid with --model, else stl)")
    String method;

    @Option(names = "--threshold", paramLabel = "Z",
            description = "calibrated score at which a point is flagged (default: "
                    + DetectionSettings.DEFAULT_THRESHOLD + ")")
    Double threshold;

    @Option(names = "--sensitivity", paramLabel = "S",
            description = "divides the threshold, 0.25 to 4 (default: 1)")
    Double sensitivity;

    @Option(names = "--period", paramLabel = "STEPS",
            description = "seasonal period in steps (default: from the time step: daily 7,"
                    + " hourly 24, 5-minute 288)")
    Integer period;

    @Option(names = "--model", paramLabel = "MODEL.zip",
            description = "a trained forecaster for the neural view")
    Path model;

    /** The method asked for, or {@code null} for the default. */
    DetectionMethod method(CommandLine cli) {
        if (method == null) {
            return null;
        }
        DetectionMethod m = DetectionMethod.parse(method);
        if (m == null) {
            throw new CommandLine.ParameterException(cli, "--method must be stl, lstm or hybrid,"
                    + " got '" + method + "'");
        }
        return m;
    }

    DetectionSettings settings(CommandLine cli) {
        try {
            DetectionSettings s = DetectionSettings.defaults().withMethod(method(cli));
            if (threshold != null) {
                s = s.withThreshold(threshold);
            }
            if (sensitivity != null) {
                s = s.withSensitivity(sensitivity);
            }
            if (period != null) {
                s = s.withStl(s.stl().toBuilder().period(period).build());
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }

    /**
     * The neural view from {@code --model}, or {@code null} without one.
     *
     * @throws InvalidInputException when the file is missing, not a model or incompatible
     */
    ResidualScorer scorer() {
        if (model == null) {
            return null;
        }
        if (!Files.isRegularFile(model)) {
            throw new InvalidInputException(InputProblem.of(model.toString(),
                    "no such model file"));
        }
        return LstmForecaster.load(model);
    }
}
