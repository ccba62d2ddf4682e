package org.sss.conformance.peer.responder;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.sss.conformance.peer.crypto.KeyDerivation;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;

/**
 * The responder's stateless cookies (SPEC.md 4.6): a current and a previous minute key, replaced
 * every {@code rotationNanos} (CRY-COOKIE-2), each cookie sealed under a key bound to the HELLO's
 * source address (CRY-COOKIE-4, CRY-COOKIE-5) and opened under the INITIATE's (CRY-COOKIE-6).
 * Random bytes come from the scenario's seeded generator, as everywhere in the tester peer.
 */
final class MinuteKeys {
    /** What a cookie holds. @param initiatorShortTerm I' @param responderShortTermSecret r' */
    record Contents(byte[] initiatorShortTerm, byte[] responderShortTermSecret) {
    }

    private final Random random;
    private final long rotationNanos;
    private byte[] current;
    private byte[] previous;
    private long currentSince;

    MinuteKeys(Random random, long rotationNanos) {
        this.random = random;
        this.rotationNanos = rotationNanos;
        this.current = fresh();
        this.currentSince = System.nanoTime();
    }

    /** CRY-COOKIE-5: {@code n ‖ secretbox(I' ‖ r', "minute-k" ‖ n, t_addr)}, 96 bytes. */
    byte[] seal(byte[] initiatorShortTerm, byte[] responderShortTermSecret, InetSocketAddress from) {
        rotate();
        byte[] n = new byte[16];
        random.nextBytes(n);
        byte[] plain = new byte[64];
        System.arraycopy(initiatorShortTerm, 0, plain, 0, 32);
        System.arraycopy(responderShortTermSecret, 0, plain, 32, 32);
        byte[] box = Nacl.secretbox(plain, NoncePrefix.MINUTE_KEY.withRandom(n), addressKey(current, from));
        byte[] cookie = new byte[96];
        System.arraycopy(n, 0, cookie, 0, 16);
        System.arraycopy(box, 0, cookie, 16, 80);
        return cookie;
    }

    /** CRY-COOKIE-6: opens under the current, then the previous minute key; empty when neither opens. */
    Optional<Contents> open(byte[] cookie, InetSocketAddress from) {
        rotate();
        byte[] nonce = NoncePrefix.MINUTE_KEY.withRandom(Arrays.copyOf(cookie, 16));
        byte[] box = Arrays.copyOfRange(cookie, 16, 96);
        for (byte[] t : new byte[][] {current, previous}) {
            if (t == null) {
                continue;
            }
            Optional<byte[]> plain = Nacl.secretboxOpen(box, nonce, addressKey(t, from));
            if (plain.isPresent()) {
                byte[] p = plain.get();
                return Optional.of(new Contents(Arrays.copyOf(p, 32), Arrays.copyOfRange(p, 32, 64)));
            }
        }
        return Optional.empty();
    }

    private void rotate() {
        long now = System.nanoTime();
        while (now - currentSince >= rotationNanos) {
            previous = current;
            current = fresh();
            currentSince += rotationNanos;
            if (now - currentSince >= rotationNanos) {
                previous = null; // CRY-COOKIE-3: a key older than two periods is gone
            }
        }
    }

    private byte[] fresh() {
        byte[] t = new byte[32];
        random.nextBytes(t);
        return t;
    }

    private static byte[] addressKey(byte[] minuteKey, InetSocketAddress from) {
        return KeyDerivation.addressBoundMinuteKey(minuteKey, from.getAddress().getAddress(), from.getPort());
    }
}
