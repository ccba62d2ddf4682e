package org.sss.core.negotiation;

import org.sss.core.wire.PacketType;

/** What {@link Initiator#onTimeout} did. */
public sealed interface TimeoutOutcome
        permits TimeoutOutcome.NothingDue, TimeoutOutcome.Retransmitted, TimeoutOutcome.Failed {

    /** No timer had expired (or the negotiation is over). */
    record NothingDue() implements TimeoutOutcome {
    }

    /**
     * A HELLO or INITIATE was sent, each a new packet with a new counter value (NEG-TIMER-4,
     * CRY-CTR-3).
     *
     * @param type HELLO or INITIATE
     * @param nonceCounter the counter value it used
     * @param freshShortTermKey true when four INITIATEs went unanswered and this HELLO starts over
     *     with a fresh short-term key (NEG-TIMER-6); the host must then look up
     *     {@link Initiator#responderShortTermKey()} again
     */
    record Retransmitted(PacketType type, long nonceCounter, boolean freshShortTermKey) implements TimeoutOutcome {
    }

    /**
     * The negotiation was abandoned (NEG-TIMER-2) and its short-term key erased.
     *
     * @param reason why, for the application
     */
    record Failed(String reason) implements TimeoutOutcome {
    }
}
