package com.analyticscopilot.app.service;

import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.UserFolder;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A failure turned into what a person can act on: a one-line summary, the problems to fix (for
 * bad input, one per line of the file), and details on demand. Details are the chain of causes'
 * messages, never a stack trace; the stack trace is in the log file named at the end.
 *
 * @param summary  one sentence that says what went wrong and what to do
 * @param problems for bad input, every problem found; otherwise empty
 * @param details  the causes' types and messages, and where the log file is
 */
public record ErrorReport(String summary, List<String> problems, String details) {

    public ErrorReport {
        problems = List.copyOf(problems);
    }

    /** Describes {@code failure} while doing {@code action} (e.g. "Opening kpis.csv"). */
    public static ErrorReport of(String action, Throwable failure) {
        Throwable cause = unwrap(failure);
        String summary;
        List<String> problems = new ArrayList<>();

        if (cause instanceof InvalidInputException invalid) {
            int n = invalid.problems().size();
            summary = action + " failed: the input has " + (n == 1 ? "a problem" : n + " problems")
                    + ". Fix " + (n == 1 ? "it" : "them") + " and try again.";
            for (InputProblem p : invalid.problems()) {
                problems.add(p.toString());
            }
        } else if (cause instanceof NoSuchFileException missing) {
            summary = action + " failed: the file " + missing.getFile() + " does not exist.";
        } else if (cause instanceof AccessDeniedException denied) {
            summary = action + " failed: no permission to use " + denied.getFile() + ".";
        } else if (cause instanceof IOException io) {
            summary = action + " failed: " + messageOf(io)
                    + ". Check the file and the disk, then try again.";
        } else if (cause instanceof OutOfMemoryError) {
            summary = action
                    + " ran out of memory. Close other work or start with more heap (-Xmx).";
        } else {
            summary = action + " failed unexpectedly: " + messageOf(cause)
                    + ". Your data and feedback are unchanged.";
        }

        return new ErrorReport(summary, problems, details(failure));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String messageOf(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    private static String details(Throwable failure) {
        StringBuilder s = new StringBuilder();
        Throwable t = failure;

        // Bounded, in case a cause chain loops.
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            s.append(depth == 0 ? "" : "caused by ").append(t.getClass().getName())
                    .append(": ").append(t.getMessage()).append('\n');
        }
        s.append("\nThe full technical details are in the log file ")
                .append(UserFolder.path().resolve("logs").resolve("copilot.log")).append('.');
        return s.toString();
    }
}
