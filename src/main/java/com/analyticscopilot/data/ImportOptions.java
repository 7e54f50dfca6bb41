package com.analyticscopilot.data;

/**
 * How strictly {@link CsvDatasetReader} treats time stamps.
 *
 * @param snapToGrid {@code false} (the default, {@link #strict()}): a time off the inferred
 *                   grid and a repeated (site, time) are errors. {@code true}
 *                   ({@link #snappedToGrid()}): each time moves to the nearest step of its
 *                   site's grid (the grid starts at the site's first time), rows that land on
 *                   the same step are averaged KPI by KPI, and both are reported as warnings.
 *                   For sensor-like data with jittery clocks, such as NAB's traffic files;
 *                   never the default, because for a KPI export an irregular time is a sign
 *                   of a broken export that should be fixed, not hidden.
 */
public record ImportOptions(boolean snapToGrid) {

    /** Irregular and repeated times are errors. */
    public static ImportOptions strict() {
        return new ImportOptions(false);
    }

    /** Irregular times move to the nearest step, rows sharing a step are averaged. */
    public static ImportOptions snappedToGrid() {
        return new ImportOptions(true);
    }
}
