package org.sss.tools.bench;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.crypto.CryptoProvider;

/**
 * CPU cost of the handshake, in memory, beside the X25519 it cannot avoid (the ceiling; the
 * operations are counted in {@link HandshakeX25519}):
 * <ul>
 *   <li>{@link #handshake}: one whole negotiation as a host runs it: a new {@code Initiator}, HELLO,
 *       the responder's COOKIE, INITIATE, the responder's checks, its {@code Channel} taking the
 *       INITIATE's message and sending the first MESSAGE, then the initiator opening it and creating
 *       its own {@code Channel}; against 3 base-point and 6 variable-base multiplications
 *       ({@link #x25519Handshake});</li>
 *   <li>{@link #responderHello}: the responder's work per HELLO (open, fresh {@code r'}, cookie,
 *       COOKIE); against 1 + 1 ({@link #x25519ResponderHello});</li>
 *   <li>{@link #responderInitiate}: the responder host's work per INITIATE (cookie, box, vouch,
 *       channel creation and its first MESSAGE); against 1 + 2 ({@link #x25519ResponderInitiate}).</li>
 * </ul>
 * Time stands still and keys come from a fixed seed; the responder has no HELLO rate limit and a
 * fresh cookie replay cache every iteration. Run with {@code sss bench jmh Handshake}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HandshakeBenchmark {
    /** INITIATEs prepared ahead of each {@link #responderInitiate} invocation. */
    static final int INITIATE_BATCH = 8;
    private static final long SEED = 0x5353_5348_414e_4453L;

    /** Both ends over in-memory queues, as a host sets them up. */
    @State(Scope.Thread)
    public static class Ends {
        InMemoryHandshake fixture;

        /** The fixture with the defaults a host uses; whatever the initiator's channels send is released. */
        @Setup(Level.Trial)
        public void setUp() {
            fixture = newFixture();
            fixture.initiatorChannelOut.discarding(true);
        }

        /** Keeps the cookie replay cache small and bounded. */
        @Setup(Level.Iteration)
        public void freshResponder() {
            fixture.resetResponder();
        }

        /** Checks that no packet was dropped. */
        @TearDown(Level.Trial)
        public void tearDown() {
            verifyNothingDropped(fixture);
        }
    }

    /** One HELLO, answered again and again (the responder keeps nothing per HELLO). */
    @State(Scope.Thread)
    public static class OneHello {
        InMemoryHandshake fixture;
        ByteBuf hello;

        /** The HELLO of a fresh initiator. */
        @Setup(Level.Trial)
        public void setUp() {
            fixture = newFixture();
            hello = fixture.hello();
        }

        /** Returns the HELLO's buffer; checks that no packet was dropped. */
        @TearDown(Level.Trial)
        public void tearDown() {
            hello.release();
            verifyNothingDropped(fixture);
        }
    }

    /** {@value #INITIATE_BATCH} fresh INITIATEs before every invocation: a cookie is accepted only once. */
    @State(Scope.Thread)
    public static class Initiates {
        InMemoryHandshake fixture;
        final ByteBuf[] initiates = new ByteBuf[INITIATE_BATCH];

        /** The fixture; the responder's first MESSAGEs are released as sent. */
        @Setup(Level.Trial)
        public void setUp() {
            fixture = newFixture();
            fixture.responderChannelOut.discarding(true);
        }

        /** Keeps the cookie replay cache small and bounded. */
        @Setup(Level.Iteration)
        public void freshResponder() {
            fixture.resetResponder();
        }

        /** Fresh initiators, their HELLOs answered and their INITIATEs kept. */
        @Setup(Level.Invocation)
        public void prepare() {
            for (int i = 0; i < INITIATE_BATCH; i++) {
                initiates[i] = fixture.initiate();
            }
        }

        /** Checks that no packet was dropped. */
        @TearDown(Level.Trial)
        public void tearDown() {
            verifyNothingDropped(fixture);
        }
    }

    static InMemoryHandshake newFixture() {
        return new InMemoryHandshake(CryptoProvider.bouncyCastle(), SEED, ChannelConfig.defaults());
    }

    /** A drop would mean that a cheaper path than the handshake's was measured. */
    static void verifyNothingDropped(InMemoryHandshake fixture) {
        fixture.initiatorChannelOut.clear();
        fixture.responderChannelOut.clear();
        if (fixture.negotiationDrops() != 0 || fixture.channelDrops.total() != 0) {
            throw new IllegalStateException("packets were dropped: negotiation " + fixture.negotiationDrops()
                    + ", channels " + fixture.channelDrops.snapshot());
        }
    }

    /** X25519 with fixed keys. */
    @State(Scope.Thread)
    public static class Multiplications {
        final HandshakeX25519 x25519 = new HandshakeX25519(CryptoProvider.bouncyCastle(), SEED);
    }

    /** One whole handshake, both ends. */
    @Benchmark
    @Baseline("x25519Handshake")
    public InMemoryHandshake.Pair handshake(Ends ends) {
        return ends.fixture.handshake();
    }

    /** The responder's work for one HELLO. */
    @Benchmark
    @Baseline("x25519ResponderHello")
    public void responderHello(OneHello state) {
        state.fixture.answerAndDropCookie(state.hello);
    }

    /** The responder host's work for one INITIATE. */
    @Benchmark
    @OperationsPerInvocation(INITIATE_BATCH)
    @Baseline("x25519ResponderInitiate")
    public void responderInitiate(Initiates state, Blackhole hole) {
        for (int i = 0; i < INITIATE_BATCH; i++) {
            hole.consume(state.fixture.acceptInitiate(state.initiates[i]));
        }
    }

    /** The X25519 of a whole handshake: 3 base-point, 6 variable-base. */
    @Benchmark
    public int x25519Handshake(Multiplications m) {
        return m.x25519.perform(HandshakeX25519.Work.HANDSHAKE);
    }

    /** The X25519 of the responder's HELLO: 1 base-point, 1 variable-base. */
    @Benchmark
    public int x25519ResponderHello(Multiplications m) {
        return m.x25519.perform(HandshakeX25519.Work.RESPONDER_HELLO);
    }

    /** The X25519 of the responder's INITIATE: 1 base-point, 2 variable-base. */
    @Benchmark
    public int x25519ResponderInitiate(Multiplications m) {
        return m.x25519.perform(HandshakeX25519.Work.RESPONDER_INITIATE);
    }
}
