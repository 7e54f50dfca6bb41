package com.analyticscopilot.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the part behind {@code copilot recommend} lands; see README. */
@Command(name = "recommend", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class RecommendCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'recommend' is not implemented yet");
    }
}
