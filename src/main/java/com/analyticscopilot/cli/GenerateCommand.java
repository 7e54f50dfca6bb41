package com.analyticscopilot.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the part behind {@code copilot generate} lands; see README. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class GenerateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'generate' is not implemented yet");
    }
}
