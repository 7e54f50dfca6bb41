package com.analyticscopilot.app.view;

import com.analyticscopilot.app.UiText;
import com.analyticscopilot.app.service.KpiTrace;
import com.analyticscopilot.app.service.SiteTrace;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.detect.AnomalyPoint;
import javafx.scene.Group;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Draws one site: a chart per KPI (observed, expected, the normal band, anomalies as marked
 * points with tooltips) and the STL components of one KPI. All charts share one time axis range,
 * so zooming one zooms all. The x axis counts days since 1970 (fractions for sub-daily data),
 * labelled as dates.
 */
final class SiteCharts {

    /** Anomaly markers: a radius that stands out from a 2 px line without hiding neighbours. */
    private static final double MARKER_RADIUS = 4.5;
    private static final double SECONDS_PER_DAY = 86_400.0;

    private final UiText text;
    private final VBox kpiBox;
    private final Pane stlBox;
    private final List<LineChart<Number, Number>> kpiCharts = new ArrayList<>();
    private final List<LineChart<Number, Number>> stlCharts = new ArrayList<>();
    /** The KPIs the KPI charts were built for; charts are reused while they stay the same. */
    private List<String> chartKpis = List.of();

    private SiteTrace trace;
    private double lower = Double.NaN;
    private double upper = Double.NaN;
    private double focus = Double.NaN;

    SiteCharts(UiText text, VBox kpiBox, Pane stlBox) {
        this.text = text;
        this.kpiBox = kpiBox;
        this.stlBox = stlBox;
        for (String key : List.of("charts.trend", "charts.seasonal", "charts.remainder")) {
            LineChart<Number, Number> chart = newChart(text.get(key));
            chart.getStyleClass().add("stl-chart");
            chart.getData().setAll(List.of(new XYChart.Series<>(), new XYChart.Series<>()));
            HBox.setHgrow(chart, Priority.ALWAYS);
            stlCharts.add(chart);
        }
        stlBox.getChildren().setAll(stlCharts);
    }

