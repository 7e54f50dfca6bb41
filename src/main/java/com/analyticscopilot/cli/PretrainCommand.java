package com.analyticscopilot.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the part behind {@code copilot pretrain} lands; see README. */
@Command(name = "pretrain", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class PretrainCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'pretrain' is not implemented yet");
    }
}
