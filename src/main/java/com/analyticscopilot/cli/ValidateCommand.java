package com.analyticscopilot.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the part behind {@code copilot validate} lands; see README. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class ValidateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'validate' is not implemented yet");
    }
}