    /** Day number of a time, for the x axis. */
    static double x(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC) / SECONDS_PER_DAY;
    }

    /** The date of an x axis value. */
    static LocalDate date(double x) {
        return LocalDate.ofEpochDay((long) Math.floor(x));
    }

    /**
     * Shows a site.
     *
     * @param site      the site's traces; {@code null} clears the charts
     * @param stlKpi    the KPI whose STL components to show
     * @param describe  the tooltip text of an anomaly point
     * @param onAnomaly called when an anomaly marker is clicked
     */
    void show(SiteTrace site, int stlKpi, Function<AnomalyPoint, String> describe,
            Consumer<AnomalyPoint> onAnomaly) {
        this.trace = site;
        if (site == null) {
            kpiBox.getChildren().clear();
            kpiCharts.clear();
            chartKpis = List.of();
            stlCharts.forEach(c -> c.getData().forEach(s -> s.getData().clear()));
            return;
        }

        double[] xs = xs(site.series());

        // Building a chart (axes, CSS, legend) costs more than filling one: switching between
        // sites with the same KPIs only swaps the data.
        List<String> names = site.kpis().stream().map(k -> k.kpi().name()).toList();
        if (!names.equals(chartKpis)) {
            kpiCharts.clear();
            for (String name : names) {
                LineChart<Number, Number> chart = newChart(name);
                chart.getStyleClass().add("kpi-chart");
                chart.setId("chart-" + name);
                VBox.setVgrow(chart, Priority.ALWAYS);
                for (int s = 0; s < SERIES; s++) {
                    chart.getData().add(new XYChart.Series<>());
                }
                kpiCharts.add(chart);
            }
            kpiBox.getChildren().setAll(kpiCharts);
            chartKpis = names;
        }

        for (int k = 0; k < site.kpis().size(); k++) {
            KpiTrace kpi = site.kpis().get(k);
            List<XYChart.Series<Number, Number>> series = kpiCharts.get(k).getData();
            series.get(0).getData().setAll(points(xs, kpi.lower()));
            series.get(1).getData().setAll(points(xs, kpi.upper()));
            series.get(2).getData().setAll(points(xs, kpi.expected()));
            series.get(3).getData().setAll(points(xs, kpi.observed()));
            series.get(4).getData().setAll(markers(kpi.kpi().name(), site.points(), describe,
                    onAnomaly));
        }
        showStl(stlKpi, xs);
        applyRange();
    }

    /** Series per KPI chart: band low and high, expected, observed, anomalies, focus. */
    private static final int SERIES = 6;

    private static double[] xs(SiteSeries series) {
        double[] xs = new double[series.length()];
        for (int t = 0; t < xs.length; t++) {
            xs[t] = x(series.time(t));
        }
        return xs;
    }

    /** Shows the STL components of KPI {@code k} of the current site. */
    void showStl(int k) {
        if (trace == null) {
            return;
        }
        showStl(k, xs(trace.series()));
        applyRange();
    }

    private void showStl(int k, double[] xs) {
        if (k < 0 || k >= trace.kpis().size()) {
            stlCharts.forEach(c -> c.getData().forEach(s -> s.getData().clear()));
            return;
        }
        KpiTrace kpi = trace.kpis().get(k);
        double[][] components = {kpi.trend(), kpi.seasonal(), kpi.remainder()};
        for (int c = 0; c < components.length; c++) {
            stlCharts.get(c).getData().get(0).getData().setAll(points(xs, components[c]));
        }
    }

    /** Shows [from, to] on every chart's x axis, so all charts line up day by day. */
    void setRange(double from, double to) {
        this.lower = from;
        this.upper = to;
        applyRange();
    }

    /** Marks a time with a vertical line in every chart; NaN removes the mark. */
    void setFocus(double x) {
        this.focus = x;
        applyRange();
    }

    private void applyRange() {
        List<NumberAxis> axes = new ArrayList<>();
        for (LineChart<Number, Number> chart : kpiCharts) {
            axes.add((NumberAxis) chart.getXAxis());
        }
        for (LineChart<Number, Number> chart : stlCharts) {
            axes.add((NumberAxis) chart.getXAxis());
        }
        boolean known = !Double.isNaN(lower) && !Double.isNaN(upper) && upper > lower;
        for (NumberAxis axis : axes) {
            axis.setAutoRanging(!known);
            if (known) {
                axis.setLowerBound(lower);
                axis.setUpperBound(upper);

                // About eight labelled ticks whatever the zoom, never closer than a day.
                axis.setTickUnit(Math.max(1, Math.round((upper - lower) / 8)));
            }
        }
        for (LineChart<Number, Number> chart : kpiCharts) {
            drawFocus(chart, chart.getData().size() - 1);
        }
        for (LineChart<Number, Number> chart : stlCharts) {
            drawFocus(chart, 1);
        }
    }

    /** The focus line is its own series: two points at the same x spanning the data's range. */
    private void drawFocus(LineChart<Number, Number> chart, int seriesIndex) {
        XYChart.Series<Number, Number> marker = chart.getData().get(seriesIndex);
        if (Double.isNaN(focus)) {
            marker.getData().clear();
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < seriesIndex; s++) {
            for (XYChart.Data<Number, Number> d : chart.getData().get(s).getData()) {
                double y = d.getYValue().doubleValue();
                min = Math.min(min, y);
                max = Math.max(max, y);
            }
        }
        if (min > max) {
            marker.getData().clear();
            return;
        }
        marker.getData().setAll(List.of(new XYChart.Data<>(focus, min), new XYChart.Data<>(focus,
                max)));
    }

    private LineChart<Number, Number> newChart(String title) {
        NumberAxis xAxis = new NumberAxis();
        xAxis.setForceZeroInRange(false);
        xAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return date(value.doubleValue()).toString().substring(5);
            }

            @Override
            public Number fromString(String string) {
                return 0;
            }
        });
        NumberAxis yAxis = new NumberAxis();
        yAxis.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(105);
        chart.setPrefHeight(150);
        return chart;
    }

    /** The points of a line, leaving out missing values (the line joins across them). */
    private static List<XYChart.Data<Number, Number>> points(double[] xs, double[] ys) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(xs.length);
        for (int t = 0; t < xs.length && t < ys.length; t++) {
            if (Double.isFinite(ys[t])) {
                data.add(new XYChart.Data<>(xs[t], ys[t]));
            }
        }
        return data;
    }

    private List<XYChart.Data<Number, Number>> markers(String kpi, List<AnomalyPoint> points,
                                                   Function<AnomalyPoint, String> describe,
                                                   Consumer<AnomalyPoint> onAnomaly) {
        List<XYChart.Data<Number, Number>> series = new ArrayList<>();
        for (AnomalyPoint point : points) {
            if (!point.kpi().equals(kpi) || !Double.isFinite(point.value())) {
                continue;
            }
            XYChart.Data<Number, Number> data = new XYChart.Data<>(x(point.time()), point.value());
            Circle marker = new Circle(MARKER_RADIUS);
            marker.getStyleClass().addAll("anomaly-marker", "severity-" + point.severity().label());
            Tooltip tip = new Tooltip(describe.apply(point));
            tip.setShowDelay(Duration.millis(150));
            Tooltip.install(marker, tip);
            marker.setOnMouseClicked(e -> onAnomaly.accept(point));

            // Wrapped: the chart resets the style classes of a symbol node to its own.
            data.setNode(new Group(marker));
            series.add(data);
        }
        return series;
    }

    /** Formats a KPI value for a tooltip. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "\u2013";
        }
        String pattern = Math.abs(v) >= 100 ? "%,.0f" : "%.4g";
        return String.format(Locale.ROOT, pattern, v);
    }
}
