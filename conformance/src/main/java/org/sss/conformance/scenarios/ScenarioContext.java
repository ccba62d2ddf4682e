package org.sss.conformance.scenarios;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.sss.conformance.peer.PeerOptions;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.target.Target;
import org.sss.conformance.target.Targets;
import org.sss.conformance.verdict.VerdictNotes;

/**
 * The state of one running scenario, shared by the step classes of every domain: its seed and the
 * {@link Random} drawn from it, the tester peers it negotiated (closed when it ends), the stream it
 * works on and what it sent there. Created by {@link ScenarioHooks} before each scenario and held in a
 * thread-local, since the default object factory cannot inject one object into several step classes.
 */
final class ScenarioContext {
    /** How long a step waits for something the IUT must send; generous, never a speed assertion. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** How long a step listens to conclude that the IUT sends nothing. */
    static final Duration QUIET = Duration.ofMillis(1500);

    private static final ThreadLocal<ScenarioContext> CURRENT = new ThreadLocal<>();

    private final long seed;
    private final Random random;
    private final List<TesterPeer> peers = new ArrayList<>();
    private TesterPeer peer;

    /** The top-level stream the scenario opened last, or -1. */
    long stream = -1;
    /** The substream the scenario opened last, or -1. */
    long substream = -1;
    /** The application bytes sent on {@link #stream} after the request record. */
    final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    /** The record boundaries of {@link #sent}, counted from the first byte after the request record. */
    final TreeSet<Long> sentBoundaries = new TreeSet<>();

    private ScenarioContext(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    static ScenarioContext begin(long seed) {
        ScenarioContext context = new ScenarioContext(seed);
        CURRENT.set(context);
        return context;
    }

    /** The running scenario's context. */
    static ScenarioContext current() {
        ScenarioContext context = CURRENT.get();
        if (context == null) {
            throw new IllegalStateException("no scenario is running");
        }
        return context;
    }

    /** Closes every peer of the scenario and forgets it. */
    void end() {
        CURRENT.remove();
        for (TesterPeer p : peers) {
            p.close();
        }
    }

    long seed() {
        return seed;
    }

    Random random() {
        return random;
    }

    /** The implementation under test (conformance/IUT.md). */
    Target target() {
        return Targets.current();
    }

    /** The IUT's declared value of a timer hook; the scenario is unsupported when it declared none. */
    Duration requireTimer(String name) {
        return target().timer(name).orElseThrow(() -> VerdictNotes.current()
                .unsupported("timer hook '" + name + "' (IUT.md): the scenario would wait the full default"));
    }

    /** The IUT took an alternative the spec allows: the scenario passes leniently, naming it. */
    void lenient(String reason) {
        VerdictNotes.current().lenient(reason);
    }

    /** Ends the scenario as unsupported by the target: {@code throw context.unsupported(...)}. */
    RuntimeException unsupported(String feature) {
        return VerdictNotes.current().unsupported(feature);
    }

    /** Ends the scenario as inconclusive (a harness or setup problem): {@code throw context.inconclusive(...)}. */
    RuntimeException inconclusive(String reason, Throwable cause) {
        return VerdictNotes.current().inconclusive(reason, cause);
    }

    /** Negotiates a channel with a fresh tester peer, which becomes the scenario's current peer. */
    TesterPeer connect() {
        return connect(UnaryOperator.identity());
    }

    /** Negotiates a channel with another fresh tester peer, leaving the current one in place. */
    TesterPeer connectAnother() {
        return connectAnother(defaultOptions());
    }

    /** The tester peer's default options towards the target, drawing from the scenario's seed. */
    PeerOptions defaultOptions() {
        return PeerOptions.of(target().address(), target().publicKey(), random, TIMEOUT);
    }

    /** The current peer. */
    TesterPeer peer() {
        if (peer == null) {
            throw new IllegalStateException("the scenario has no channel yet: a Given step must negotiate one");
        }
        return peer;
    }

    /** Random bytes from the scenario's seed. */
    byte[] randomBytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /** Receives (and lets the peer process) everything the IUT sends during {@code period}. */
    void listen(Duration period) {
        long deadline = System.nanoTime() + period.toNanos();
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            peer().receive(Duration.ofNanos(remaining));
        }
    }

    /** Receives until the IUT's CLOSE arrives. */
    PeerFrame.Close awaitClose() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long remaining;
        while (peer().closeReceived() == null && (remaining = deadline - System.nanoTime()) > 0) {
            peer().receive(Duration.ofNanos(remaining));
        }
        if (peer().closeReceived() == null) {
            throw new AssertionError("the IUT sent no CLOSE within " + TIMEOUT + "; rejections: " + peer().rejections());
        }
        return peer().closeReceived();
    }

    /** Receives until the first record (the service reply) of {@code lsid} is complete. */
    StreamInbox awaitReply(long lsid) {
        return peer().awaitStream(lsid, in -> !in.recordBoundaries().isEmpty()
                && in.contiguousLength() >= in.recordBoundaries().first(), TIMEOUT);
    }

    /** Receives until FIN and every byte before it arrived on {@code lsid}. */
    StreamInbox awaitFinished(long lsid) {
        return peer().awaitStream(lsid, StreamInbox::isFinished, TIMEOUT);
    }

    /** Negotiates another channel with a tester peer built from {@code options}, leaving the current peer in place. */
    TesterPeer connectAnother(PeerOptions options) {
        try {
            TesterPeer p = TesterPeer.connect(options);
            peers.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Negotiates a channel with a fresh tester peer whose default options {@code change} adapts (its
     * SETTINGS, automatic ACKs), which becomes the scenario's current peer.
     */
    TesterPeer connect(UnaryOperator<PeerOptions> change) {
        peer = connectAnother(change.apply(defaultOptions()));
        return peer;
    }

    // ---------------------------------------------------------------- evidence (appended by RUNNER)

    /* Tells the report plugin where the running scenario's tester peers are: it samples them at the start of every
       step and writes them into the evidence bundle of a failed scenario (org.sss.conformance.report.ScenarioPeers). */
    static {
        org.sss.conformance.report.ScenarioPeers.register(() -> {
            ScenarioContext context = CURRENT.get();
            return context == null ? List.of() : List.copyOf(context.peers);
        });
    }

    /** Every tester peer the scenario negotiated through this context, in order (the packet checker reads them all). */
    List<TesterPeer> peers() {
        return List.copyOf(peers);
    }
}
