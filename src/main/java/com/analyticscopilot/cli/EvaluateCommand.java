package com.analyticscopilot.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the part behind {@code copilot evaluate} lands; see README. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class EvaluateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'evaluate' is not implemented yet");
    }
}
