package org.sss.core.channel;

/** Why a channel stopped carrying data. */
public enum CloseOrigin {
    /** This end sent CLOSE, on the application's request or because the peer broke a rule. */
    LOCAL,
    /** The peer sent CLOSE. */
    PEER,
    /** The effective idle timeout expired; nothing was sent (CHN-IDLE-3). */
    IDLE,
    /** The nonce counter is exhausted; the channel is discarded without sending (CRY-CTR-5). */
    COUNTER_EXHAUSTED
}
