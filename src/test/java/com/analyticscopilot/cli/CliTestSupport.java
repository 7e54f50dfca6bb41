package com.analyticscopilot.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * Runs {@code copilot} commands in-process as a terminal would, with the data folder
 * ({@code copilot.home}) pointed at a throw-away folder, so no test touches the real one.
 */
abstract class CliTestSupport {

    /** This test's data folder. */
    @TempDir
    protected Path home;

    /** What the last {@link #run} printed to standard output. */
    protected final StringWriter out = new StringWriter();

    /** What the last {@link #run} printed to standard error. */
    protected final StringWriter err = new StringWriter();

    private String previousHome;

    @BeforeEach
    final void pointTheDataFolderAtHome() {
        previousHome = System.getProperty("copilot.home");
        System.setProperty("copilot.home", home.toString());
    }

    @AfterEach
    final void restoreTheDataFolder() {
        if (previousHome == null) {
            System.clearProperty("copilot.home");
        } else {
            System.setProperty("copilot.home", previousHome);
        }
    }

    /** Runs one command line and returns its exit code; {@link #out} and {@link #err} hold its output. */
    protected int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = CopilotCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
