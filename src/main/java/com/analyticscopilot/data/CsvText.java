package com.analyticscopilot.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small CSV helpers for the little side files (roles, labels) and for writing. The KPI data
 * itself is parsed by Tablesaw in {@link CsvDatasetReader}; these files are a few hundred
 * lines at most, and reading them line by line keeps exact line numbers for messages.
 */
final class CsvText {

    private CsvText() {
    }

    /** One non-blank line of a file and its 1-based number. */
    record Line(long number, List<String> cells) {
    }

    /**
     * Reads every non-blank line of a small CSV file, split into trimmed cells.
     *
     * @throws InvalidInputException when the file is missing, unreadable or empty
     */
    static List<Line> readLines(Path path) {
        String name = path.toString();
        checkReadable(path);
        List<Line> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String text;
            long number = 0;
            while ((text = in.readLine()) != null) {
                number++;
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (!text.isBlank()) {
                    lines.add(new Line(number, split(text)));
                }
            }
        } catch (MalformedInputException e) {
            throw new InvalidInputException(InputProblem.of(name,
                    "is not UTF-8 text; save it as UTF-8 CSV"), e);
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.of(name,
                    "cannot be read: " + e.getMessage()), e);
        }
        if (lines.isEmpty()) {
            throw new InvalidInputException(InputProblem.of(name, "is empty: no header, no rows"));
        }
        return lines;
    }

    /** Throws a clear problem when {@code path} is not a readable regular file. */
    static void checkReadable(Path path) {
        String name = path.toString();
        if (!Files.exists(path)) {
            throw new InvalidInputException(InputProblem.of(name, "file not found"));
        }
        if (Files.isDirectory(path)) {
            throw new InvalidInputException(InputProblem.of(name,
                    "is a directory; give the CSV file inside it"));
        }
        if (!Files.isReadable(path)) {
            throw new InvalidInputException(InputProblem.of(name, "cannot be read (permissions)"));
        }
    }

    /** Splits one CSV line on commas, honouring double quotes; cells are trimmed. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }

    /** Quotes a cell when it holds a comma, a quote or a line break. */
    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0
                && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000,
        10_000_000, 100_000_000};

    /**
     * Formats {@code value} with exactly {@code decimals} digits after the point, independent of
     * the locale, and without the cost of {@code String.format} (millions of cells in the
     * benchmark file). NaN becomes the empty cell, our marker of a missing value.
     */
    static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "";
        }
        long scale = POWERS[decimals];
        long scaled = Math.round(value * scale);
        boolean negative = scaled < 0;
        long abs = Math.abs(scaled);
        StringBuilder s = new StringBuilder(24);
        if (negative) {
            s.append('-');
        }
        s.append(abs / scale);
        if (decimals > 0) {
            s.append('.');
            String fraction = Long.toString(abs % scale);
            for (int i = fraction.length(); i < decimals; i++) {
                s.append('0');
            }
            s.append(fraction);
        }
        return s.toString();
    }

    /** {@code value} rounded to {@code decimals}, exactly as {@link #fixed} would write it. */
    static double round(double value, int decimals) {
        if (Double.isNaN(value)) {
            return value;
        }
        long scale = POWERS[decimals];
        return Math.round(value * scale) / (double) scale;
    }
}
