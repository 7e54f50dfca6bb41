package com.analyticscopilot.app.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Starts reading the file the workbench will open first while the window is still being built,
 * then hands that read to the first {@link #load} of the same file. Reading the sample data cold
 * takes about as long as building the window, so doing both at once halves the wait for the
 * first results. Any other file, or a second load, is read afresh.
 */
public final class PreloadingDatasetService implements DatasetService {

    private static final Logger LOG = LoggerFactory.getLogger(PreloadingDatasetService.class);

    private final DatasetService reader;
    private Path preloadedFile;
    private CompletableFuture<LoadedData> preloaded;

    public PreloadingDatasetService(DatasetService reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** Starts reading {@code file} on a short-lived daemon thread. */
    public synchronized void preload(Path file) {
        preloadedFile = file.toAbsolutePath().normalize();
        preloaded = new CompletableFuture<>();
        CompletableFuture<LoadedData> target = preloaded;
        Thread thread = new Thread(() -> {
            try {
                target.complete(reader.load(file));
            } catch (IOException | RuntimeException e) {
                target.completeExceptionally(e);
            }
        }, "copilot-preload");
        thread.setDaemon(true);
        thread.start();
        LOG.debug("Preloading {}", file);
    }

    @Override
    public LoadedData load(Path file) throws IOException {
        CompletableFuture<LoadedData> early = take(file);
        if (early == null) {
            return reader.load(file);
        }
        try {
            return early.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file, e);
        } catch (ExecutionException e) {
            // The same failure a direct read would have thrown: bad input stays bad input.
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }

    private synchronized CompletableFuture<LoadedData> take(Path file) {
        if (preloaded == null || !file.toAbsolutePath().normalize().equals(preloadedFile)) {
            return null;
        }
        CompletableFuture<LoadedData> early = preloaded;
        preloaded = null;
        return early;
    }
}
