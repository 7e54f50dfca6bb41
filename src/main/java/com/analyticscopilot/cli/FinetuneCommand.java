package com.analyticscopilot.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the part behind {@code copilot finetune} lands; see README. */
@Command(name = "finetune", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class FinetuneCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'finetune' is not implemented yet");
    }
}
