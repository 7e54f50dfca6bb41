package com.analyticscopilot.agent.playbook;

import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.data.UserFolder;
import com.analyticscopilot.detect.AnomalyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules that turn an anomaly's signature into a diagnosis and actions, read from a plain
 * text file a user can edit. The format (one block per rule; {@code #} starts a comment):
 * <pre>
 * rule traffic-loss
 *   diagnosis: Traffic loss (tracking outage or lost source)
 *   when: count down &gt;= 30%
 *   when: ratio steady &lt; 20%
 *   rationale: {count} for {duration} while {ratio.name} held ({ratio.change})
 *   action: check-tracking | Check that the analytics tag fires on every page
 *   action: check-sources | Compare traffic by source with the week before
 * </pre>
 * Conditions: {@code ROLE up|down|moved [>= N%]}, {@code ROLE steady [< N%]},
 * {@code ROLE rose|fell >= N%} (the change alone, flagged or not) (ROLE is count,
 * ratio, money, value or any), {@code duration OP N} (time steps), {@code sites OP N},
 * {@code shared}, {@code not shared}; OP is one of {@code >= <= > < =}. Rules are tried in file
 * order; every matching rule yields a recommendation, the first one on top. A rule without
 * {@code when:} lines is a fallback, used only when no other rule matches.
 */
public final class Playbook {

    /** Where the shipped playbook is on the class path. */
    public static final String SHIPPED_RESOURCE = "/playbook/playbook.txt";

    /** The name of a user's own playbook in the user folder. */
    public static final String USER_FILE_NAME = "playbook.txt";

    private static final Logger LOG = LoggerFactory.getLogger(Playbook.class);

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern BOUND = Pattern.compile("(>=|<)\\s*(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern COMPARE = Pattern.compile("(>=|<=|>|<|=)\\s*(\\d+)");

    private final String source;
    private final List<PlaybookRule> rules;

    private Playbook(String source, List<PlaybookRule> rules) {
        this.source = source;
        this.rules = List.copyOf(rules);
    }

    /**
     * A playbook with the warnings met while loading it.
     *
     * @param playbook the playbook in use
     * @param warnings what went wrong with the user's file, each naming file and line; empty
     *                 when it was fine or absent
     */
    public record Loaded(Playbook playbook, List<String> warnings) {

        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /** The user's playbook file: {@code playbook.txt} in the user folder. */
    public static Path userFile() {
        return UserFolder.path().resolve(USER_FILE_NAME);
    }

    /** The user's playbook when there is one and it reads, otherwise the shipped one. */
    public static Loaded load() {
        return load(userFile());
    }

    /**
     * The playbook at {@code userFile} when it exists and reads; otherwise the shipped one. A
     * broken user file does not stop the agent: its problems come back as warnings (and are
     * logged) and the shipped playbook is used.
     */
    public static Loaded load(Path userFile) {
        if (!Files.exists(userFile)) {
            return new Loaded(shipped(), List.of());
        }
        try {
            String text = Files.readString(userFile, StandardCharsets.UTF_8);
            return new Loaded(parse(text, userFile.toString()), List.of());
        } catch (IOException e) {
            String warning = userFile + ": cannot read the playbook (" + e.getMessage()
                    + "); using the shipped playbook";
            LOG.warn(warning);
            return new Loaded(shipped(), List.of(warning));
        } catch (InvalidInputException e) {
            List<String> warnings = new ArrayList<>();
            for (InputProblem problem : e.problems()) {
                warnings.add(problem.toString());
            }
            warnings.add(userFile + ": the playbook has " + e.problems().size()
                    + (e.problems().size() == 1 ? " problem" : " problems")
                    + "; using the shipped playbook until it is fixed");
            warnings.forEach(w -> LOG.warn(w));
            return new Loaded(shipped(), warnings);
        }
    }

    /** The playbook shipped with the application. */
    public static Playbook shipped() {
        try (InputStream in = Playbook.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped playbook " + SHIPPED_RESOURCE
                        + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "shipped playbook");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped playbook", e);
        }
    }

    /**
     * Reads a playbook.
     *
     * @param text   the file's content
     * @param source the file's name, for messages
     * @throws InvalidInputException listing every problem, each with its line
     */
    public static Playbook parse(String text, String source) {
        return new Parser(source).parse(text);
    }

    /** Where the playbook came from: a file name or "shipped playbook". */
    public String source() {
        return source;
    }

    public List<PlaybookRule> rules() {
        return rules;
    }

    public Optional<PlaybookRule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * The rules that apply to the event, in file order: every matching rule with conditions,
     * or, when none matches, the first fallback rule (empty when the playbook has none).
     */
    public List<PlaybookRule> matching(AnomalyEvent event) {
        List<PlaybookRule> matched = new ArrayList<>();
        for (PlaybookRule rule : rules) {
            if (!rule.isFallback() && rule.matches(event)) {
                matched.add(rule);
            }
        }
        if (matched.isEmpty()) {
            rules.stream().filter(PlaybookRule::isFallback).findFirst().ifPresent(matched::add);
        }
        return matched;
    }

    /** Reads the text line by line, collecting every problem before giving up. */
    private static final class Parser {

        private final String source;
        private final List<InputProblem> problems = new ArrayList<>();
        private final List<PlaybookRule> rules = new ArrayList<>();
        private final Set<String> ruleIds = new HashSet<>();

        // The rule being read.
        private String id;
        private int headerLine;
        private String diagnosis;
        private String rationale;
        private List<Condition> conditions;
        private List<PlaybookAction> actions;

        Parser(String source) {
            this.source = source;
        }

        Playbook parse(String text) {
            String[] lines = text.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                line(lines[i].strip(), i + 1);
            }
            finishRule();
            if (rules.isEmpty() && problems.isEmpty()) {
                problems.add(new InputProblem(source, 0, null,
                        "the playbook has no rules; a rule starts with a line 'rule ID'"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new Playbook(source, rules);
        }

        private void line(String line, int number) {
            if (line.isEmpty() || line.startsWith("#")) {
                return;
            }
            if (line.startsWith("rule ") || line.equals("rule")) {
                finishRule();
                startRule(line.substring(4).strip(), number);
                return;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                problem(number, "expected 'rule ID' or 'key: value', found '" + line + "'");
                return;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (id == null) {
                problem(number, "'" + key + ":' before the first 'rule ID' line");
                return;
            }
            switch (key) {
                case "diagnosis" -> diagnosis(value, number);
                case "rationale" -> rationale(value, number);
                case "when" -> condition(value, number);
                case "action" -> action(value, number);
                default -> problem(number, "unknown key '" + key
                        + "'; expected diagnosis, when, rationale or action");
            }
        }

        private void startRule(String ruleId, int number) {
            id = ruleId;
            headerLine = number;
            diagnosis = null;
            rationale = null;
            conditions = new ArrayList<>();
            actions = new ArrayList<>();
            if (!ID.matcher(ruleId).matches()) {
                problem(number, "rule id '" + ruleId + "' must be lower-case letters, digits,"
                        + " '-' or '_'");
            } else if (!ruleIds.add(ruleId)) {
                problem(number, "rule id '" + ruleId + "' is used twice");
            }
        }

        private void finishRule() {
            if (id == null) {
                return;
            }
            boolean complete = true;
            if (diagnosis == null) {
                problem(headerLine, "rule '" + id + "' has no 'diagnosis:' line");
                complete = false;
            }
            if (rationale == null) {
                problem(headerLine, "rule '" + id + "' has no 'rationale:' line");
                complete = false;
            }
            if (actions.isEmpty()) {
                problem(headerLine, "rule '" + id + "' has no 'action:' line");
                complete = false;
            }
            if (complete) {
                rules.add(new PlaybookRule(id, diagnosis, conditions, rationale, actions,
                        headerLine));
            }
            id = null;
        }

        private void diagnosis(String value, int number) {
            if (value.isEmpty()) {
                problem(number, "the diagnosis is empty");
            } else if (diagnosis != null) {
                problem(number, "rule '" + id + "' has a second 'diagnosis:' line");
            } else {
                diagnosis = value;
            }
        }

        private void rationale(String value, int number) {
            if (rationale != null) {
                problem(number, "rule '" + id + "' has a second 'rationale:' line");
                return;
            }
            if (placeholdersOk(value, number)) {
                rationale = value;
            }
        }

        private boolean placeholdersOk(String template, int number) {
            Set<String> unknown = Rationale.unknownPlaceholders(template);
            if (!unknown.isEmpty()) {
                problem(number, "unknown placeholder {" + unknown.iterator().next() + "}"
                        + "; known: {count} {ratio} {money} {value} (also .name, .change),"
                        + " {moves} {duration} {start} {site} {sites} {severity} {impact}");
                return false;
            }
            return true;
        }

        private void action(String value, int number) {
            int bar = value.indexOf('|');
            if (bar < 0) {
                problem(number, "an action is written 'action: ID | what to do'");
                return;
            }
            String actionId = value.substring(0, bar).strip();
            String text = value.substring(bar + 1).strip();
            if (!ID.matcher(actionId).matches()) {
                problem(number, "action id '" + actionId + "' must be lower-case letters,"
                        + " digits, '-' or '_'");
            } else if (text.isEmpty()) {
                problem(number, "action '" + actionId + "' says nothing to do");
            } else if (actions.stream().anyMatch(a -> a.id().equals(actionId))) {
                problem(number, "action id '" + actionId + "' is used twice in rule '" + id + "'");
            } else if (placeholdersOk(text, number)) {
                actions.add(new PlaybookAction(actionId, text));
            }
        }

        private void condition(String value, int number) {
            String text = value.toLowerCase(Locale.ROOT).strip();
            if (text.equals("shared")) {
                conditions.add(new Condition.Shared(true));
                return;
            }
            if (text.equals("not shared")) {
                conditions.add(new Condition.Shared(false));
                return;
            }
            String[] words = text.split("\\s+", 3);
            if (words.length >= 2 && (words[0].equals("duration") || words[0].equals("sites"))) {
                compare(words, text, number);
                return;
            }
            if (words.length >= 2) {
                roleMove(words, number);
                return;
            }
            problem(number, "cannot read condition '" + value + "'; expected e.g. 'count down"
                    + " >= 30%', 'ratio steady < 15%', 'duration >= 7', 'sites >= 10', 'shared'");
        }

        private void compare(String[] words, String text, int number) {
            String rest = text.substring(words[0].length()).strip();
            Matcher m = COMPARE.matcher(rest);
            if (!m.matches()) {
                problem(number, "'" + words[0] + "' needs a comparison and a whole number,"
                        + " e.g. '" + words[0] + " >= 7'; found '" + rest + "'");
                return;
            }
            Condition.Compare.Quantity quantity = words[0].equals("duration")
                    ? Condition.Compare.Quantity.DURATION : Condition.Compare.Quantity.SITES;
            conditions.add(new Condition.Compare(quantity, m.group(1),
                    Double.parseDouble(m.group(2))));
        }

        private void roleMove(String[] words, int number) {
            KpiRole role = null;
            if (!words[0].equals("any")) {
                role = KpiRole.parse(words[0]);
                if (role == null) {
                    problem(number, "unknown KPI role '" + words[0]
                            + "'; expected count, ratio, money, value or any");
                    return;
                }
            }
            Condition.Direction direction;
            try {
                direction = Condition.Direction.valueOf(words[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(number, "unknown direction '" + words[1]
                        + "'; expected up, down, moved, steady, rose or fell");
                return;
            }
            if (direction.ignoresFlag() && words.length < 3) {
                problem(number, "'" + words[0] + " " + words[1] + "' needs a size, e.g. '"
                        + words[0] + " " + words[1] + " >= 35%'");
                return;
            }
            double bound = Double.NaN;
            if (words.length == 3) {
                Matcher m = BOUND.matcher(words[2]);
                String op = direction == Condition.Direction.STEADY ? "<" : ">=";
                if (!m.matches() || !m.group(1).equals(op)) {
                    problem(number, "'" + words[0] + " " + words[1] + "' takes '" + op
                            + " N%', found '" + words[2] + "'");
                    return;
                }
                // Written in percent, compared with relative changes (fractions).
                bound = Double.parseDouble(m.group(2)) / 100.0;
            }
            conditions.add(new Condition.RoleMove(role, direction, bound));
        }

        private void problem(int line, String message) {
            problems.add(new InputProblem(source, line, null, message));
        }
    }
}
