package com.analyticscopilot.cli;

import com.analyticscopilot.forecast.EpochProgress;
import com.analyticscopilot.forecast.LstmForecaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code copilot pretrain} and {@code copilot finetune} end to end on a tiny file. */
class ForecastCommandsTest extends CliTestSupport {

    private static final String[] TINY = {"--epochs", "2", "--window", "7", "--layers", "2",
        "--hidden", "8", "--batch", "32", "--seed", "5"};

    @TempDir
    Path dir;

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Three sites, 60 days, a weekly rhythm; KPI roles inferred from the column names. */
    private Path writeKpis() throws IOException {
        Random rnd = new Random(3);
        StringBuilder csv = new StringBuilder("date,site,sessions,conversion_rate,revenue\n");
        LocalDate start = LocalDate.of(2025, 1, 6);
        for (int t = 0; t < 60; t++) {
            for (int s = 1; s <= 3; s++) {
                double w = (t % 7 >= 5) ? 0.8 : 1.0;
                long sessions = Math.round(1000 * s * w * (1 + 0.03 * rnd.nextGaussian()));
                double conv = 0.03 * (1 + 0.05 * rnd.nextGaussian());
                csv.append(String.format(Locale.ROOT, "%s,site_%02d,%d,%.5f,%.2f%n",
                        start.plusDays(t), s, sessions, conv, sessions * conv * 40));
            }
        }
        Path file = dir.resolve("kpis.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void pretrainThenFinetuneWriteModels() throws IOException {
        Path kpis = writeKpis();
        Path base = dir.resolve("base.zip");
        int code = run(concat(new String[] {"pretrain", "--input", kpis.toString(), "--model",
            base.toString()}, TINY));
        assertEquals(CopilotCommand.OK, code, err::toString);
        assertTrue(out.toString().contains("epoch 1/2"), out::toString);
        assertTrue(out.toString().contains("saved " + base), out::toString);
        assertEquals(3, LstmForecaster.load(base).sites().size());

        Path site = dir.resolve("site.zip");
        code = run("finetune", "--input", kpis.toString(), "--site", "site_02", "--base",
                base.toString(), "--model", site.toString(), "--freeze-first-layer",
                "--epochs", "2");
        assertEquals(CopilotCommand.OK, code, err::toString);
        LstmForecaster tuned = LstmForecaster.load(site);
        assertEquals("site_02", tuned.fineTunedSite().orElseThrow());
        assertTrue(tuned.settings().freezeFirstLayer());
        assertEquals(7, tuned.window());
    }

    @Test
    void aMissingBaseModelIsBadInputWithoutAStackTrace() throws IOException {
        Path kpis = writeKpis();
        Path missing = dir.resolve("none.zip");
        int code = run("finetune", "--input", kpis.toString(), "--site", "site_01", "--base",
                missing.toString(), "--model", dir.resolve("x.zip").toString());
        assertEquals(CopilotCommand.BAD_INPUT, code);
        assertEquals("error: " + missing + ": model file not found", err.toString().strip());
    }

    @Test
    void anUnknownSiteIsBadInput() throws IOException {
        Path kpis = writeKpis();
        Path base = dir.resolve("base.zip");
        assertEquals(CopilotCommand.OK, run(concat(new String[] {"pretrain", "--input",
            kpis.toString(), "--model", base.toString()}, TINY)), err::toString);
        int code = run("finetune", "--input", kpis.toString(), "--site", "site_99", "--base",
                base.toString(), "--model", dir.resolve("x.zip").toString());
        assertEquals(CopilotCommand.BAD_INPUT, code);
        assertTrue(err.toString().contains("no site 'site_99'"), err::toString);
        assertFalse(Files.exists(dir.resolve("x.zip")));
    }

    @Test
    void aBadSettingIsAUsageErrorNamingIt() throws IOException {
        Path kpis = writeKpis();
        int code = run("pretrain", "--input", kpis.toString(), "--model",
                dir.resolve("m.zip").toString(), "--window", "1");
        assertEquals(CopilotCommand.BAD_INPUT, code);
        assertTrue(err.toString().contains("window must be between 2 and 1000 steps, got 1"),
                err::toString);
    }

    @Test
    void progressPrintsOneLinePerEpochOffATerminalAndABarOnOne() {
        StringWriter plain = new StringWriter();
        TrainingProgressPrinter lines = new TrainingProgressPrinter(new PrintWriter(plain), false);
        EpochProgress p = new EpochProgress(2, 10, 0.5, 0.25, Duration.ofSeconds(20),
                Duration.ofSeconds(80));
        lines.onBatch(2, 1, 5);
        lines.onEpoch(p);
        lines.finish();
        assertEquals("epoch 2/10  train loss 0.5000  validation loss 0.2500  elapsed 0m20s"
                + "  left at most 1m20s", plain.toString().strip());

        StringWriter tty = new StringWriter();
        TrainingProgressPrinter bar = new TrainingProgressPrinter(new PrintWriter(tty), true);
        bar.onEpoch(p);
        bar.finish();
        assertTrue(tty.toString().startsWith("\r[#####"), tty::toString);
        assertTrue(tty.toString().contains("epoch 2/10  train 0.5000  val 0.2500  left 1m20s"),
                tty::toString);
        assertTrue(tty.toString().endsWith(System.lineSeparator()));
    }
}
