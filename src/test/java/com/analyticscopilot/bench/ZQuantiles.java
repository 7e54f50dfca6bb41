package com.analyticscopilot.bench;

import com.analyticscopilot.data.CsvDatasetReader;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Incident;
import com.analyticscopilot.data.LabelsCsv;
import com.analyticscopilot.detect.DetectionResult;
import com.analyticscopilot.detect.DetectionSettings;
import com.analyticscopilot.detect.Detector;
import com.analyticscopilot.detect.SeriesScores;
import com.analyticscopilot.detect.ThresholdAdjustments;
import com.analyticscopilot.detect.stl.StlParameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Diagnostic: quantiles of |STL score| away from labelled incidents, per KPI. By hand. */
public final class ZQuantiles {

    private ZQuantiles() {
    }

    public static void main(String[] args) {
        Dataset data = CsvDatasetReader.read(Path.of(args[0]));
        List<Incident> labels = LabelsCsv.read(Path.of(args[1]));
        StlParameters.Builder b = DetectionSettings.DEFAULT_STL.toBuilder();
        if (args.length > 2) {
            b.seasonalWindow(Integer.parseInt(args[2]));
        }
        if (args.length > 3) {
            b.trendWindow(Integer.parseInt(args[3]));
        }
        DetectionResult r = new Detector(DetectionSettings.defaults().withStl(b.build()), null,
                ThresholdAdjustments.NONE).detect(data);
        for (var kpi : data.kpis()) {
            List<Double> z = new ArrayList<>();
            for (SeriesScores s : r.allSeries()) {
                if (!s.kpi().equals(kpi)) {
                    continue;
                }
                var site = data.site(s.site()).orElseThrow();
                for (int t = 0; t < s.length(); t++) {
                    var day = site.time(t).toLocalDate();
                    boolean near = labels.stream().anyMatch(i -> i.site().equals(s.site())
                            && !day.isBefore(i.start().minusDays(3))
                            && !day.isAfter(i.end().plusDays(7)));
                    if (!near && !Double.isNaN(s.stlScore(t))) {
                        z.add(Math.abs(s.stlScore(t)));
                    }
                }
            }
            double[] a = z.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-16s n=%d q50=%.2f q90=%.2f q95=%.2f q99=%.2f"
                    + " q999=%.2f >3:%.4f >4:%.5f >4.5:%.5f (normal q50 0.67 q90 1.64 q95 1.96"
                    + " q99 2.58 q999 3.29)%n", kpi.name(), a.length, q(a, .5), q(a, .9),
                    q(a, .95), q(a, .99), q(a, .999), frac(a, 3), frac(a, 4), frac(a, 4.5));
        }
    }

    private static double q(double[] a, double p) {
        return a[(int) Math.min(a.length - 1, Math.floor(p * a.length))];
    }

    private static double frac(double[] a, double x) {
        return Arrays.stream(a).filter(v -> v > x).count() / (double) a.length;
    }
}
