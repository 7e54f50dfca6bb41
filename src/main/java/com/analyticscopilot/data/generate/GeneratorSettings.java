package com.analyticscopilot.data.generate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link SyntheticKpis} generates. The defaults give the bundled sample data.
 *
 * @param sites               number of sites, at least 1
 * @param days                number of days per site, at least 1
 * @param seed                seed of the random generator: the same settings give the same data
 * @param start               the first day
 * @param affectedShare       share of sites that get incidents (the rest get none), in [0, 1]
 * @param maxIncidentsPerSite an affected site gets 1 to this many incidents, at least 1
 * @param marketEvents        number of market-wide one-day dips (a holiday), usually 0
 */
public record GeneratorSettings(int sites, int days, long seed, LocalDate start,
                                double affectedShare, int maxIncidentsPerSite,
                                int marketEvents) {

    public static final int DEFAULT_SITES = 50;
    public static final int DEFAULT_DAYS = 180;
    public static final long DEFAULT_SEED = 42;
    /** A fixed Monday, so the default output does not depend on the day it is made. */
    public static final LocalDate DEFAULT_START = LocalDate.of(2025, 1, 6);
    /** About one site in five has no incident: a detector must also stay quiet. */
    public static final double DEFAULT_AFFECTED_SHARE = 0.8;
    public static final int DEFAULT_MAX_INCIDENTS = 3;

    public GeneratorSettings {
        Objects.requireNonNull(start, "start");
        if (sites < 1) {
            throw new IllegalArgumentException("sites must be at least 1, got " + sites);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        if (!(affectedShare >= 0 && affectedShare <= 1)) {
            throw new IllegalArgumentException("affectedShare must be in [0, 1], got "
                    + affectedShare);
        }
        if (maxIncidentsPerSite < 1) {
            throw new IllegalArgumentException("maxIncidentsPerSite must be at least 1, got "
                    + maxIncidentsPerSite);
        }
        if (marketEvents < 0) {
            throw new IllegalArgumentException("marketEvents must not be negative, got "
                    + marketEvents);
        }
    }

    /** 50 sites, 180 days, seed 42, starting Monday 2025-01-06, no market events. */
    public static GeneratorSettings defaults() {
        return new GeneratorSettings(DEFAULT_SITES, DEFAULT_DAYS, DEFAULT_SEED, DEFAULT_START,
                DEFAULT_AFFECTED_SHARE, DEFAULT_MAX_INCIDENTS, 0);
    }

    public GeneratorSettings withSites(int n) {
        return new GeneratorSettings(n, days, seed, start, affectedShare, maxIncidentsPerSite,
                marketEvents);
    }

    public GeneratorSettings withDays(int n) {
        return new GeneratorSettings(sites, n, seed, start, affectedShare, maxIncidentsPerSite,
                marketEvents);
    }

    public GeneratorSettings withSeed(long s) {
        return new GeneratorSettings(sites, days, s, start, affectedShare, maxIncidentsPerSite,
                marketEvents);
    }

    public GeneratorSettings withStart(LocalDate d) {
        return new GeneratorSettings(sites, days, seed, d, affectedShare, maxIncidentsPerSite,
                marketEvents);
    }

    public GeneratorSettings withAffectedShare(double share) {
        return new GeneratorSettings(sites, days, seed, start, share, maxIncidentsPerSite,
                marketEvents);
    }

    public GeneratorSettings withMarketEvents(int n) {
        return new GeneratorSettings(sites, days, seed, start, affectedShare,
                maxIncidentsPerSite, n);
    }
}
