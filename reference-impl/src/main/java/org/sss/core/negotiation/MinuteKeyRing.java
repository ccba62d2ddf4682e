package org.sss.core.negotiation;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.KeyDerivation;
import org.sss.core.crypto.MinuteKey;
import org.sss.core.crypto.Nonce;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.crypto.SecretBox;
import org.sss.core.wire.CookiePlaintext;
import org.sss.core.wire.ResponderCookie;

/**
 * The responder's current and previous minute keys (SPEC.md section 4.6): a new current key every
 * rotation period (60 s), the replaced one kept as the previous key, each key erased two periods
 * (120 s) after it became current. Cookies are sealed under the current key and opened under the
 * current and then the previous one, always through the address-bound key {@code t_addr}.
 *
 * <p>Every key is numbered by a generation (0 for the first, then 1, 2, …), which tells the
 * {@link CookieReplayCache} which key opened a cookie. Time is passed in; every operation first
 * applies the rotations that are due, so a key is never used after its erasure time even if
 * {@link #onTimer(long)} runs late. Not thread-safe.
 */
public final class MinuteKeyRing {
    /** CRY-COOKIE-2: the rotation period of the reference configuration. */
    public static final Duration DEFAULT_ROTATION = Duration.ofSeconds(60);
    /** What {@link #tryOpenCookie} returns when neither key opens the cookie. */
    public static final long NOT_OPENED = -1;

    private final long rotationNanos;
    private final SecureRandom random;
    private final Consumer<byte[]> keyLog;
    private MinuteKey current;
    private long currentSince;
    private long currentGeneration;
    private MinuteKey previous;
    private long previousSince;

    /**
     * A ring whose first key becomes current at {@code nowNanos}.
     *
     * @param rotationPeriod how long a key is current; it is erased after twice that
     * @param random the source of the keys (CRY-COOKIE-1, CRY-PRIM-5)
     * @param nowNanos the current clock time
     */
    public MinuteKeyRing(Duration rotationPeriod, SecureRandom random, long nowNanos) {
        this(rotationPeriod, random, nowNanos, null);
    }

    /**
     * A ring whose first key becomes current at {@code nowNanos}, and that hands a copy of every new
     * current key to {@code keyLog} (opt-in key export, SEC-FS-2).
     *
     * @param rotationPeriod how long a key is current; it is erased after twice that
     * @param random the source of the keys (CRY-COOKIE-1, CRY-PRIM-5)
     * @param nowNanos the current clock time
     * @param keyLog receives a copy of each key as it becomes current, or null for none
     */
    public MinuteKeyRing(Duration rotationPeriod, SecureRandom random, long nowNanos, Consumer<byte[]> keyLog) {
        Objects.requireNonNull(rotationPeriod, "rotationPeriod");
        if (rotationPeriod.isNegative() || rotationPeriod.isZero()) {
            throw new IllegalArgumentException("rotationPeriod must be positive, got " + rotationPeriod);
        }
        this.rotationNanos = rotationPeriod.toNanos();
        this.random = Objects.requireNonNull(random, "random");
        // SPEC CRY-COOKIE-1: each minute key is 32 random bytes
        this.current = MinuteKey.generate(random);
        this.currentSince = nowNanos;
        this.currentGeneration = 0;
        this.keyLog = keyLog;
        logCurrent();
    }

    /** How long a key stays usable: two rotation periods (120 s by default). */
    public Duration keyLifetime() {
        return Duration.ofNanos(2 * rotationNanos);
    }

    /** The generation of the current key, after the rotations due at {@code nowNanos}. */
    public long currentGeneration(long nowNanos) {
        rotate(nowNanos);
        return currentGeneration;
    }

    /** Whether a previous key is held, after the rotations due at {@code nowNanos}. */
    public boolean hasPrevious(long nowNanos) {
        rotate(nowNanos);
        return previous != null;
    }

