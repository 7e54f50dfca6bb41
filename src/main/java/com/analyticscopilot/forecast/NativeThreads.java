package com.analyticscopilot.forecast;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ND4J's native code on one thread unless {@code OMP_NUM_THREADS} says otherwise. One
 * thread trained this network fastest on 2 cores; two threads (even with passive waiting) took
 * about twice the CPU time for no gain (docs/benchmarks.md). The launcher sets the
 * variable too; this covers the jar started directly, an IDE, or the workbench.
 */
final class NativeThreads {

    private static final Logger LOG = LoggerFactory.getLogger(NativeThreads.class);

    private static boolean configured;

    private NativeThreads() {
    }

    /** Sets the thread count once per JVM, before the first network is built or read. */
    static synchronized void configure() {
        if (configured) {
            return;
        }
        configured = true;
        String fromEnvironment = System.getenv("OMP_NUM_THREADS");
        if (fromEnvironment != null) {
            LOG.debug("ND4J threads left to OMP_NUM_THREADS={}", fromEnvironment);
            return;
        }
        try {
            // Nd4j first: it loads the native backend that NativeOpsHolder needs.
            Nd4j.getEnvironment().setMaxThreads(1);
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
            LOG.info("ND4J runs on 1 thread (set OMP_NUM_THREADS to change it)");
        } catch (RuntimeException | LinkageError e) {
            // Speed only: the defaults still work, so carry on with them.
            LOG.warn("could not set ND4J's thread count; using its default", e);
        }
    }
}
