package com.analyticscopilot.data;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.columns.AbstractColumnParser;
import tech.tablesaw.columns.AbstractColumnType;
import tech.tablesaw.io.ReadOptions;

/**
 * A Tablesaw column type for KPI cells that takes only plain decimal numbers and empty cells.
 *
 * <p>Why not Tablesaw's own {@code DOUBLE}: its parser quietly reads {@code "1,5"} as 15,
 * {@code "5%"} as 0.05 and {@code "0x1p3"} as 8, silent guesses a user's data must not get.
 * Why not text for every cell: a text column keeps a dictionary of every distinct value, which
 * for millions of distinct numbers costs about twice the time and far more memory. This type
 * parses strictly and counts every cell it cannot take; when there is any, the reader reads
 * the file again as text to name each such cell by line and column (the rare, slow path).
 * One instance per read, since it counts.
 */
final class StrictNumberType extends AbstractColumnType {

    /** Bytes per value, as Tablesaw's own double type. */
    private static final int BYTES = 8;

    private int unusualCells;

    StrictNumberType() {
        super(BYTES, "STRICT_NUMBER", "Number");
    }

    /** Cells neither empty nor a plain number: words, "NaN", "1,5", "inf". */
    int unusualCells() {
        return unusualCells;
    }

    @Override
    public DoubleColumn create(String name) {
        return new StrictColumn(name);
    }

    /**
     * Tablesaw picks a column's cell parser by the column's type, so the column names this
     * type; otherwise it is a plain double column.
     */
    private final class StrictColumn extends DoubleColumn {

        StrictColumn(String name) {
            super(name);
        }

        @Override
        public tech.tablesaw.api.ColumnType type() {
            return StrictNumberType.this;
        }
    }

    @Override
    public AbstractColumnParser<Double> customParser(ReadOptions options) {
        return new Parser();
    }

    private final class Parser extends AbstractColumnParser<Double> {

        Parser() {
            super(StrictNumberType.this);
        }

        @Override
        public boolean canParse(String text) {
            return text == null || text.isEmpty()
                    || !Double.isNaN(CsvDatasetReader.parseNumber(text.trim()));
        }

        @Override
        public Double parse(String text) {
            return parseDouble(text);
        }

        @Override
        public double parseDouble(String text) {
            if (text == null || text.isEmpty()) {
                return Double.NaN;
            }
            double v = CsvDatasetReader.parseNumber(text.trim());
            if (Double.isNaN(v) && !text.isBlank()) {
                unusualCells++;
            }
            return v;
        }
    }
}
