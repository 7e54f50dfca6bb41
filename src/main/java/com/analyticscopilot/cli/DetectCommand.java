package com.analyticscopilot.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the part behind {@code copilot detect} lands; see README. */
@Command(name = "detect", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class DetectCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'detect' is not implemented yet");
    }
}
