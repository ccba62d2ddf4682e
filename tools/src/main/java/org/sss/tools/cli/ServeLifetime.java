package org.sss.tools.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When {@code sss serve} stops: on SIGINT or SIGTERM (a JVM shutdown hook), or, when asked, once
 * standard input reaches its end (a parent process closes the pipe). The hook waits for the
 * server's clean-up so that the host is closed and the statistics printed before the JVM ends.
 */
final class ServeLifetime implements AutoCloseable {
    /** How long the shutdown hook waits for the clean-up. */
    private static final long CLEANUP_WAIT_SECONDS = 10;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread shutdownHook;
    private volatile String reason = "";

    ServeLifetime() {
        shutdownHook = new Thread(() -> {
            stop("signal");
            try {
                cleanedUp.await(CLEANUP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sss-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Stops the server once {@code stdin} reaches its end (or fails); reads and discards its bytes. */
    void stopAtEndOf(InputStream stdin) {
        Thread watcher = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                while (stdin.read(buffer) >= 0) {
                    // discard: only the end of the input matters
                }
                stop("stdin closed");
            } catch (IOException e) {
                stop("stdin failed: " + e.getMessage());
            }
        }, "sss-serve-stdin");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Asks the server to stop; the first reason wins. */
    void stop(String why) {
        synchronized (this) {
            if (stopRequested.getCount() == 0) {
                return;
            }
            reason = why;
        }
        stopRequested.countDown();
    }

    /** Waits until a stop is asked for; returns its reason. */
    String awaitStop() throws InterruptedException {
        stopRequested.await();
        return reason;
    }

    /** The clean-up is done: releases a waiting shutdown hook, or removes the hook. */
    @Override
    public void close() {
        cleanedUp.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is shutting down: the hook is running and now returns
        }
    }
}
