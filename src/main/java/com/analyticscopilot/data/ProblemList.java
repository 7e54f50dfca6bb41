package com.analyticscopilot.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems found in one input file, so a user sees many of them at once instead
 * of fixing one, rerunning, and meeting the next. Keeps the first {@link #LIMIT} and counts the
 * rest; past the limit a user is better served fixing the pattern than reading more lines.
 */
final class ProblemList {

    /** How many problems a report shows; twenty fit on a terminal screen. */
    static final int LIMIT = 20;

    private final String file;
    private final List<InputProblem> problems = new ArrayList<>();
    private int dropped;

    ProblemList(String file) {
        this.file = file;
    }

    void add(long line, String column, String message) {
        if (problems.size() < LIMIT) {
            problems.add(new InputProblem(file, line, column, message));
        } else {
            dropped++;
        }
    }

    /** Counts problems found but not kept, for the "N more" line. */
    void addUnshown(int count) {
        dropped += count;
    }

    void add(String message) {
        add(0, null, message);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    boolean isFull() {
        return problems.size() >= LIMIT;
    }

    /** Throws the collected problems, if any. */
    void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        // By line, so a user can walk through the file; a stable sort keeps column order.
        List<InputProblem> all = new ArrayList<>(problems);
        all.sort(java.util.Comparator.comparingLong(InputProblem::line));
        if (dropped > 0) {
            all.add(InputProblem.of(file, dropped + " more problems not shown"));
        }
        throw new InvalidInputException(all);
    }
}
