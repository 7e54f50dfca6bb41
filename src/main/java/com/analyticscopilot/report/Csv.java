package com.analyticscopilot.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, written and read: a cell is quoted when it holds a comma, a quote, a line break
 * or leading or trailing blanks, and a quote inside is doubled. Text cells can additionally be
 * made safe for spreadsheets ({@link #neutralise}).
 */
public final class Csv {

    private Csv() {
    }

    /**
     * A text cell a spreadsheet will not run as a formula. Spreadsheets treat a cell that starts
     * with {@code =}, {@code +}, {@code -} or {@code @} (and, in some, a tab or carriage return)
     * as a formula, which a crafted site or KPI name could use to run commands or leak data
     * (CSV injection). Such a cell gets a leading apostrophe, which spreadsheets show as text.
     * A cell that already starts with an apostrophe gets one too, so {@link #restore} can undo
     * the change exactly.
     */
    public static String neutralise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
                || c == '\'';
        return risky ? "'" + text : text;
    }

    /** The inverse of {@link #neutralise}. */
    public static String restore(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }

    /** Writes one record and a line break (CRLF, as RFC 4180 says). */
    public static void writeRecord(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String cell) {
        boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0
                || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0
                || (!cell.isEmpty() && (Character.isWhitespace(cell.charAt(0))
                || Character.isWhitespace(cell.charAt(cell.length() - 1))));
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    /** A record read back, with the line it started on (1-based) for error messages. */
    public record Record(long line, List<String> cells) {
    }

    /**
     * Reads every record. Quoted cells may span lines; a blank line is skipped.
     *
     * @throws IllegalArgumentException (with the line) on a quote that never closes or text
     *                                  after a closing quote
     */
    public static List<Record> read(Reader reader) throws IOException {
        Reader in = reader.markSupported() ? reader : new java.io.BufferedReader(reader);
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        long line = 1;
        long recordLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean any = false;
        int c;
        while ((c = in.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
                continue;
            }
            switch (ch) {
                case '"' -> {
                    if (cell.length() > 0 || afterQuote) {
                        throw new IllegalArgumentException("line " + line
                                + ": a quote in the middle of an unquoted cell");
                    }
                    quoted = true;
                    any = true;
                }
                case ',' -> {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    afterQuote = false;
                    any = true;
                }
                case '\r' -> {
                    // Part of CRLF; a lone CR is treated as the end of a line too.
                    in.mark(1);
                    int next = in.read();
                    if (next != '\n' && next != -1) {
                        in.reset();
                    }
                    any = endRecord(records, cells, cell, recordLine, any);
                    afterQuote = false;
                    line++;
                    recordLine = line;
                }
                case '\n' -> {
                    any = endRecord(records, cells, cell, recordLine, any);
                    afterQuote = false;
                    line++;
                    recordLine = line;
                }
                default -> {
                    if (afterQuote) {
                        throw new IllegalArgumentException("line " + line
                                + ": text after a closing quote");
                    }
                    cell.append(ch);
                    any = true;
                }
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + recordLine + ": a quote never closes");
        }
        endRecord(records, cells, cell, recordLine, any);
        return records;
    }

    private static boolean endRecord(List<Record> records, List<String> cells, StringBuilder cell,
                                     long line, boolean any) {
        if (any || cell.length() > 0) {
            cells.add(cell.toString());
            records.add(new Record(line, List.copyOf(cells)));
        }
        cells.clear();
        cell.setLength(0);
        return false;
    }
}
