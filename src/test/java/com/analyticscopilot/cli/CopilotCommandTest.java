package com.analyticscopilot.cli;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopilotCommandTest extends CliTestSupport {

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
