package com.analyticscopilot.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the part behind {@code copilot feedback} lands; see README. */
@Command(name = "feedback", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class FeedbackCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'feedback' is not implemented yet");
    }
}
