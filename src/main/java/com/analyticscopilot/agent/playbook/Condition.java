package com.analyticscopilot.agent.playbook;

import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.KpiMove;

import java.util.Locale;

/** One {@code when:} line of a playbook rule: a test on an anomaly event's signature. */
public sealed interface Condition {

    /** Whether the event satisfies the condition. */
    boolean matches(AnomalyEvent event);

    /** The condition as written in a playbook, normalised. */
    String text();

    /** How a KPI (or any KPI of a role) moved. */
    enum Direction {
        /** A KPI of the role was flagged above what was expected. */
        UP,
        /** A KPI of the role was flagged below what was expected. */
        DOWN,
        /** A KPI of the role was flagged, either way. */
        MOVED,
        /** No KPI of the role was flagged (and, with a bound, none moved that far). */
        STEADY,
        /**
         * A KPI of the role rose by at least the bound, flagged or not: for a ratio on few
         * visits, whose real move may stay under the threshold.
         */
        ROSE,
        /** A KPI of the role fell by at least the bound, flagged or not. */
        FELL;

        /** True for the directions that count a move without its flag; they need a bound. */
        public boolean ignoresFlag() {
            return this == ROSE || this == FELL;
        }
    }

    /**
     * A test on the KPIs of one role ({@code null} role: any KPI).
     *
     * @param role      the role, or {@code null} for any KPI
     * @param direction how they moved
     * @param bound     for up/down/moved: the least relative change, as a fraction (0.4 for
     *                  40 %); for steady: the largest change still called steady; {@code NaN}
     *                  when the line gives no number
     */
    record RoleMove(KpiRole role, Direction direction, double bound) implements Condition {

        @Override
        public boolean matches(AnomalyEvent event) {
            if (direction == Direction.STEADY) {
                return event.moves().stream().filter(this::hasRole).allMatch(this::isSteady);
            }
            return event.moves().stream().filter(this::hasRole).anyMatch(this::movedEnough);
        }

        private boolean hasRole(KpiMove move) {
            return role == null || move.role() == role;
        }

        private boolean isSteady(KpiMove move) {
            if (move.flagged()) {
                return false;
            }
            // An unknown change (expected value 0) cannot contradict "steady"; the flag decides.
            return Double.isNaN(bound) || Double.isNaN(move.relativeChange())
                    || Math.abs(move.relativeChange()) < bound;
        }

        private boolean movedEnough(KpiMove move) {
            if (!move.flagged() && !direction.ignoresFlag()) {
                return false;
            }
            boolean rightWay = switch (direction) {
                case UP, ROSE -> move.direction() > 0;
                case DOWN, FELL -> move.direction() < 0;
                default -> true;
            };
            return rightWay && (Double.isNaN(bound) || Math.abs(move.relativeChange()) >= bound);
        }

        @Override
        public String text() {
            String who = role == null ? "any" : role.label();
            String how = direction.name().toLowerCase(Locale.ROOT);
            if (Double.isNaN(bound)) {
                return who + " " + how;
            }
            String op = direction == Direction.STEADY ? " < " : " >= ";
            return who + " " + how + op + Math.round(bound * 100) + "%";
        }
    }

    /** Whether the event is part of a portfolio-wide move. */
    record Shared(boolean shared) implements Condition {

        @Override
        public boolean matches(AnomalyEvent event) {
            return event.shared() == shared;
        }

        @Override
        public String text() {
            return shared ? "shared" : "not shared";
        }
    }

    /** A comparison of a number of the event: its duration in steps or the sites affected. */
    record Compare(Quantity quantity, String op, double value) implements Condition {

        /** What is compared. */
        public enum Quantity {
            /** The event's length in time steps. */
            DURATION,
            /** How many sites had an anomaly on the event's start step. */
            SITES
        }

        @Override
        public boolean matches(AnomalyEvent event) {
            double x = quantity == Quantity.DURATION ? event.steps() : event.sitesAffected();
            return switch (op) {
                case ">=" -> x >= value;
                case "<=" -> x <= value;
                case ">" -> x > value;
                case "<" -> x < value;
                case "=" -> x == value;
                default -> throw new IllegalStateException("unknown comparison " + op);
            };
        }

        @Override
        public String text() {
            return quantity.name().toLowerCase(Locale.ROOT) + " " + op + " " + (long) value;
        }
    }
}
