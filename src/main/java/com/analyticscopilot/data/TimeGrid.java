package com.analyticscopilot.data;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Finding a time on a site's regular grid, for data read with
 * {@link ImportOptions#snappedToGrid()}: a detector that must answer one line per input row
 * (the NAB scorer wants that) maps each row's original time to the step it was moved to.
 */
public final class TimeGrid {

    private TimeGrid() {
    }

    /**
     * The index of the step nearest to {@code time} (half a step rounds up, as the reader
     * does), or -1 when that step is outside the site's series.
     */
    public static int nearestIndex(SiteSeries site, LocalDateTime time) {
        long step = site.step().duration().getSeconds();
        long offset = Duration.between(site.start(), time).getSeconds();
        long t = Math.floorDiv(offset + step / 2, step);
        return t < 0 || t >= site.length() ? -1 : (int) t;
    }
}
