package com.analyticscopilot.data;

import java.time.Duration;
import java.util.Objects;

/**
 * The regular spacing of a data set's time series.
 *
 * @param duration the time between two consecutive observations; positive
 */
public record TimeStep(Duration duration) {

    public static final TimeStep DAILY = new TimeStep(Duration.ofDays(1));
    public static final TimeStep HOURLY = new TimeStep(Duration.ofHours(1));

    public TimeStep {
        Objects.requireNonNull(duration, "duration");
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("a time step must be positive, got " + duration);
        }
    }

    /** True for steps of a whole day, where dates carry no time of day. */
    public boolean isDaily() {
        return duration.equals(Duration.ofDays(1));
    }

    /**
     * The seasonal period in steps that business KPIs follow at this step: a week for daily data
     * (shopping follows the working week), a day for anything from hourly down (the daily
     * rhythm dominates, and a week of 5-minute steps is too long a cycle for a loess smoother).
     */
    public int defaultPeriod() {
        long seconds = duration.getSeconds();
        if (seconds >= Duration.ofDays(1).getSeconds()) {
            return seconds == Duration.ofDays(1).getSeconds() ? 7 : 1;
        }
        long perDay = Duration.ofDays(1).getSeconds() / seconds;
        return (int) Math.max(1, perDay);
    }

    /** A short human name: "daily", "hourly", "5-minute", "90-second". */
    public String label() {
        long s = duration.getSeconds();
        if (s == 86_400) {
            return "daily";
        }
        if (s == 3_600) {
            return "hourly";
        }
        if (s % 86_400 == 0) {
            return (s / 86_400) + "-day";
        }
        if (s % 3_600 == 0) {
            return (s / 3_600) + "-hour";
        }
        if (s % 60 == 0) {
            return (s / 60) + "-minute";
        }
        return s + "-second";
    }

    @Override
    public String toString() {
        return label();
    }
}
