package org.sss.core.crypto;

/**
 * The one 64-bit nonce counter of a short-term secret key ({@code i'} for HELLO, INITIATE and
 * MESSAGE; {@code r'} for MESSAGE). Values are unsigned, strictly increasing by one, never reset
 * on retransmission, and never wrap: after 2^64 − 1 the counter refuses with
 * {@link NonceCounterExhaustedException}. The value is also the packet number of a MESSAGE or
 * INITIATE. Thread-safe.
 */
public final class NonceCounter {
    /** The recommended first value. */
    public static final long RECOMMENDED_FIRST = 1;

    private long next;
    private boolean exhausted;

    /** A counter whose first value is {@link #RECOMMENDED_FIRST}. */
    public NonceCounter() {
        this(RECOMMENDED_FIRST);
    }

    /** A counter whose first value is {@code first} (unsigned). */
    public NonceCounter(long first) {
        this.next = first;
    }

    /**
     * The next value (unsigned).
     *
     * @throws NonceCounterExhaustedException once 2^64 − 1 has been issued
     */
    public synchronized long next() {
        if (exhausted) {
            throw new NonceCounterExhaustedException();
        }
        long value = next;
        if (value == -1L) {
            exhausted = true;
        } else {
            next = value + 1;
        }
        return value;
    }

    /** The next counter value wrapped in a nonce with {@code prefix}. */
    public Nonce nextNonce(NoncePrefix prefix) {
        if (prefix.kind() != NoncePrefix.Kind.COUNTER) {
            throw new IllegalArgumentException("prefix: " + prefix + " takes random bytes, not a counter");
        }
        return Nonce.counter(prefix, next());
    }

    /** Whether {@link #next()} would throw. */
    public synchronized boolean isExhausted() {
        return exhausted;
    }

    @Override
    public synchronized String toString() {
        return exhausted ? "NonceCounter[exhausted]" : "NonceCounter[next=" + Long.toUnsignedString(next) + "]";
    }
}
