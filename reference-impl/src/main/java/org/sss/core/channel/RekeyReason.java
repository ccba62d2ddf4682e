package org.sss.core.channel;

/** Why {@link ChannelListener#onRekeyDue} fired (SPEC.md section 6.9). */
public enum RekeyReason {
    /** The initiator's channel reached its rotation age, {@code 30 min + U(0, 5 min)} (CHN-REKEY-1). */
    AGE,
    /** This end's nonce counter reached 2^63 (CHN-REKEY-1, CHN-REKEY-2). */
    COUNTER
}
