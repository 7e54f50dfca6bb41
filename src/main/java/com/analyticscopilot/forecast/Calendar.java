package com.analyticscopilot.forecast;

import com.analyticscopilot.data.TimeStep;

import java.time.LocalDateTime;

/**
 * Calendar features fed to the network next to the KPIs: where in its cycle a step falls, as a
 * point on the unit circle (sin, cos), so Sunday sits next to Monday and no weekday is "larger".
 * Two numbers instead of seven one-hot columns keep the input small.
 */
enum Calendar {
    /** Daily data: the day of the week (shopping follows the working week). */
    DAY_OF_WEEK,
    /** Sub-daily data: the time of day. */
    TIME_OF_DAY,
    /** Steps of more than a day: no calendar feature. */
    NONE;

    static Calendar forStep(TimeStep step) {
        if (step.isDaily()) {
            return DAY_OF_WEEK;
        }
        return step.duration().getSeconds() < 86_400 ? TIME_OF_DAY : NONE;
    }

    int featureCount() {
        return this == NONE ? 0 : 2;
    }

    /** The step's position in its cycle, in [0, 1). */
    double phase(LocalDateTime time) {
        return switch (this) {
            case DAY_OF_WEEK -> (time.getDayOfWeek().getValue() - 1) / 7.0;
            case TIME_OF_DAY -> time.toLocalTime().toSecondOfDay() / 86_400.0;
            case NONE -> 0;
        };
    }

    /** Writes the features of {@code time} into {@code out[0..featureCount)}. */
    void features(LocalDateTime time, double[] out) {
        if (this == NONE) {
            return;
        }
        double angle = 2 * Math.PI * phase(time);
        out[0] = Math.sin(angle);
        out[1] = Math.cos(angle);
    }
}
