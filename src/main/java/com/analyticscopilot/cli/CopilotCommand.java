package com.analyticscopilot.cli;

import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * {@code copilot}: the headless pipeline. Exit codes: 0 success, 2 bad usage or bad input,
 * 1 internal failure (details in the log file, never a stack trace on the terminal).
 */
@Command(name = "copilot", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Finds abnormal KPIs across sites and says what to do about them.",
        subcommands = {
            GenerateCommand.class,
            ValidateCommand.class,
            DetectCommand.class,
            EvaluateCommand.class,
            PretrainCommand.class,
            FinetuneCommand.class,
            RecommendCommand.class,
            FeedbackCommand.class,
        })
public final class CopilotCommand implements Runnable {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private static final Logger LOG = LoggerFactory.getLogger(CopilotCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line; tests use it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CopilotCommand());
        cli.setExecutionExceptionHandler(CopilotCommand::handle);
        return cli;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof InvalidInputException invalid) {
            for (InputProblem problem : invalid.problems()) {
                err.println("error: " + problem);
            }
            return BAD_INPUT;
        }
        LOG.error("copilot {} failed", cli.getCommandName(), e);
        err.println("error: " + cli.getCommandName() + " failed: " + e.getMessage()
                + " (details in the log, " + LogFiles.describe() + ")");
        return FAILURE;
    }
}
