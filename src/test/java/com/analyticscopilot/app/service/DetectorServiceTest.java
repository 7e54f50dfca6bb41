package com.analyticscopilot.app.service;

import com.analyticscopilot.app.task.TaskProgress;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.generate.GeneratorSettings;
import com.analyticscopilot.data.generate.SyntheticKpis;
import com.analyticscopilot.detect.AnomalyPoint;
import com.analyticscopilot.detect.ThresholdAdjustments;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workbench's view of the real detector, on generated data with injected incidents. */
class DetectorServiceTest {

    private static final Dataset DATA = SyntheticKpis.generate(
            GeneratorSettings.defaults().withSites(10).withDays(120).withSeed(3)).dataset();

    @Test
    void theSliderMapsOntoTheDetectorsSensitivityRange() {
        assertEquals(0.25, DetectorService.sensitivityFactor(0), 1e-12);
        assertEquals(1.0, DetectorService.sensitivityFactor(0.5), 1e-12);
        assertEquals(4.0, DetectorService.sensitivityFactor(1), 1e-12);
        assertEquals(2.0, DetectorService.sensitivityFactor(0.75), 1e-12);
    }

    @Test
    void everySiteGetsATraceAndTheBandSeparatesFlaggedFromNormalPoints() {
        Analysis analysis = new DetectorService().analyse(DATA, 0.5, null,
                ThresholdAdjustments.NONE,
                TaskProgress.NONE);

        assertEquals("stl", analysis.method());
        assertEquals(DATA.siteCount(), analysis.sites().size());
        assertFalse(analysis.events().isEmpty(), "the generator's incidents are found");

        int flagged = 0;
        int flaggedOutside = 0;
        int normal = 0;
        int normalInside = 0;
        for (SiteTrace site : analysis.sites().values()) {
            assertEquals(3, site.kpis().size());
            Set<String> flags = new HashSet<>();
            for (AnomalyPoint p : site.points()) {
                flags.add(p.kpi() + "@" + p.index());
            }
            for (KpiTrace kpi : site.kpis()) {
                for (int t = 0; t < kpi.length(); t++) {
                    double y = kpi.observed()[t];
                    double lo = kpi.lower()[t];
                    double hi = kpi.upper()[t];
                    if (!Double.isFinite(y) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
                        continue;
                    }
                    assertTrue(lo <= kpi.expected()[t] && kpi.expected()[t] <= hi,
                            "expected inside its band at " + kpi.kpi().name() + " " + t);
                    boolean outside = y < lo || y > hi;
                    if (flags.contains(kpi.kpi().name() + "@" + t)) {
                        flagged++;
                        flaggedOutside += outside ? 1 : 0;
                    } else {
                        normal++;
                        normalInside += outside ? 0 : 1;
                    }
                }
            }
        }

        // The band is the threshold drawn back in KPI units with a typical spread, so it is
        // approximate; it must still tell the two kinds of points apart almost always.
        assertTrue(flaggedOutside >= 0.8 * flagged, flaggedOutside + " of " + flagged
                + " flagged outside");
        assertTrue(normalInside >= 0.95 * normal, normalInside + " of " + normal
                + " normal inside");
    }

    @Test
    void aHigherSensitivityFlagsMore() {
        DetectorService service = new DetectorService();
        int low = service.analyse(DATA, 0.3, null, ThresholdAdjustments.NONE, TaskProgress.NONE)
                .events().stream().mapToInt(e -> e.points().size()).sum();
        int high = service.analyse(DATA, 0.8, null, ThresholdAdjustments.NONE, TaskProgress.NONE)
                .events().stream().mapToInt(e -> e.points().size()).sum();

        assertTrue(high > low, high + " points at 0.8, " + low + " at 0.3");
    }
}