    /**
     * Seals a cookie under the current key bound to {@code address}: writes
     * {@code nonceRandom || secretbox(plaintext, "minute-k" || nonceRandom, t_addr)}, 96 bytes.
     *
     * @param box the secretbox to use
     * @param plaintext {@code I' || r'}, 64 bytes at offset 0; the caller erases it
     * @param nonceRandom 16 fresh random bytes (CRY-NONCE-4)
     * @param address the source of the HELLO being answered
     * @param out receives the 96-byte cookie at {@code outOffset}
     * @param nowNanos the current clock time
     */
    public void sealCookie(SecretBox box, byte[] plaintext, byte[] nonceRandom, InetSocketAddress address, byte[] out,
            int outOffset, long nowNanos) {
        Objects.checkFromIndexSize(0, CookiePlaintext.LENGTH, plaintext.length);
        Objects.checkFromIndexSize(0, ResponderCookie.NONCE_RANDOM_LENGTH, nonceRandom.length);
        Objects.checkFromIndexSize(outOffset, ResponderCookie.LENGTH, out.length);
        rotate(nowNanos);
        // SPEC CRY-COOKIE-5: n || secretbox(I' || r', "minute-k" || n, t_addr) under the current minute key
        BoxKey addressKey = KeyDerivation.addressBoundMinuteKey(current, address);
        try {
            System.arraycopy(nonceRandom, 0, out, outOffset, ResponderCookie.NONCE_RANDOM_LENGTH);
            box.seal(addressKey, Nonce.random(NoncePrefix.MINUTE_KEY, nonceRandom, 0), plaintext, 0,
                    CookiePlaintext.LENGTH, out, outOffset + ResponderCookie.NONCE_RANDOM_LENGTH);
        } finally {
            addressKey.destroy();
        }
    }

    /**
     * Opens a 96-byte cookie received in an INITIATE from {@code source}, under the current key and
     * then the previous one (CRY-COOKIE-6).
     *
     * @param box the secretbox to use
     * @param cookie the cookie bytes at {@code offset}
     * @param source the INITIATE's source address and port
     * @param out receives the 64-byte plaintext {@code I' || r'} at {@code outOffset}; the caller erases it
     * @param nowNanos the current clock time
     * @return the generation of the key that opened it, or {@link #NOT_OPENED}
     */
    public long tryOpenCookie(SecretBox box, byte[] cookie, int offset, InetSocketAddress source, byte[] out,
            int outOffset, long nowNanos) {
        Objects.checkFromIndexSize(offset, ResponderCookie.LENGTH, cookie.length);
        Objects.checkFromIndexSize(outOffset, CookiePlaintext.LENGTH, out.length);
        rotate(nowNanos);
        Nonce nonce = Nonce.fromCompressed(NoncePrefix.MINUTE_KEY, cookie, offset);
        // SPEC CRY-COOKIE-6: try the current minute key, then the previous one, under t_addr of the INITIATE's source
        if (open(box, current, nonce, cookie, offset, source, out, outOffset)) {
            return currentGeneration;
        }
        if (previous != null && open(box, previous, nonce, cookie, offset, source, out, outOffset)) {
            return currentGeneration - 1;
        }
        return NOT_OPENED;
    }

    private static boolean open(SecretBox box, MinuteKey key, Nonce nonce, byte[] cookie, int offset,
            InetSocketAddress source, byte[] out, int outOffset) {
        BoxKey addressKey = KeyDerivation.addressBoundMinuteKey(key, source);
        try {
            return box.open(addressKey, nonce, cookie, offset + ResponderCookie.NONCE_RANDOM_LENGTH,
                    ResponderCookie.BOX_LENGTH, out, outOffset);
        } finally {
            addressKey.destroy();
        }
    }

    /** Applies the rotations and erasures due at {@code nowNanos}. */
    public void onTimer(long nowNanos) {
        rotate(nowNanos);
    }

    /** When the next rotation or erasure is due, in clock nanoseconds. */
    public long nextTimeoutNanos() {
        long rotation = currentSince + rotationNanos;
        if (previous == null) {
            return rotation;
        }
        long erasure = previousSince + 2 * rotationNanos;
        return erasure - rotation < 0 ? erasure : rotation;
    }

    /** Erases both keys; the ring cannot be used afterwards. */
    public void destroy() {
        current.destroy();
        if (previous != null) {
            previous.destroy();
            previous = null;
        }
    }

    private void rotate(long nowNanos) {
        // SPEC CRY-COOKIE-3: erase a minute key 120 s after it became current and never open a cookie with it afterwards
        if (previous != null && nowNanos - previousSince >= 2 * rotationNanos) {
            previous.destroy();
            previous = null;
        }
        long age = nowNanos - currentSince;
        if (age < rotationNanos) {
            return;
        }
        if (previous != null) {
            previous.destroy();
            previous = null;
        }
        if (age < 2 * rotationNanos) {
            // SPEC CRY-COOKIE-2: replace the current key every 60 s, keeping the replaced one as the previous key
            previous = current;
            previousSince = currentSince;
        } else {
            current.destroy();
        }
        current = MinuteKey.generate(random);
        currentSince = nowNanos;
        currentGeneration++;
        logCurrent();
    }

    private void logCurrent() {
        if (keyLog != null) {
            keyLog.accept(current.bytes());
        }
    }
}
