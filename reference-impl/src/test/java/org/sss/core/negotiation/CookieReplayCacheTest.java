package org.sss.core.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sss.core.testing.TestSeed;

/** The replay cache of accepted cookies, CRY-COOKIE-7, and its bound without a replay hole. */
class CookieReplayCacheTest {
    private static final long S = 1_000_000_000L;

    private final long seed = TestSeed.forTest(getClass().getSimpleName());
    private final SplittableRandom random = new SplittableRandom(seed);

    private byte[] cookie() {
        byte[] c = new byte[96];
        random.nextBytes(c);
        return c;
    }

    @Test
    void remembersAnAcceptedCookieForItsLifetime() {
        CookieReplayCache cache = new CookieReplayCache(16, Duration.ofSeconds(120));
        byte[] cookie = cookie();
        assertThat(cache.contains(cookie, 0, 3)).isFalse();
        cache.add(cookie, 0, 3, 10 * S);
        assertThat(cache.contains(cookie, 0, 3)).isTrue();
        assertThat(cache.contains(cookie(), 0, 3)).isFalse();
        cache.expire(130 * S - 1);
        assertThat(cache.contains(cookie, 0, 3)).isTrue();
        assertThat(cache.nextExpiryNanos()).isEqualTo(130 * S);
        cache.expire(130 * S);
        assertThat(cache.contains(cookie, 0, 3)).isFalse();
        assertThat(cache.hasEntries()).isFalse();
    }

    @Test
    void comparesTheWholeCookie() {
        CookieReplayCache cache = new CookieReplayCache(16, Duration.ofSeconds(120));
        byte[] cookie = cookie();
        cache.add(cookie, 0, 0, 0);
        byte[] shifted = new byte[100];
        System.arraycopy(cookie, 0, shifted, 4, 96);
        assertThat(cache.contains(shifted, 4, 0)).isTrue();
        shifted[99] ^= 1;
        assertThat(cache.contains(shifted, 4, 0)).isFalse();
    }

    @Test
    void aFullCacheEvictsTheOldestButStillRejectsEveryCookieOfItsGeneration() {
        CookieReplayCache cache = new CookieReplayCache(3, Duration.ofSeconds(120));
        byte[][] cookies = {cookie(), cookie(), cookie(), cookie()};
        cache.add(cookies[0], 0, 5, 1 * S);
        cache.add(cookies[1], 0, 6, 2 * S);
        cache.add(cookies[2], 0, 6, 3 * S);
        cache.add(cookies[3], 0, 6, 4 * S);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.evictedBeforeExpiry()).isEqualTo(1);
        // the evicted cookie (generation 5) cannot be replayed: every cookie of generation <= 5 is refused
        assertThat(cache.contains(cookies[0], 0, 5)).isTrue();
        assertThat(cache.contains(cookie(), 0, 5)).isTrue();
        assertThat(cache.contains(cookie(), 0, 4)).isTrue();
        assertThat(cache.contains(cookie(), 0, 6)).isFalse();
        assertThat(cache.contains(cookies[3], 0, 6)).isTrue();
    }

    @Test
    void neverExceedsItsCapacityAndNeverForgetsAReplayWhileItsKeyLives() {
        int capacity = 8;
        CookieReplayCache cache = new CookieReplayCache(capacity, Duration.ofSeconds(120));
        java.util.List<byte[]> accepted = new java.util.ArrayList<>();
        java.util.List<Long> generations = new java.util.ArrayList<>();
        long now = 0;
        for (int i = 0; i < 500; i++) {
            now += random.nextLong(2 * S);
            long generation = now / (60 * S);
            cache.expire(now);
            byte[] c = cookie();
            cache.add(c, 0, generation, now);
            accepted.add(c);
            generations.add(generation);
            assertThat(cache.size()).isLessThanOrEqualTo(capacity);
            for (int k = 0; k < accepted.size(); k++) {
                // a cookie can open while its key lives: current or previous generation
                if (generations.get(k) >= generation - 1) {
                    assertThat(cache.contains(accepted.get(k), 0, generations.get(k))).as("cookie %d at %d", k, i).isTrue();
                }
            }
        }
    }

    @Test
    void rejectsNonsenseConfiguration() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CookieReplayCache(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
    }
}
