package org.sss.tools.bench;

import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.crypto.SecretBox;
import org.sss.core.transport.DatagramHandler;
import org.sss.core.transport.UdpTransport;
import org.sss.core.wire.WireLimits;

/**
 * The bulk ceiling of {@code sss bench streams}: the goodput of sealing full-size packets, sending
 * them over loopback UDP, receiving and opening them, with no protocol at all. Both ends use the
 * hosts' own transport ({@link UdpTransport}: Netty, native epoll where it loads, pooled direct
 * buffers, writes flushed per batch) and the Bouncy Castle secretbox (XSalsa20-Poly1305) the
 * channel uses, each on its own event loop, as two hosts would be.
 *
 * <p>Every datagram is {@value WireLimits#MAX_DATAGRAM} bytes: an 8-byte sequence number in a
 * {@code 1232 - 16 - 1168}-byte stand-in header, then the secretbox of a
 * {@value WireLimits#MAX_PLAINTEXT}-byte plaintext sealed in place under a counter nonce. Goodput
 * counts the plaintext bytes that opened. So that the sender does not simply overrun the receiver
 * (UDP would drop the excess, and the protocol does not do that either), the receiver sends an
 * 8-byte credit — the highest sequence number seen, plus one — after each read batch and the
 * sender keeps at most {@value #WINDOW} packets beyond it; a window that has not moved for
 * {@value #STALL_MILLIS} ms is written off as lost, so that a lost credit cannot stop the run.
 * Packets that never opened are counted.
 *
 * <p>With the crypto off ({@link Crypto#OFF}) the same run is the UDP ceiling of {@code sss bench}:
 * nothing is sealed or opened, and the receiver checks each datagram's length and the sequence
 * number written at both of its ends instead. A run ends after a number of packets or, for
 * {@link #measureFor}, once a duration has passed and what was sent has been credited.
 */
public final class StreamCeiling {
    /** Packets the sender may have beyond the receiver's last credit. */
    static final int WINDOW = 512;
    /**
     * The window with the crypto off: nothing slows the sender then, so more packets must be in
     * flight to hide the credit's round trip; 1,536 full-size datagrams still fit the transport's
     * 4 MB receive buffer.
     */
    static final int UDP_WINDOW = 1_536;
    /** How long the window may stand still before its packets count as lost. */
    static final int STALL_MILLIS = 50;
    /** Plaintext bytes per packet. */
    static final int PLAINTEXT = WireLimits.MAX_PLAINTEXT;
    /** Bytes in front of the box: stands in for the MESSAGE header. */
    static final int HEADER = WireLimits.MAX_DATAGRAM - SecretBox.TAG_LENGTH - PLAINTEXT;

    /** Whether packets are sealed and opened. */
    public enum Crypto {
        /** Sealed by the sender, opened by the receiver (Bouncy Castle XSalsa20-Poly1305). */
        ON,
        /** Sent and received as they are, checked by length and sequence number. */
        OFF
    }

    /**
     * One measurement.
     *
     * @param bytesOpened plaintext bytes that arrived and opened (with the crypto off: that arrived and checked)
     * @param nanos from the first send to the credit for the last packet
     * @param packetsLost packets sent that had not arrived and opened when the run ended
     * @param transport {@code epoll} or {@code NIO}
     * @param packetsSent packets the sender sent
     */
    public record Outcome(long bytesOpened, long nanos, long packetsLost, String transport, long packetsSent) {
        /** Goodput in MB/s (10^6 bytes per second). */
        public double megabytesPerSecond() {
            return bytesOpened / (nanos / 1e9) / 1e6;
        }

        /** Packets that arrived and opened (or checked). */
        public long packetsReceived() {
            return bytesOpened / PLAINTEXT;
        }

        /** {@link #packetsReceived()} per second. */
        public double packetsPerSecond() {
            return packetsReceived() / (nanos / 1e9);
        }
    }

    private StreamCeiling() {
    }

    /**
     * Sends at least {@code bytes} bytes of plaintext in full-size packets and waits for them.
     *
     * @param seed fixes the key and the plaintext
     * @param timeoutSeconds how long to wait for the run
     */
    static Outcome measure(long bytes, long seed, long timeoutSeconds) throws InterruptedException, TimeoutException {
        return run(InetAddress.getLoopbackAddress(), Crypto.ON, (bytes + PLAINTEXT - 1) / PLAINTEXT, Long.MAX_VALUE,
                seed, timeoutSeconds);
    }

    /**
     * Sends full-size packets for {@code nanos} and waits for them.
     *
     * @param address the address both ends bind
     * @param seed fixes the key and the plaintext
     * @param timeoutSeconds how long to wait beyond {@code nanos}
     */
    public static Outcome measureFor(InetAddress address, Crypto crypto, long nanos, long seed, long timeoutSeconds)
            throws InterruptedException, TimeoutException {
        return run(address, crypto, Long.MAX_VALUE, nanos, seed, timeoutSeconds + nanos / 1_000_000_000L);
    }

