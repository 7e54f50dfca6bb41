package com.analyticscopilot.app.viewmodel;

import com.analyticscopilot.app.service.FeedbackState;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.AnomalyPoint;
import com.analyticscopilot.detect.KpiMove;
import com.analyticscopilot.detect.Severity;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of the anomaly table: an anomaly event with the agent's diagnosis and the
 * analyst's feedback state.
 *
 * @param event     the event
 * @param diagnosis the top recommendation's diagnosis; empty until the agent has answered
 * @param topAction the top recommendation's best action
 * @param feedback  what the analyst said so far
 */
public record AnomalyRow(AnomalyEvent event, String diagnosis, String topAction,
        FeedbackState feedback) {

    public String id() {
        return event.id();
    }

    public String site() {
        return event.site();
    }

    public LocalDate date() {
        return event.start().toLocalDate();
    }

    public Severity severity() {
        return event.severity();
    }

    public int days() {
        return event.steps();
    }

    /** The KPIs that crossed the threshold, comma-separated. */
    public String kpis() {
        return flaggedKpis().stream().collect(Collectors.joining(", "));
    }

    public List<String> flaggedKpis() {
        List<String> flagged = event.moves().stream().filter(KpiMove::flagged).map(KpiMove::kpi)
                .toList();
        if (!flagged.isEmpty()) {
            return flagged;
        }
        return event.points().stream().map(AnomalyPoint::kpi).distinct().toList();
    }

    /** The largest absolute score of the event's points. */
    public double peakScore() {
        return event.points().stream().mapToDouble(p -> Math.abs(p.score())).max().orElse(0);
    }

    public AnomalyRow withFeedback(FeedbackState state) {
        return new AnomalyRow(event, diagnosis, topAction, state);
    }
}
