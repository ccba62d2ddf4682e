package org.sss.core.channel;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.sss.core.wire.DropReason;

/**
 * What a {@link Channel} did with one received packet. Instances are shared constants, so receiving
 * allocates no result.
 *
 * @param outcome the kind of result
 * @param dropReason the verdict of a {@link Outcome#DROPPED} or {@link Outcome#CLOSED} packet, else null
 */
public record ReceiveResult(Outcome outcome, DropReason dropReason) {

    /** The packet was authenticated and processed. */
    public static final ReceiveResult ACCEPTED = new ReceiveResult(Outcome.ACCEPTED, null);
    /** The packet was authenticated but broke a channel rule that has no verdict; the channel closed. */
    public static final ReceiveResult CLOSED_BY_RULE = new ReceiveResult(Outcome.CLOSED, null);
    /** The channel is draining or closed and ignores packets. */
    public static final ReceiveResult IGNORED = new ReceiveResult(Outcome.IGNORED, null);

    private static final Map<DropReason, ReceiveResult> DROPPED = new EnumMap<>(DropReason.class);
    private static final Map<DropReason, ReceiveResult> CLOSED = new EnumMap<>(DropReason.class);

    static {
        for (DropReason reason : DropReason.values()) {
            DROPPED.put(reason, new ReceiveResult(Outcome.DROPPED, reason));
            CLOSED.put(reason, new ReceiveResult(Outcome.CLOSED, reason));
        }
    }

    /** The kinds of result. */
    public enum Outcome {
        /** Processed. */
        ACCEPTED,
        /** Dropped silently and counted under its verdict; no state changed. */
        DROPPED,
        /** Authenticated, but malformed or against a rule: the channel closed. */
        CLOSED,
        /** Not looked at: the channel no longer processes packets. */
        IGNORED
    }

    /** The shared result for a packet dropped with {@code reason}. */
    static ReceiveResult dropped(DropReason reason) {
        return DROPPED.get(reason);
    }

    /** The shared result for a packet whose plaintext verdict {@code reason} closed the channel. */
    static ReceiveResult closed(DropReason reason) {
        return CLOSED.get(reason);
    }

    /** The verdict, when there is one. */
    public Optional<DropReason> verdict() {
        return Optional.ofNullable(dropReason);
    }
}