    private static Outcome run(InetAddress address, Crypto crypto, long packets, long nanos, long seed,
            long timeoutSeconds) throws InterruptedException, TimeoutException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] key = new byte[BoxKey.LENGTH];
        random.nextBytes(key);
        byte[] plaintext = new byte[PLAINTEXT];
        random.nextBytes(plaintext);
        InetSocketAddress loopback = new InetSocketAddress(address, 0);
        Receiver receiver = new Receiver(BoxKey.of(key), crypto);
        Sender sender = new Sender(BoxKey.of(key), crypto, plaintext, packets, nanos);
        UdpTransport receiving = UdpTransport.bind(loopback, receiver, true);
        try {
            UdpTransport sending = UdpTransport.bind(loopback, sender, true);
            try {
                receiver.start(receiving, sending.localAddress());
                sender.start(sending, receiving.localAddress());
                Long end;
                try {
                    end = sender.done.get(timeoutSeconds, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the ceiling run failed", e.getCause());
                }
                long opened = receiver.opened().join();
                long sent = sender.sent().join();
                return new Outcome(opened * PLAINTEXT, end - sender.startNanos, Math.max(0, sent - opened),
                        sending.isNativeEpoll() ? "epoll" : "NIO", sent);
            } finally {
                sending.close();
            }
        } finally {
            receiving.close();
        }
    }

    /** Seals and sends within the window; every callback runs on the sending transport's event loop. */
    private static final class Sender implements DatagramHandler {
        private final BoxKey key;
        private final Crypto crypto;
        private final byte[] plaintext;
        private final long nanos;
        private final SecretBox box = CryptoProvider.bouncyCastle().newSecretBox();
        private long packets;
        final CompletableFuture<Long> done = new CompletableFuture<>();
        private UdpTransport transport;
        private InetSocketAddress peer;
        volatile long startNanos;
        private long next;
        private long credit;
        private long creditAtLastCheck = -1;

        Sender(BoxKey key, Crypto crypto, byte[] plaintext, long packets, long nanos) {
            this.key = key;
            this.crypto = crypto;
            this.plaintext = plaintext;
            this.packets = packets;
            this.nanos = nanos;
        }

        CompletableFuture<Long> sent() {
            CompletableFuture<Long> result = new CompletableFuture<>();
            transport.eventLoop().execute(() -> result.complete(next));
            return result;
        }

        void start(UdpTransport transport, InetSocketAddress peer) {
            this.transport = transport;
            this.peer = peer;
            transport.eventLoop().execute(() -> {
                startNanos = System.nanoTime();
                pump();
                transport.flush();
                transport.eventLoop().schedule(this::checkStall, STALL_MILLIS, TimeUnit.MILLISECONDS);
            });
        }

        @Override
        public void onDatagram(ByteBuf payload, InetSocketAddress sender) {
            if (payload.readableBytes() == Long.BYTES) {
                credit = Math.max(credit, payload.getLong(payload.readerIndex()));
                pump();
            }
        }

        private void pump() {
            if (done.isDone()) {
                return;
            }
            if (packets > next && System.nanoTime() - startNanos >= nanos) {
                packets = next;
            }
            if (credit >= packets) {
                done.complete(System.nanoTime());
                return;
            }
            int window = crypto == Crypto.ON ? WINDOW : UDP_WINDOW;
            while (next < packets && next - credit < window) {
                ByteBuf datagram = transport.allocate();
                datagram.writeLong(next).writeZero(HEADER - Long.BYTES + SecretBox.TAG_LENGTH).writeBytes(plaintext);
                if (crypto == Crypto.ON) {
                    box.seal(key, NoncePrefix.MESSAGE_FROM_INITIATOR, next, datagram, HEADER, PLAINTEXT);
                } else {
                    datagram.setLong(WireLimits.MAX_DATAGRAM - Long.BYTES, ~next);
                }
                transport.write(datagram, peer);
                next++;
            }
        }

        private void checkStall() {
            if (done.isDone()) {
                return;
            }
            if (credit == creditAtLastCheck && next > credit) {
                // the rest of the window, or the credit for it, was lost
                credit = next;
                pump();
                transport.flush();
            }
            creditAtLastCheck = credit;
            transport.eventLoop().schedule(this::checkStall, STALL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Opens what arrives and returns credit; every callback runs on the receiving transport's event loop. */
    private static final class Receiver implements DatagramHandler {
        private final BoxKey key;
        private final Crypto crypto;
        private final SecretBox box = CryptoProvider.bouncyCastle().newSecretBox();
        private volatile UdpTransport transport;
        private volatile InetSocketAddress peer;
        private long opened;
        private long highest = -1;
        private long credited = -1;

        Receiver(BoxKey key, Crypto crypto) {
            this.key = key;
            this.crypto = crypto;
        }

        void start(UdpTransport transport, InetSocketAddress peer) {
            this.transport = transport;
            this.peer = peer;
        }

        @Override
        public void onDatagram(ByteBuf payload, InetSocketAddress sender) {
            int index = payload.readerIndex();
            if (payload.readableBytes() != WireLimits.MAX_DATAGRAM) {
                return; // not the sender's: counted as lost
            }
            long sequence = payload.getLong(index);
            boolean intact = crypto == Crypto.ON
                    ? box.open(key, NoncePrefix.MESSAGE_FROM_INITIATOR, sequence, payload, index + HEADER,
                            SecretBox.TAG_LENGTH + PLAINTEXT)
                    : payload.getLong(index + WireLimits.MAX_DATAGRAM - Long.BYTES) == ~sequence;
            if (intact) {
                opened++;
                highest = Math.max(highest, sequence);
            }
        }

        @Override
        public void onReadBatchComplete() {
            if (highest > credited) {
                credited = highest;
                ByteBuf credit = transport.allocate();
                credit.writeLong(highest + 1);
                transport.write(credit, peer);
            }
        }

        CompletableFuture<Long> opened() {
            return on(() -> opened);
        }

        private CompletableFuture<Long> on(LongSupplier value) {
            CompletableFuture<Long> result = new CompletableFuture<>();
            transport.eventLoop().execute(() -> result.complete(value.getAsLong()));
            return result;
        }
    }
}
