package com.analyticscopilot.agent.playbook;

import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.data.TimeStep;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.KpiMove;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fills a rationale or action template from an event. Placeholders, in braces:
 * <ul>
 * <li>{@code {count}}, {@code {ratio}}, {@code {money}}, {@code {value}}: the KPI of that role
 *     that moved most, with its change ("sessions -72 %"); add {@code .name} or {@code .change}
 *     for one part only;</li>
 * <li>{@code {moves}}: every flagged KPI with its change;</li>
 * <li>{@code {levels}}: every KPI whose level after the event stayed away from its level
 *     before it ({@link KpiMove#sustained()}), with that lasting change;</li>
 * <li>{@code {duration}} ("3 days"), {@code {start}}, {@code {site}}, {@code {sites}} (sites
 *     affected), {@code {severity}}, {@code {impact}} (money lost or gained).</li>
 * </ul>
 */
public final class Rationale {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+(?:\\.[a-z]+)?)}");

    private static final Set<String> SIMPLE = Set.of("moves", "levels", "duration", "start",
            "site", "sites", "severity", "impact");

    private static final Set<String> PARTS = Set.of("", ".name", ".change");

    private Rationale() {
    }

    /** The placeholders in {@code template} that {@link #render} does not know, sorted. */
    public static Set<String> unknownPlaceholders(String template) {
        Set<String> unknown = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!known(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /**
     * The template with every placeholder filled from the event.
     *
     * @param step the data set's time step, to say "3 days"; {@code null} to infer it from the
     *             event's span (a one-step event then reads "1 step")
     */
    public static String render(String template, AnomalyEvent event, TimeStep step) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = known(name) ? value(name, event, step) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A relative change as a signed whole percent, "-72 %"; "changed" when unknown. */
    public static String percent(double relativeChange) {
        if (Double.isNaN(relativeChange) || Double.isInfinite(relativeChange)) {
            return "changed";
        }
        return String.format(Locale.ROOT, "%+.0f %%", relativeChange * 100);
    }

    private static boolean known(String name) {
        if (SIMPLE.contains(name)) {
            return true;
        }
        int dot = name.indexOf('.');
        String head = dot < 0 ? name : name.substring(0, dot);
        String part = dot < 0 ? "" : name.substring(dot);
        return KpiRole.parse(head) != null && PARTS.contains(part);
    }

    private static String value(String name, AnomalyEvent event, TimeStep step) {
        switch (name) {
            case "moves":
                return moves(event);
            case "levels":
                return levels(event);
            case "duration":
                return duration(event, step);
            case "start":
                return event.start().toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                        ? event.start().toLocalDate().toString()
                        : event.start().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case "site":
                return event.site();
            case "sites":
                return Integer.toString(event.sitesAffected());
            case "severity":
                return event.severity().label();
            case "impact":
                return impact(event.impact());
            default:
                return roleValue(name, event);
        }
    }

    private static String roleValue(String name, AnomalyEvent event) {
        int dot = name.indexOf('.');
        KpiRole role = KpiRole.parse(dot < 0 ? name : name.substring(0, dot));
        String part = dot < 0 ? "" : name.substring(dot);
        Optional<KpiMove> move = mostMoved(event.moves(), role);
        if (move.isEmpty()) {
            return "no " + role.label() + " KPI";
        }
        return switch (part) {
            case ".name" -> move.get().kpi();
            case ".change" -> percent(move.get().relativeChange());
            default -> move.get().kpi() + " " + percent(move.get().relativeChange());
        };
    }

    /** The KPI of the role that speaks most for the event: flagged first, then largest change. */
    static Optional<KpiMove> mostMoved(List<KpiMove> moves, KpiRole role) {
        Comparator<KpiMove> order = Comparator.comparing(KpiMove::flagged)
                .thenComparingDouble(m -> Double.isNaN(m.relativeChange())
                        ? 0 : Math.abs(m.relativeChange()));
        return moves.stream().filter(m -> m.role() == role).max(order);
    }

    private static String moves(AnomalyEvent event) {
        String flagged = event.moves().stream().filter(KpiMove::flagged)
                .map(m -> m.kpi() + " " + percent(m.relativeChange()))
                .collect(Collectors.joining(", "));
        return flagged.isEmpty() ? "no KPI flagged" : flagged;
    }

    private static String levels(AnomalyEvent event) {
        String stayed = event.moves().stream().filter(KpiMove::sustained)
                .map(m -> m.kpi() + " " + percent(m.sustainedChange()))
                .collect(Collectors.joining(", "));
        return stayed.isEmpty() ? "no lasting level change" : stayed;
    }

    private static String duration(AnomalyEvent event, TimeStep step) {
        int n = event.steps();
        Duration unit = step != null ? step.duration() : inferredStep(event);
        if (unit == null) {
            return n + (n == 1 ? " step" : " steps");
        }
        if (unit.equals(Duration.ofDays(1))) {
            return n + (n == 1 ? " day" : " days");
        }
        if (unit.equals(Duration.ofHours(1))) {
            return n + (n == 1 ? " hour" : " hours");
        }
        // Labels read "5-minute", "90-second": "3 steps of 5 minutes".
        String each = new TimeStep(unit).label().replace("-", " ") + "s";
        return n + (n == 1 ? " step" : " steps") + " of " + each;
    }

    private static Duration inferredStep(AnomalyEvent event) {
        if (event.steps() < 2) {
            return null;
        }
        Duration span = Duration.between(event.start(), event.end());
        Duration unit = span.dividedBy(event.steps() - 1L);
        return unit.isZero() || unit.isNegative() ? null : unit;
    }

    private static String impact(double impact) {
        if (Double.isNaN(impact)) {
            return "unknown";
        }
        String amount = String.format(Locale.ROOT, "%,.0f", Math.abs(impact));
        return impact >= 0 ? amount + " lost" : amount + " gained";
    }
}
