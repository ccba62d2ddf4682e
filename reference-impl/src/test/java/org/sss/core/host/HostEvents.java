package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sss.core.channel.ChannelClosure;

/** A {@link HostListener} that queues every event with the time it happened, for tests to take. */
final class HostEvents implements HostListener {

    /** A channel opened at {@code atNanos} ({@link System#nanoTime()}). */
    record Opened(SecureChannel channel, long atNanos) {
    }

    /** A channel closed at {@code atNanos}. */
    record Closed(SecureChannel channel, ChannelClosure closure, long atNanos) {
    }

    /** A channel was replaced by a new one at {@code atNanos}. */
    record Replaced(SecureChannel old, SecureChannel replacement, long atNanos) {
    }

    private final BlockingQueue<Opened> opened = new LinkedBlockingQueue<>();
    private final BlockingQueue<Closed> closed = new LinkedBlockingQueue<>();
    private final BlockingQueue<Replaced> replaced = new LinkedBlockingQueue<>();

    @Override
    public void onChannelOpened(SecureChannel channel) {
        opened.add(new Opened(channel, System.nanoTime()));
    }

    @Override
    public void onChannelClosed(SecureChannel channel, ChannelClosure closure) {
        closed.add(new Closed(channel, closure, System.nanoTime()));
    }

    @Override
    public void onChannelReplaced(SecureChannel old, SecureChannel replacement) {
        replaced.add(new Replaced(old, replacement, System.nanoTime()));
    }

    /** The next opened channel; fails if none opens within the patience. */
    Opened nextOpened() {
        return take(opened, "a channel to open");
    }

    /** The next closed channel; fails if none closes within the patience. */
    Closed nextClosed() {
        return take(closed, "a channel to close");
    }

    /** The next replacement; fails if none happens within the patience. */
    Replaced nextReplaced() {
        return take(replaced, "a channel to be replaced");
    }

    /** Asserts that no channel opens within {@code quiet}. */
    void assertNoneOpenedWithin(Duration quiet) {
        Opened unexpected = poll(opened, quiet);
        assertThat(unexpected).as("a channel opened although none should").isNull();
    }

    /** How many opened events are queued and not yet taken. */
    int pendingOpened() {
        return opened.size();
    }

    private static <T> T take(BlockingQueue<T> queue, String what) {
        T value = poll(queue, Await.PATIENCE);
        if (value == null) {
            throw new AssertionError(
                    "Expected: " + what + " within " + Await.PATIENCE.toMillis() + " ms / Actual: none");
        }
        return value;
    }

    private static <T> T poll(BlockingQueue<T> queue, Duration timeout) {
        try {
            return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
