package com.analyticscopilot.data;

import java.util.Objects;

/**
 * A named KPI and its role.
 *
 * @param name      the column name in the input file
 * @param role      what kind of quantity it is
 * @param volumeKpi for a ratio, the name of the count KPI it is a share of (the conversion rate's
 *                  sessions), so a detector can weigh a ratio by the volume behind it; otherwise
 *                  {@code null}
 */
public record Kpi(String name, KpiRole role, String volumeKpi) {

    public Kpi {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a KPI name must not be blank");
        }
        if (volumeKpi != null && role != KpiRole.RATIO) {
            throw new IllegalArgumentException(
                    "KPI '" + name + "' is a " + role.label() + " but names a volume KPI; only ratios do");
        }
    }

    public Kpi(String name, KpiRole role) {
        this(name, role, null);
    }
}
