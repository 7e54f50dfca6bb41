package com.analyticscopilot.data;

import com.analyticscopilot.data.generate.GeneratorSettings;
import com.analyticscopilot.data.generate.SyntheticKpis;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The import benchmark of docs/benchmarks.md, not a test: generates 5,000 sites x 365
 * days once into a folder, then times {@link CsvDatasetReader#read} three times and prints the
 * median and the peak heap in use (summed over the heap pools' peaks, reset before each run).
 *
 * <p>Run: {@code java -Xmx2g -cp target/classes:target/test-classes:<dependencies>
 * com.analyticscopilot.data.ImportBenchmark /tmp/bench [sites] [days]}
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/import-benchmark");
        int sites = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 365;
        Path file = dir.resolve("kpis.csv");
        if (!Files.exists(file)) {
            SyntheticKpis.generate(GeneratorSettings.defaults().withSites(sites).withDays(days))
                    .writeTo(dir);
        }

        int runs = 3;
        double[] seconds = new double[runs];
        long[] peaks = new long[runs];
        for (int run = 0; run < runs; run++) {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            Dataset data = CsvDatasetReader.read(file);
            seconds[run] = (System.nanoTime() - start) / 1e9;
            peaks[run] = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "run %d: %.2f s, peak heap %d MB, %d sites%n", run + 1,
                    seconds[run], peaks[run] >> 20, data.siteCount());
        }
        Arrays.sort(seconds);
        Arrays.sort(peaks);
        System.out.printf(Locale.ROOT, "file %s (%d MB): median %.2f s, median peak heap %d MB%n",
                file, Files.size(file) >> 20, seconds[runs / 2], peaks[runs / 2] >> 20);
    }
}
