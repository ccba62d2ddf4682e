package org.sss.core.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.SecretBox;
import org.sss.core.testing.TestSeed;

/** Minute-key rotation and erasure, SPEC.md section 4.6 (CRY-COOKIE-1 to CRY-COOKIE-6). */
class MinuteKeyRingTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 5_000 * S;

    private final long seed = TestSeed.forTest(getClass().getSimpleName());
    private final SecureRandom random = TestSeed.secureRandom(seed);
    private final SecretBox box = CryptoProvider.bouncyCastle().newSecretBox();
    private final MinuteKeyRing ring = new MinuteKeyRing(MinuteKeyRing.DEFAULT_ROTATION, random, T0);
    private final InetSocketAddress address = ResponderHelloTest.address("198.51.100.4", 4444);
    private final byte[] plaintext = new byte[64];

    MinuteKeyRingTest() {
        random.nextBytes(plaintext);
    }

    private byte[] sealAt(long now) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        byte[] cookie = new byte[96];
        ring.sealCookie(box, plaintext, nonce, address, cookie, 0, now);
        assertThat(Arrays.copyOf(cookie, 16)).isEqualTo(nonce);
        return cookie;
    }

    private long openAt(byte[] cookie, InetSocketAddress from, long now) {
        byte[] out = new byte[64];
        long generation = ring.tryOpenCookie(box, cookie, 0, from, out, 0, now);
        if (generation != MinuteKeyRing.NOT_OPENED) {
            assertThat(out).isEqualTo(plaintext);
        }
        return generation;
    }

    @Test
    void opensUnderTheCurrentKeyThenThePreviousAndNeverAfterErasure() {
        byte[] cookie = sealAt(T0 + 10 * S);
        assertThat(openAt(cookie, address, T0 + 59 * S)).isEqualTo(0);
        assertThat(openAt(cookie, address, T0 + 60 * S)).isEqualTo(0);
        assertThat(ring.currentGeneration(T0 + 60 * S)).isEqualTo(1);
        assertThat(openAt(cookie, address, T0 + 120 * S - 1)).isEqualTo(0);
        assertThat(openAt(cookie, address, T0 + 120 * S)).isEqualTo(MinuteKeyRing.NOT_OPENED);
        assertThat(ring.currentGeneration(T0 + 120 * S)).isEqualTo(2);
    }

    @Test
    void doesNotOpenForAnotherAddressOrPort() {
        byte[] cookie = sealAt(T0);
        assertThat(openAt(cookie, new InetSocketAddress(address.getAddress(), 4445), T0)).isEqualTo(MinuteKeyRing.NOT_OPENED);
        assertThat(openAt(cookie, ResponderHelloTest.address("198.51.100.5", 4444), T0))
                .isEqualTo(MinuteKeyRing.NOT_OPENED);
        assertThat(openAt(cookie, address, T0)).isEqualTo(0);
    }

    @Test
    void aLateTimerErasesBothKeysWhenBothAreTooOld() {
        byte[] cookie = sealAt(T0);
        ring.onTimer(T0 + 300 * S);
        assertThat(ring.hasPrevious(T0 + 300 * S)).isFalse();
        assertThat(openAt(cookie, address, T0 + 300 * S)).isEqualTo(MinuteKeyRing.NOT_OPENED);
    }

    @Test
    void aLateRotationStillErasesThePreviousKeyOnTime() {
        byte[] cookie = sealAt(T0);
        ring.onTimer(T0 + 90 * S); // rotation 30 s late: key 0 becomes previous
        assertThat(ring.nextTimeoutNanos()).isEqualTo(T0 + 120 * S);
        assertThat(openAt(cookie, address, T0 + 119 * S)).isEqualTo(0);
        assertThat(openAt(cookie, address, T0 + 120 * S)).isEqualTo(MinuteKeyRing.NOT_OPENED);
        assertThat(ring.nextTimeoutNanos()).isEqualTo(T0 + 150 * S);
    }

    @Test
    void sealsUnderTheCurrentKeyOnly() {
        ring.onTimer(T0 + 60 * S);
        byte[] cookie = sealAt(T0 + 61 * S);
        assertThat(openAt(cookie, address, T0 + 61 * S)).isEqualTo(1);
    }

    @Test
    void theRotationPeriodIsConfigurable() {
        MinuteKeyRing fast = new MinuteKeyRing(Duration.ofMillis(10), random, T0);
        assertThat(fast.keyLifetime()).isEqualTo(Duration.ofMillis(20));
        assertThat(fast.nextTimeoutNanos()).isEqualTo(T0 + 10_000_000L);
    }
}
