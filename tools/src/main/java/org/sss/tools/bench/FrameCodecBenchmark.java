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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.BlockedFrame;
import org.sss.core.wire.CloseFrame;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.DecongestionFrame;
import org.sss.core.wire.DetachFrame;
import org.sss.core.wire.EmptyFrame;
import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameCodec;
import org.sss.core.wire.FrameReader;
import org.sss.core.wire.FrameVisitor;
import org.sss.core.wire.GoawayFrame;
import org.sss.core.wire.MaxDataFrame;
import org.sss.core.wire.MaxStreamDataFrame;
import org.sss.core.wire.NackRange;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PacketHeaderCodec;
import org.sss.core.wire.PaddingFrame;
import org.sss.core.wire.PathChallengeFrame;
import org.sss.core.wire.PathResponseFrame;
import org.sss.core.wire.PingFrame;
import org.sss.core.wire.PriorityFrame;
import org.sss.core.wire.ResetFrame;
import org.sss.core.wire.Setting;
import org.sss.core.wire.SettingsFrame;
import org.sss.core.wire.SettingsTag;
import org.sss.core.wire.StreamFrame;

/**
 * Cost of the frame codec per frame: encode and decode of a STREAM frame with 1100 data bytes, an
 * ACK with 4 NACK ranges and a SETTINGS frame with every tag, and the decode of a full 1168-byte
 * plaintext (header, ACK, 1100-byte STREAM) through {@link FrameReader} and a visitor. Buffers are
 * pooled direct buffers allocated once and reused, so the allocation profiler
 * ({@code -prof gc}) shows only what the codec itself allocates. Inputs are fixed by a seed. Run with
 * {@code java -cp sss-cli.jar org.openjdk.jmh.Main FrameCodecBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameCodecBenchmark {
    private static final long SEED = 0x5353_5346_5241_4d45L;
    private static final int STREAM_DATA = 1100;

    private StreamFrame stream;
    private AckFrame ack;
    private SettingsFrame settings;
    private ByteBuf data;
    private ByteBuf out;
    private ByteBuf encodedStream;
    private ByteBuf encodedAck;
    private ByteBuf encodedSettings;
    private ByteBuf plaintext;
    private final FrameReader reader = new FrameReader();
    private Blackhole blackhole;
    private FrameVisitor sink;

    /** Builds the frames once and encodes the decode inputs into pooled direct buffers. */
    @Setup(Level.Trial)
    public void setUp(Blackhole hole) {
        blackhole = hole;
        sink = new BlackholeVisitor();
        SplittableRandom random = new SplittableRandom(SEED);
        byte[] bytes = new byte[STREAM_DATA];
        random.nextBytes(bytes);
        PooledByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
        data = allocator.directBuffer(STREAM_DATA).writeBytes(bytes);
        stream = StreamFrame.builder(5).offset(123_456).recordEnd(true).data(data).build();
        ack = AckFrame.of(1000, 1200, 350, List.of(NackRange.of(1190, 2), NackRange.of(1150, 5),
                NackRange.of(1100, 1), NackRange.of(1020, 10)));
        settings = new SettingsFrame(List.of(Setting.of(SettingsTag.FEC, 0), Setting.of(SettingsTag.CONGESTION_FEEDBACK, 1),
                Setting.of(SettingsTag.INITIAL_MAX_DATA, 1 << 20), Setting.of(SettingsTag.INITIAL_MAX_STREAM_DATA, 1 << 18),
                Setting.of(SettingsTag.MAX_CONCURRENT_PEER_STREAMS, 100), Setting.of(SettingsTag.IDLE_TIMEOUT_MS, 120_000),
                Setting.of(SettingsTag.MAX_PLAINTEXT, 1168), Setting.of(SettingsTag.MAX_ACK_DELAY_MS, 25)));
        out = allocator.directBuffer(2048);
        encodedStream = encoded(allocator, stream);
        encodedAck = encoded(allocator, ack);
        encodedSettings = encoded(allocator, settings);
        plaintext = allocator.directBuffer(1168);
        PacketHeaderCodec.encode(PacketHeader.of(77, false), plaintext);
        FrameCodec.encode(ack, plaintext);
        FrameCodec.encode(StreamFrame.builder(5).offset(4096).explicitLength(false).data(data).build(), plaintext);
        if (plaintext.readableBytes() != 1168) {
            throw new IllegalStateException("plaintext is " + plaintext.readableBytes() + " bytes, not 1168");
        }
    }

    private static ByteBuf encoded(PooledByteBufAllocator allocator, Frame frame) {
        ByteBuf buffer = allocator.directBuffer(FrameCodec.encodedLength(frame));
        FrameCodec.encode(frame, buffer);
        return buffer;
    }

    /** Returns the pooled buffers. */
    @TearDown(Level.Trial)
    public void tearDown() {
        for (ByteBuf buffer : new ByteBuf[] {data, out, encodedStream, encodedAck, encodedSettings, plaintext}) {
            buffer.release();
        }
    }

    /** Encode a STREAM frame with 1100 data bytes. */
    @Benchmark
    public int encodeStream() {
        out.clear();
        FrameCodec.encode(stream, out);
        return out.writerIndex();
    }

    /** Decode a STREAM frame with 1100 data bytes (the data stays a slice). */
    @Benchmark
    public DecodeResult<Frame> decodeStream() {
        return FrameCodec.decode(encodedStream.readerIndex(0));
    }

    /** Encode an ACK with 4 NACK ranges. */
    @Benchmark
    public int encodeAck() {
        out.clear();
        FrameCodec.encode(ack, out);
        return out.writerIndex();
    }

    /** Decode an ACK with 4 NACK ranges, range rules included. */
    @Benchmark
    public DecodeResult<Frame> decodeAck() {
        return FrameCodec.decode(encodedAck.readerIndex(0));
    }

    /** Encode a SETTINGS frame with the 8 tags. */
    @Benchmark
    public int encodeSettings() {
        out.clear();
        FrameCodec.encode(settings, out);
        return out.writerIndex();
    }

    /** Decode a SETTINGS frame with the 8 tags. */
    @Benchmark
    public DecodeResult<Frame> decodeSettings() {
        return FrameCodec.decode(encodedSettings.readerIndex(0));
    }

    /** Decode a 1168-byte plaintext (header, ACK, STREAM) and deliver its frames to a visitor. */
    @Benchmark
    public DecodeResult<PacketHeader> decodePlaintext() {
        return reader.read(plaintext.readerIndex(0), sink);
    }

    /** Hands every frame to the blackhole so that decoding cannot be optimised away. */
    private final class BlackholeVisitor implements FrameVisitor {
        @Override public void onEmpty(EmptyFrame frame) { blackhole.consume(frame); }
        @Override public void onStream(StreamFrame frame) { blackhole.consume(frame); }
        @Override public void onAck(AckFrame frame) { blackhole.consume(frame); }
        @Override public void onPadding(PaddingFrame frame) { blackhole.consume(frame); }
        @Override public void onDecongestion(DecongestionFrame frame) { blackhole.consume(frame); }
        @Override public void onDetach(DetachFrame frame) { blackhole.consume(frame); }
        @Override public void onReset(ResetFrame frame) { blackhole.consume(frame); }
        @Override public void onClose(CloseFrame frame) { blackhole.consume(frame); }
        @Override public void onSettings(SettingsFrame frame) { blackhole.consume(frame); }
        @Override public void onPriority(PriorityFrame frame) { blackhole.consume(frame); }
        @Override public void onMaxData(MaxDataFrame frame) { blackhole.consume(frame); }
        @Override public void onMaxStreamData(MaxStreamDataFrame frame) { blackhole.consume(frame); }
        @Override public void onBlocked(BlockedFrame frame) { blackhole.consume(frame); }
        @Override public void onGoaway(GoawayFrame frame) { blackhole.consume(frame); }
        @Override public void onPing(PingFrame frame) { blackhole.consume(frame); }
        @Override public void onPathChallenge(PathChallengeFrame frame) { blackhole.consume(frame); }
        @Override public void onPathResponse(PathResponseFrame frame) { blackhole.consume(frame); }
    }
}
