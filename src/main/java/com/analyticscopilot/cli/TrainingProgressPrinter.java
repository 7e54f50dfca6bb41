package com.analyticscopilot.cli;

import com.analyticscopilot.forecast.EpochProgress;
import com.analyticscopilot.forecast.TrainingListener;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows a training run on the CLI: on a terminal one progress bar line redrawn in place (epoch,
 * batch, losses, time left); otherwise, for logs and pipes, one plain line per epoch.
 */
final class TrainingProgressPrinter implements TrainingListener {

    /** Characters of the bar itself. */
    private static final int BAR_WIDTH = 24;

    /** Redraw the bar at most this often between epochs; a terminal need not see every batch. */
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private EpochProgress last;
    private long lastDraw;
    private boolean barShown;

    TrainingProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void onEpoch(EpochProgress progress) {
        last = progress;
        if (terminal) {
            draw(progress.epoch(), 1, 1, progress.maxEpochs());
        } else {
            out.println(epochLine(progress));
            out.flush();
        }
    }

    @Override
    public void onBatch(int epoch, int batch, int batches) {
        long now = System.nanoTime();
        if (!terminal || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        int maxEpochs = last == null ? 0 : last.maxEpochs();
        draw(epoch - 1, batch, batches, maxEpochs);
    }

    /** Ends the bar's line; call once when training is over. */
    void finish() {
        if (barShown) {
            out.println();
            out.flush();
            barShown = false;
        }
    }

    static String epochLine(EpochProgress p) {
        return String.format(Locale.ROOT, "epoch %d/%d  train loss %.4f  validation loss %s"
                        + "  elapsed %s  left at most %s", p.epoch(), p.maxEpochs(),
                p.trainLoss(), loss(p.validationLoss()), duration(p.elapsed()),
                duration(p.remaining()));
    }

    private void draw(int epochsDone, int batch, int batches, int maxEpochs) {
        lastDraw = System.nanoTime();
        double share = maxEpochs == 0 ? 0
                : Math.min(1, (epochsDone + (double) batch / batches) / maxEpochs);
        int filled = (int) Math.round(share * BAR_WIDTH);
        StringBuilder line = new StringBuilder("\r[");
        line.append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ");
        if (last == null) {
            line.append(String.format(Locale.ROOT, "epoch 1  batch %d/%d", batch, batches));
        } else {
            line.append(String.format(Locale.ROOT, "epoch %d/%d  train %.4f  val %s  left %s",
                    last.epoch(), last.maxEpochs(), last.trainLoss(),
                    loss(last.validationLoss()), duration(last.remaining())));
        }
        out.print(line.append("   "));
        out.flush();
        barShown = true;
    }

    private static String loss(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
