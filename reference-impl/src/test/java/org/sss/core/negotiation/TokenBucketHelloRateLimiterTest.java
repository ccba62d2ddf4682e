package org.sss.core.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The per-address HELLO limit of NEG-DOS-1, reference default 100 per second (SPEC.md section 10). */
class TokenBucketHelloRateLimiterTest {
    private static final long MS = 1_000_000L;
    private final InetSocketAddress a = ResponderHelloTest.address("192.0.2.1", 1000);
    private final InetSocketAddress b = ResponderHelloTest.address("192.0.2.2", 1000);

    @Test
    void allowsTheBurstThenTheSustainedRate() {
        TokenBucketHelloRateLimiter limiter = new TokenBucketHelloRateLimiter(10, 3, 16);
        long t = 1_000_000 * MS;
        assertThat(limiter.tryAcquire(a, t)).isTrue();
        assertThat(limiter.tryAcquire(a, t)).isTrue();
        assertThat(limiter.tryAcquire(a, t)).isTrue();
        assertThat(limiter.tryAcquire(a, t)).isFalse();
        assertThat(limiter.tryAcquire(b, t)).isTrue();
        assertThat(limiter.tryAcquire(a, t + 99 * MS)).isFalse();
        assertThat(limiter.tryAcquire(a, t + 100 * MS)).isTrue();
        assertThat(limiter.tryAcquire(a, t + 100 * MS)).isFalse();
    }

    @Test
    void keysByAddressNotPort() {
        TokenBucketHelloRateLimiter limiter = new TokenBucketHelloRateLimiter(1, 1, 16);
        assertThat(limiter.tryAcquire(a, 0)).isTrue();
        assertThat(limiter.tryAcquire(new InetSocketAddress(a.getAddress(), 2000), 0)).isFalse();
    }

    @Test
    void theDefaultsAllowOneHundredPerSecond() {
        TokenBucketHelloRateLimiter limiter = TokenBucketHelloRateLimiter.withDefaults();
        int allowed = 0;
        for (int i = 0; i < 1000; i++) {
            allowed += limiter.tryAcquire(a, i * MS) ? 1 : 0; // 1000 HELLOs in one second
        }
        assertThat(allowed).isBetween(100, 200);
        int later = 0;
        for (int i = 0; i < 1000; i++) {
            later += limiter.tryAcquire(a, 10_000 * MS + i * 10 * MS) ? 1 : 0; // 100 per second, spread out
        }
        assertThat(later).isEqualTo(1000);
    }

    @Test
    void remembersAtMostMaxSources() {
        TokenBucketHelloRateLimiter limiter = new TokenBucketHelloRateLimiter(1, 1, 4);
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire(ResponderHelloTest.address("10.0.0." + i, 1), 0);
            assertThat(limiter.trackedSources()).isLessThanOrEqualTo(4);
        }
        assertThat(limiter.trackedSources()).isEqualTo(4);
    }
}
