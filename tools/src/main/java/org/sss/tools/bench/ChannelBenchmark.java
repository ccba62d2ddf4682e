package org.sss.tools.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import java.util.SplittableRandom;
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
import org.sss.core.channel.Channel;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.channel.ReceiveResult;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.Nonce;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.crypto.SecretBox;
import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameCodec;
import org.sss.core.wire.PaddingFrame;
import org.sss.core.wire.StreamFrame;
import org.sss.core.wire.WireLimits;

/**
 * Per-packet cost of the channel layer on a full 1232-byte MESSAGE, beside the bare Bouncy Castle
 * secretbox on the same 1168-byte plaintext (the ceiling):
 * <ul>
 *   <li>{@link #send}: {@link Channel#send} of a STREAM frame with 1100 data bytes, padded to the
 *       full 1168-byte plaintext: layout, seal in place, the sent-packet log; the sink releases the
 *       datagram;</li>
 *   <li>{@link #receive}: {@link Channel#onMessage} of such packets, each with a new packet number
 *       (the replay window drops repeats): decode, replay check, open in place, frame parsing, ACK
 *       bookkeeping and, every second packet, the immediate ACK packet CHN-ACK-2 asks for;</li>
 *   <li>{@link #sealCeiling} and {@link #openCeiling}: the secretbox alone on a pooled direct
 *       buffer, as the channel uses it.</li>
 * </ul>
 * The channels come from a real in-memory handshake and have exchanged ACKs until neither sends
 * SETTINGS or the version any more; CHN-ACK-12 packet-number skipping is off so that the receiver's
 * ACK ranges stay one run. Run with {@code sss bench jmh Channel}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ChannelBenchmark {
    static final int STREAM_DATA = 1100;
    /** Packets sealed ahead of each {@link #receive} invocation. */
    static final int BATCH = 64;
    private static final long SEED = 0x5353_5343_4841_4e4eL;

    /** A channel pair whose packets are the benchmark's: a 1100-byte STREAM frame padded to 1232 bytes. */
    abstract static class Established {
        InMemoryHandshake fixture;
        InMemoryHandshake.Pair pair;
        ByteBuf data;
        List<Frame> frames;

        void establish() {
            fixture = new InMemoryHandshake(CryptoProvider.bouncyCastle(), SEED,
                    ChannelConfig.builder().packetNumberSkipPeriod(0).build());
            pair = fixture.handshake();
            fixture.settle(pair);
            byte[] bytes = new byte[STREAM_DATA];
            new SplittableRandom(SEED).nextBytes(bytes);
            data = PooledByteBufAllocator.DEFAULT.directBuffer(STREAM_DATA).writeBytes(bytes);
            StreamFrame stream = StreamFrame.builder(1).offset(0).data(data).build();
            int padding = pair.initiator().maxFramesLength() - FrameCodec.encodedLength(stream)
                    - FrameCodec.encodedLength(PaddingFrame.zeros(0));
            frames = List.of(stream, PaddingFrame.zeros(padding));
            pair.initiator().send(frames);
            ByteBuf probe = fixture.initiatorChannelOut.take();
            int length = probe.readableBytes();
            probe.release();
            if (length != WireLimits.MAX_DATAGRAM) {
                throw new IllegalStateException("the benchmark packet is " + length + " bytes, not "
                        + WireLimits.MAX_DATAGRAM);
            }
        }

        void release() {
            fixture.initiatorChannelOut.clear();
            fixture.responderChannelOut.clear();
            data.release();
            if (fixture.channelDrops.total() != 0) {
                throw new IllegalStateException("the channels dropped packets: " + fixture.channelDrops.snapshot());
            }
        }
    }

    /** The initiator's channel sending into a sink that releases. */
    @State(Scope.Thread)
    public static class Sender extends Established {
        /** A settled pair; from now on the initiator's datagrams are released as sent. */
        @Setup(Level.Trial)
        public void setUp() {
            establish();
            fixture.initiatorChannelOut.discarding(true);
        }

        /** Checks that nothing was dropped. */
        @TearDown(Level.Trial)
        public void tearDown() {
            release();
        }
    }

    /** The responder's channel receiving batches the initiator's channel sealed before each invocation. */
    @State(Scope.Thread)
    public static class Receiver extends Established {
        final ByteBuf[] packets = new ByteBuf[BATCH];
        final ReceiveResult[] results = new ReceiveResult[BATCH];

        /** A settled pair; the responder's ACKs are released as sent. */
        @Setup(Level.Trial)
        public void setUp() {
            establish();
            fixture.responderChannelOut.discarding(true);
        }

        /** Seals the next {@value #BATCH} packets, numbered on from the last batch. */
        @Setup(Level.Invocation)
        public void sealBatch() {
            for (int i = 0; i < BATCH; i++) {
                pair.initiator().send(frames);
                packets[i] = fixture.initiatorChannelOut.take();
            }
        }

        /** Checks that every packet of the batch was accepted. */
        @TearDown(Level.Invocation)
        public void checkBatch() {
            for (int i = 0; i < BATCH; i++) {
                if (results[i] != ReceiveResult.ACCEPTED) {
                    throw new IllegalStateException("packet " + i + " of the batch: " + results[i]);
                }
            }
        }

        /** Checks that nothing was dropped. */
        @TearDown(Level.Trial)
        public void tearDown() {
            release();
        }
    }

    /** The bare secretbox on a pooled direct buffer, with a fixed key. */
    @State(Scope.Thread)
    public static class BareBox {
        final SecretBox secretBox = CryptoProvider.bouncyCastle().newSecretBox();
        BoxKey key;
        byte[] plaintext;
        byte[] sealed;
        ByteBuf buffer;
        long counter;

        /** A key, a plaintext and its box. */
        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom(SEED);
            byte[] keyBytes = new byte[BoxKey.LENGTH];
            random.nextBytes(keyBytes);
            key = BoxKey.of(keyBytes);
            plaintext = new byte[WireLimits.MAX_PLAINTEXT];
            random.nextBytes(plaintext);
            sealed = secretBox.seal(key, Nonce.counter(NoncePrefix.MESSAGE_FROM_INITIATOR, 1), plaintext);
            buffer = PooledByteBufAllocator.DEFAULT.directBuffer(sealed.length);
        }

        /** Returns the buffer. */
        @TearDown(Level.Trial)
        public void tearDown() {
            buffer.release();
        }
    }

    /** One full MESSAGE through {@link Channel#send}. */
    @Benchmark
    @Baseline("sealCeiling")
    public long send(Sender sender) {
        return sender.pair.initiator().send(sender.frames);
    }

    /** One full MESSAGE through {@link Channel#onMessage}; the datagram is released afterwards. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    @Baseline("openCeiling")
    public void receive(Receiver receiver) {
        Channel channel = receiver.pair.responder();
        for (int i = 0; i < BATCH; i++) {
            ByteBuf packet = receiver.packets[i];
            receiver.results[i] = channel.onMessage(packet);
            packet.release();
        }
    }

    /** Seal 1168 bytes in place under a fresh counter nonce. */
    @Benchmark
    public ByteBuf sealCeiling(BareBox box) {
        ByteBuf buffer = box.buffer;
        buffer.setBytes(SecretBox.TAG_LENGTH, box.plaintext);
        box.secretBox.seal(box.key, Nonce.counter(NoncePrefix.MESSAGE_FROM_INITIATOR, ++box.counter), buffer, 0,
                WireLimits.MAX_PLAINTEXT);
        return buffer;
    }

    /** Open a 1168-byte plaintext's box in place (after copying the box in, as each packet is new). */
    @Benchmark
    public boolean openCeiling(BareBox box) {
        ByteBuf buffer = box.buffer;
        buffer.setBytes(0, box.sealed);
        return box.secretBox.open(box.key, Nonce.counter(NoncePrefix.MESSAGE_FROM_INITIATOR, 1), buffer, 0,
                box.sealed.length);
    }
}
