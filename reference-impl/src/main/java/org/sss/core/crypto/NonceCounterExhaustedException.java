package org.sss.core.crypto;

/**
 * Thrown when a {@link NonceCounter} has issued 2^64 − 1 and is asked for another value: the
 * channel must end rather than reuse a nonce under its key.
 */
public final class NonceCounterExhaustedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NonceCounterExhaustedException() {
        super("nonce counter exhausted: 2^64-1 was the last value; the short-term key must not seal again");
    }
}
