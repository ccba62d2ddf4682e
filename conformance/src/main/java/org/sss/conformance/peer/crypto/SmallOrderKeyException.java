package org.sss.conformance.peer.crypto;

/**
 * X25519 gave the all-zero value, which SPEC.md CRY-PRIM-4 makes a failure of the box operation that
 * needed it.
 */
public final class SmallOrderKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public SmallOrderKeyException() {
        super("X25519 result is all zero: the peer key has small order (CRY-PRIM-4)");
    }
}
