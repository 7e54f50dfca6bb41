package com.analyticscopilot.data;

import java.util.Objects;

/**
 * One thing wrong with an input file, located as precisely as we can.
 *
 * @param file    the file's name as the user gave it
 * @param line    1-based line number, or 0 when the problem is not on one line
 * @param column  the column's name (for CSV) or 1-based position, or {@code null}
 * @param message what is wrong, in words a user can act on
 */
public record InputProblem(String file, long line, String column, String message) {

    public InputProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    public static InputProblem of(String file, String message) {
        return new InputProblem(file, 0, null, message);
    }

    /** {@code file:line: column 'c': message}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line);
        }
        s.append(": ");
        if (column != null) {
            s.append("column '").append(column).append("': ");
        }
        return s.append(message).toString();
    }
}
