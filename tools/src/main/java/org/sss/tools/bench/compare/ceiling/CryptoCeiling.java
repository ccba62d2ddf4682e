package org.sss.tools.bench.compare.ceiling;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.SplittableRandom;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.crypto.SecretBox;
import org.sss.core.wire.WireLimits;

/**
 * The crypto ceiling of {@code sss bench}: how many full-size packets one core seals and opens per
 * second with the secretbox (XSalsa20-Poly1305) of the Bouncy Castle provider the SSS channel uses,
 * in place in a direct buffer under counter nonces, as the channel does with its pooled packet
 * buffers. Each packet carries {@value #PLAINTEXT} bytes of plaintext.
 *
 * <p>Three phases on the calling thread, within the duration given, after a warm-up of each for a
 * tenth of it: seal then open each packet for four tenths (the figure to compare with goodput: one
 * core doing both ends' work), then seal only and open only for three twentieths each (each open a
 * fresh copy of one sealed packet, the copy included).
 * Every open must succeed, and the opened plaintext is compared with the original every
 * {@value #CHECK_EVERY} packets and at the end.
 */
public final class CryptoCeiling {
    /** Plaintext bytes per packet: the largest MESSAGE plaintext. */
    public static final int PLAINTEXT = WireLimits.MAX_PLAINTEXT;
    /** Packets between two comparisons of the opened plaintext with the original. */
    static final int CHECK_EVERY = 1024;
    private static final int BOX = SecretBox.TAG_LENGTH + PLAINTEXT;
    private static final NoncePrefix PREFIX = NoncePrefix.MESSAGE_FROM_INITIATOR;

    /**
     * One measurement, each rate in packets per second on one core.
     *
     * @param sealOpenPerSecond packets sealed and then opened
     * @param sealPerSecond packets sealed
     * @param openPerSecond packets opened
     * @param packets packets sealed and opened in the seal+open phase, all of which opened
     */
    public record Result(double sealOpenPerSecond, double sealPerSecond, double openPerSecond, long packets) {
        /** Plaintext through seal and open, MB/s (10^6 bytes per second) per core. */
        public double sealOpenMegabytesPerSecond() {
            return sealOpenPerSecond * PLAINTEXT / 1e6;
        }

        /** Plaintext sealed, MB/s per core. */
        public double sealMegabytesPerSecond() {
            return sealPerSecond * PLAINTEXT / 1e6;
        }

        /** Plaintext opened, MB/s per core. */
        public double openMegabytesPerSecond() {
            return openPerSecond * PLAINTEXT / 1e6;
        }
    }

    private final SecretBox box = CryptoProvider.bouncyCastle().newSecretBox();
    private final BoxKey key;
    private final byte[] plaintext = new byte[PLAINTEXT];
    private final ByteBuf packet = Unpooled.directBuffer(BOX, BOX).writerIndex(BOX);
    private final ByteBuf sealed = Unpooled.directBuffer(BOX, BOX).writerIndex(BOX);
    private long counter;

    private CryptoCeiling(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] keyBytes = new byte[BoxKey.LENGTH];
        random.nextBytes(keyBytes);
        key = BoxKey.of(keyBytes);
        random.nextBytes(plaintext);
    }

    /**
     * Runs the warm-up and the three phases on this thread, for about {@code duration} in all.
     *
     * @param seed fixes the key and the plaintext
     * @throws IllegalStateException if a packet does not open or opens to other bytes
     */
    public static Result measure(Duration duration, long seed) {
        CryptoCeiling ceiling = new CryptoCeiling(seed);
        try {
            long tenth = duration.toNanos() / 10;
            // warm each loop up, so that none is measured while still being compiled
            ceiling.sealOpen(tenth);
            ceiling.sealOnly(tenth);
            ceiling.openOnly(tenth);
            long[] sealOpen = ceiling.sealOpen(4 * tenth);
            double seal = ceiling.sealOnly(tenth + tenth / 2);
            double open = ceiling.openOnly(tenth + tenth / 2);
            return new Result(sealOpen[0] / (sealOpen[1] / 1e9), seal, open, sealOpen[0]);
        } finally {
            ceiling.packet.release();
            ceiling.sealed.release();
        }
    }

    /** Seals and opens packets for {@code nanos}; returns the count and the time taken. */
    private long[] sealOpen(long nanos) {
        packet.setZero(0, SecretBox.TAG_LENGTH).setBytes(SecretBox.TAG_LENGTH, plaintext);
        long count = 0;
        long start = System.nanoTime();
        long now;
        do {
            long nonce = ++counter;
            box.seal(key, PREFIX, nonce, packet, 0, PLAINTEXT);
            if (!box.open(key, PREFIX, nonce, packet, 0, BOX)) {
                throw new IllegalStateException("packet " + nonce + " did not open");
            }
            // opened in place: the plaintext is back where the next seal takes it
            if (++count % CHECK_EVERY == 0) {
                checkPlaintext(packet);
            }
            now = System.nanoTime();
        } while (now - start < nanos);
        checkPlaintext(packet);
        return new long[] {count, now - start};
    }

    /** Seals packets for {@code nanos} (each seal re-encrypts the last one's output); returns the rate. */
    private double sealOnly(long nanos) {
        packet.setZero(0, SecretBox.TAG_LENGTH).setBytes(SecretBox.TAG_LENGTH, plaintext);
        long count = 0;
        long start = System.nanoTime();
        long now;
        do {
            box.seal(key, PREFIX, ++counter, packet, 0, PLAINTEXT);
            count++;
            now = System.nanoTime();
        } while (now - start < nanos);
        return count / ((now - start) / 1e9);
    }

    /** Opens a fresh copy of one sealed packet for {@code nanos}; returns the rate. */
    private double openOnly(long nanos) {
        long nonce = ++counter;
        sealed.setZero(0, SecretBox.TAG_LENGTH).setBytes(SecretBox.TAG_LENGTH, plaintext);
        box.seal(key, PREFIX, nonce, sealed, 0, PLAINTEXT);
        long count = 0;
        long start = System.nanoTime();
        long now;
        do {
            packet.setBytes(0, sealed, 0, BOX);
            if (!box.open(key, PREFIX, nonce, packet, 0, BOX)) {
                throw new IllegalStateException("the sealed packet did not open");
            }
            if (++count % CHECK_EVERY == 0) {
                checkPlaintext(packet);
            }
            now = System.nanoTime();
        } while (now - start < nanos);
        checkPlaintext(packet);
        return count / ((now - start) / 1e9);
    }

    private void checkPlaintext(ByteBuf opened) {
        if (!ByteBufUtil.equals(opened, SecretBox.TAG_LENGTH, Unpooled.wrappedBuffer(plaintext), 0, PLAINTEXT)) {
            throw new IllegalStateException("a packet opened to other bytes than were sealed");
        }
    }
}
