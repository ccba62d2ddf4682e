package org.sss.tools.capture;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sss.core.crypto.PublicKey;
import org.sss.core.host.Host;
import org.sss.core.host.SecureChannel;

/**
 * What a {@link Workload} works with: the reference initiator host, the responder's address and key,
 * the datagrams the initiator sent (for replays), fresh paths through seeded impairing relays, and
 * attacker sockets. Created and closed by {@link CaptureRun}.
 */
final class CaptureSession implements AutoCloseable {
    /** The bound on every wait of a workload: generous, never a measure of speed. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Host initiator;
    private final InetSocketAddress responder;
    private final PublicKey responderKey;
    private final SentDatagrams sent;
    private final double lossPercent;
    private final long seed;
    private final Random random;
    private final List<ImpairingRelay> relays = new ArrayList<>();
    private final List<Attacker> attackers = new ArrayList<>();
    private InetSocketAddress defaultPath;

    CaptureSession(Host initiator, InetSocketAddress responder, PublicKey responderKey, SentDatagrams sent,
            double lossPercent, long seed) {
        this.initiator = initiator;
        this.responder = responder;
        this.responderKey = responderKey;
        this.sent = sent;
        this.lossPercent = lossPercent;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The reference initiator. */
    Host initiator() {
        return initiator;
    }

    /** The responder's address. */
    InetSocketAddress responder() {
        return responder;
    }

    /** The responder's long-term public key. */
    PublicKey responderKey() {
        return responderKey;
    }

    /** Every datagram the initiator has sent so far. */
    SentDatagrams sent() {
        return sent;
    }

    /** The workload's own seeded choices (payload bytes, sizes). */
    Random random() {
        return random;
    }

    /** The path every {@link #connect()} takes: direct, or through one relay when there is loss. */
    synchronized InetSocketAddress defaultPath() throws IOException {
        if (defaultPath == null) {
            defaultPath = lossPercent > 0 ? newPath() : responder;
        }
        return defaultPath;
    }

    /**
     * A new path to the responder: a relay of its own (with the run's loss), so that the responder sees a
     * new peer address and a second {@link #connect(InetSocketAddress)} makes a second channel.
     */
    synchronized InetSocketAddress newPath() throws IOException {
        ImpairingRelay relay = new ImpairingRelay(responder, lossPercent, seed + relays.size());
        relays.add(relay);
        return relay.address();
    }

    /** A channel from the initiator to the responder over the default path. */
    SecureChannel connect() throws IOException {
        return connect(defaultPath());
    }

    /** A channel from the initiator to the responder through {@code via}. */
    SecureChannel connect(InetSocketAddress via) {
        return await(initiator.connect(via, responderKey), "the handshake with " + via);
    }

    /** A new attacker socket on loopback. */
    synchronized Attacker attacker() throws IOException {
        Attacker attacker = Attacker.open(responder);
        attackers.add(attacker);
        return attacker;
    }

    /** How many datagrams the relays dropped on purpose. */
    synchronized long dropped() {
        return relays.stream().mapToLong(ImpairingRelay::dropped).sum();
    }

    /**
     * Waits for {@code future} at most {@link #PATIENCE}.
     *
     * @throws IllegalStateException naming {@code what} when it fails or does not complete in time
     */
    static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not complete within " + PATIENCE.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    /** Sleeps, so that datagrams in flight arrive before the next step (the capture shows them in order). */
    static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    /** The loopback address every socket of a capture binds to. */
    static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    @Override
    public synchronized void close() {
        attackers.forEach(Attacker::close);
        relays.forEach(ImpairingRelay::close);
    }
}
