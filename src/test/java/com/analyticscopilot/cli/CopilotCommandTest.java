package com.analyticscopilot.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopilotCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = CopilotCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsEveryPipelineStep() {
        assertEquals(CopilotCommand.OK, run("--help"));
        for (String step : new String[] {"generate", "validate", "detect", "evaluate", "pretrain",
            "finetune", "recommend", "feedback"}) {
            assertTrue(out.toString().contains(step), () -> "help lacks " + step + ": " + out);
        }
    }

    @Test
    void everySubcommandHasHelp() {
        for (String step : CopilotCommand.commandLine().getSubcommands().keySet()) {
            out.getBuffer().setLength(0);
            assertEquals(CopilotCommand.OK, run(step, "--help"), step);
            assertTrue(out.toString().startsWith("Usage: copilot " + step), () -> step + ": " + out);
        }
    }

    @Test
    void unknownOptionIsBadUsage() {
        assertEquals(CopilotCommand.BAD_INPUT, run("--no-such-option"));
        assertTrue(err.toString().contains("--no-such-option"), err::toString);
    }

    @Test
    void missingSubcommandIsBadUsage() {
        assertEquals(CopilotCommand.BAD_INPUT, run());
    }
}
