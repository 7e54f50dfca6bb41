package com.analyticscopilot.agent;

import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.AnomalyPoint;
import com.analyticscopilot.detect.KpiMove;
import com.analyticscopilot.detect.Severity;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Crafted anomaly events for tests: a signature written move by move, the way the detector
 * would report it.
 */
public final class Events {

    private final String site;
    private final LocalDateTime start;
    private int steps = 1;
    private int sitesAffected = 1;
    private boolean shared;
    private double impact = Double.NaN;
    private final List<KpiMove> moves = new ArrayList<>();
    private final List<AnomalyPoint> points = new ArrayList<>();

    private Events(String site, LocalDateTime start) {
        this.site = site;
        this.start = start;
    }

    /** An event on {@code site} starting on 2026-03-02. */
    public static Events on(String site) {
        return new Events(site, LocalDateTime.of(2026, 3, 2, 0, 0));
    }

    public Events startingOn(LocalDateTime time) {
        return new Events(site, time).copyFrom(this);
    }

    private Events copyFrom(Events other) {
        steps = other.steps;
        sitesAffected = other.sitesAffected;
        shared = other.shared;
        impact = other.impact;
        moves.addAll(other.moves);
        points.addAll(other.points);
        return this;
    }

    /** A flagged KPI that changed by {@code percent} (signed) at the event's peak. */
    public Events flagged(String kpi, KpiRole role, double percent) {
        moves.add(new KpiMove(kpi, role, percent >= 0 ? 1 : -1, percent / 100, 6.0, true));
        return this;
    }

    /** An unflagged KPI that changed by {@code percent}: part of the signature as "steady". */
    public Events steady(String kpi, KpiRole role, double percent) {
        moves.add(new KpiMove(kpi, role, percent >= 0 ? 1 : -1, percent / 100, 1.0, false));
        return this;
    }

    /**
     * The last KPI added: its level after the event compared with before, {@code percent}
     * (signed) at {@code z} standard errors, as the detector would measure it.
     */
    public Events after(double percent, double z) {
        KpiMove m = moves.remove(moves.size() - 1);
        moves.add(new KpiMove(m.kpi(), m.role(), m.direction(), m.relativeChange(), m.peakScore(),
                m.flagged(), percent / 100, z));
        return this;
    }

    /** Lasting {@code n} daily steps. */
    public Events days(int n) {
        steps = n;
        return this;
    }

    /** Part of a move of {@code sites} sites of the portfolio. */
    public Events sharedWith(int sites) {
        shared = true;
        sitesAffected = sites;
        return this;
    }

    /** A flagged point of the first KPI on each of {@code sites}, at the start. */
    public Events pointsOn(String... sites) {
        for (String s : sites) {
            points.add(new AnomalyPoint(s, moves.get(0).kpi(), 0, start, 1, 2, 6, Double.NaN, 6,
                    Severity.HIGH));
        }
        return this;
    }

    public Events impact(double money) {
        impact = money;
        return this;
    }

    public AnomalyEvent build() {
        LocalDateTime end = start.plusDays(steps - 1L);
        return new AnomalyEvent(site + "/" + start, site, start, end, steps, points, moves,
                Severity.HIGH, sitesAffected, shared, impact);
    }
}
