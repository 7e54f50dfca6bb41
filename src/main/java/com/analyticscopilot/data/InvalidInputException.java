package com.analyticscopilot.data;

import java.util.List;

/**
 * Input a user gave us is wrong: a data file, a labels file, a model file, a playbook. Carries
 * every problem found, each naming its file and, where it applies, line and column, so a user
 * can fix them all in one go. Never wraps a programming error.
 */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(InputProblem problem) {
        this(List.of(problem));
    }

    public InvalidInputException(InputProblem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problems = List.of(problem);
    }

    public List<InputProblem> problems() {
        return problems;
    }

    private static String summary(List<InputProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an input error needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems, the first: " + problems.get(0);
    }
}
