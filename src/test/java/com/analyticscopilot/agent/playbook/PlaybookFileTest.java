package com.analyticscopilot.agent.playbook;

import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading playbook files: the user's copy, its mistakes, and falling back to the shipped one. */
class PlaybookFileTest {

    private static final String GOOD = """
            # a one-rule playbook
            rule lost-visits
              diagnosis: Visits lost
              when: count down >= 50%
              rationale: {count} for {duration}
              action: look | Look at {site}
            rule other
              diagnosis: Something else
              rationale: {moves}
              action: wait | Wait
            """;

    @TempDir
    Path folder;

    @Test
    void readsRulesConditionsAndActionsInOrder() {
        Playbook playbook = Playbook.parse(GOOD, "p.txt");

        assertEquals(2, playbook.rules().size());
        PlaybookRule rule = playbook.rules().get(0);
        assertEquals("lost-visits", rule.id());
        assertEquals(2, rule.line());
        assertEquals("count down >= 50%", rule.conditions().get(0).text());
        assertEquals("look", rule.actions().get(0).id());
        assertTrue(playbook.rules().get(1).isFallback());
    }

    @Test
    void brokenFileNamesEveryProblemWithItsLine() {
        String broken = """
                rule a
                  diagnosis: A
                  when: sessions down >= 30%
                  rationale: {count} fell
                  action: x | do x
                rule b
                  diagnosis: B
                  when: count down < 30%
                  rationale: {nonsense}
                """;

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Playbook.parse(broken, "my-playbook.txt"));

        assertEquals(5, e.problems().size(), e.problems()::toString);
        InputProblem role = e.problems().get(0);
        assertEquals("my-playbook.txt", role.file());
        assertEquals(3, role.line());
        assertTrue(role.message().contains("unknown KPI role 'sessions'"), role.message());
        assertEquals(8, e.problems().get(1).line());
        assertTrue(e.problems().get(1).message().contains("takes '>= N%'"));
        assertEquals(9, e.problems().get(2).line());
        assertTrue(e.problems().get(2).message().startsWith("unknown placeholder {nonsense}"));
        // The incomplete rule is reported at its header.
        assertEquals(6, e.problems().get(3).line());
        assertTrue(e.problems().get(3).message().contains("rule 'b' has no 'rationale:'"),
                e.problems().get(3).message());
        assertTrue(e.problems().get(4).message().contains("rule 'b' has no 'action:'"));
        assertTrue(e.getMessage().startsWith("5 problems, the first: my-playbook.txt:3: "),
                e.getMessage());
    }

    @Test
    void actionWithoutIdAndDuplicateRuleAreReported() {
        String broken = GOOD + """
                rule other
                  diagnosis: Twice
                  rationale: r
                  action: no bar here
                """;

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Playbook.parse(broken, "p.txt"));

        assertEquals(11, e.problems().get(0).line());
        assertTrue(e.problems().get(0).message().contains("used twice"));
        assertEquals(14, e.problems().get(1).line());
        assertTrue(e.problems().get(1).message().contains("action: ID | what to do"));
    }

    @Test
    void roseAndFellNeedASize() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Playbook.parse(GOOD.replace("count down >= 50%", "ratio fell"), "p.txt"));

        assertEquals(4, e.problems().get(0).line());
        assertTrue(e.problems().get(0).message().contains("needs a size"));
        assertEquals("ratio fell >= 35%", Playbook.parse(GOOD.replace("count down >= 50%",
                "ratio fell >= 35%"), "p.txt").rules().get(0).conditions().get(0).text());
    }

    @Test
    void userCopyOverridesTheShippedPlaybook() throws Exception {
        Path user = folder.resolve("playbook.txt");
        Files.writeString(user, GOOD);

        Playbook.Loaded loaded = Playbook.load(user);

        assertTrue(loaded.warnings().isEmpty());
        assertEquals(user.toString(), loaded.playbook().source());
        assertEquals("lost-visits", loaded.playbook().rules().get(0).id());
    }

    @Test
    void brokenUserCopyFallsBackToShippedWithWarningNamingFileAndLine() throws Exception {
        Path user = folder.resolve("playbook.txt");
        Files.writeString(user, GOOD.replace("count down >= 50%", "count sideways"));

        Playbook.Loaded loaded = Playbook.load(user);

        assertEquals(Playbook.shipped().rules(), loaded.playbook().rules());
        assertEquals("shipped playbook", loaded.playbook().source());
        String first = loaded.warnings().get(0);
        assertTrue(first.startsWith(user + ":4: unknown direction 'sideways'"), first);
        assertTrue(loaded.warnings().get(1).contains("using the shipped playbook"));
    }

    @Test
    void missingUserCopyMeansShippedWithoutWarnings() {
        Playbook.Loaded loaded = Playbook.load(folder.resolve("none.txt"));

        assertTrue(loaded.warnings().isEmpty());
        assertEquals("shipped playbook", loaded.playbook().source());
    }

    @Test
    void userFileLivesInTheUserFolder() {
        String before = System.getProperty("copilot.home");
        System.setProperty("copilot.home", folder.toString());
        try {
            assertEquals(folder.resolve("playbook.txt"), Playbook.userFile());
        } finally {
            if (before == null) {
                System.clearProperty("copilot.home");
            } else {
                System.setProperty("copilot.home", before);
            }
        }
    }

    @Test
    void emptyFileIsAProblemNotAnEmptyPlaybook() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Playbook.parse("# nothing\n", "empty.txt"));

        assertTrue(e.getMessage().contains("no rules"));
    }

    @Test
    void shippedPlaybookParsesAndSameInstanceRulesAreStable() {
        Playbook a = Playbook.shipped();
        Playbook b = Playbook.shipped();

        assertEquals(a.rules(), b.rules());
        assertSame(a.rules().get(0).getClass(), PlaybookRule.class);
    }
}
