package com.analyticscopilot.agent;

import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes feedback as CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks
 * in double quotes), one row per click, for a spreadsheet or another tool.
 */
public final class FeedbackCsv {

    /** The header row. */
    public static final String HEADER = "id,recommendation_id,created_at,verdict,site,event_id,"
            + "rule_id,action_id,note,product_version";

    private FeedbackCsv() {
    }

    /**
     * Writes {@code entries} to {@code file}, replacing it.
     *
     * @throws InvalidInputException when the file cannot be written
     */
    public static void write(List<FeedbackEntry> entries, Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write("\r\n");
            for (FeedbackEntry e : entries) {
                out.write(String.join(",", Long.toString(e.id()),
                        e.recommendationId() == 0 ? "" : Long.toString(e.recommendationId()),
                        e.createdAt().toString(), e.verdict().label(), quote(e.site()),
                        quote(e.eventId()), quote(e.ruleId()), quote(e.actionId()),
                        quote(e.note()), quote(e.productVersion())));
                out.write("\r\n");
            }
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.of(file.toString(),
                    "cannot write the feedback export: " + e.getMessage()), e);
        }
    }

    /** One field, quoted when it must be; {@code null} is an empty field. */
    static String quote(String field) {
        if (field == null) {
            return "";
        }
        if (field.contains(",") || field.contains("\"") || field.contains("\n")
                || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
