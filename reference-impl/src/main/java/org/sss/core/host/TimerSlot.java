package org.sss.core.host;

import io.netty.channel.EventLoop;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.sss.core.time.Clock;

/**
 * The one pending timer of a sans-I/O component (a channel, a negotiation, the responder): armed
 * for the component's next deadline on the event loop, re-armed only when the deadline moves.
 */
final class TimerSlot {
    /** The deadline value components use for "nothing due". */
    static final long NONE = Long.MAX_VALUE;

    private final EventLoop loop;
    private final Clock clock;
    private final Runnable task;
    private ScheduledFuture<?> pending;
    private long deadline = NONE;

    TimerSlot(EventLoop loop, Clock clock, Runnable task) {
        this.loop = loop;
        this.clock = clock;
        this.task = task;
    }

    /** Makes the task run at {@code deadlineNanos} (clock time), or never for {@link #NONE}. */
    void arm(long deadlineNanos) {
        if (deadlineNanos == deadline && pending != null) {
            return;
        }
        cancel();
        if (deadlineNanos == NONE) {
            return;
        }
        deadline = deadlineNanos;
        long delay = Math.max(0, deadlineNanos - clock.nanoTime());
        pending = loop.schedule(this::fire, delay, TimeUnit.NANOSECONDS);
    }

    /** Forgets the pending deadline. */
    void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        deadline = NONE;
    }

    private void fire() {
        pending = null;
        deadline = NONE;
        task.run();
    }
}
