package org.sss.core.negotiation;

import java.net.InetSocketAddress;

/**
 * Step 2 of the responder's HELLO processing (SPEC.md section 5.5, NEG-DOS-1): decides, before any
 * cryptography, whether a HELLO from this source may be answered. This is the only per-source
 * state a responder keeps before a cookie verifies, so implementations must be bounded.
 */
public interface HelloRateLimiter {

    /**
     * Takes one HELLO's worth of allowance for {@code source}.
     *
     * @param source the HELLO's source address and port
     * @param nowNanos the current {@link org.sss.core.time.Clock} time
     * @return false when the HELLO is over the limit and must be dropped
     */
    boolean tryAcquire(InetSocketAddress source, long nowNanos);

    /** How many sources the limiter currently remembers; 0 for a stateless limiter. */
    int trackedSources();

    /** A limiter that allows everything and remembers nothing. */
    static HelloRateLimiter unlimited() {
        return Unlimited.INSTANCE;
    }

    /** The stateless limiter of {@link #unlimited()}. */
    enum Unlimited implements HelloRateLimiter {
        /** The one instance. */
        INSTANCE;

        @Override
        public boolean tryAcquire(InetSocketAddress source, long nowNanos) {
            return true;
        }

        @Override
        public int trackedSources() {
            return 0;
        }
    }
}
