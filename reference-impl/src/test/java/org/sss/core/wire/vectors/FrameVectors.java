package org.sss.core.wire.vectors;

import static java.util.List.of;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.BlockedFrame;
import org.sss.core.wire.ChicagoFeedback;
import org.sss.core.wire.CloseFrame;
import org.sss.core.wire.CubicFeedback;
import org.sss.core.wire.DecongestionFrame;
import org.sss.core.wire.DetachFrame;
import org.sss.core.wire.EmptyFrame;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameCodec;
import org.sss.core.wire.GoawayFrame;
import org.sss.core.wire.InterArrivalDelta;
import org.sss.core.wire.InterArrivalFeedback;
import org.sss.core.wire.LedbatFeedback;
import org.sss.core.wire.MaxDataFrame;
import org.sss.core.wire.MaxStreamDataFrame;
import org.sss.core.wire.MessagePlaintext;
import org.sss.core.wire.NackRange;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PaddingFrame;
import org.sss.core.wire.PathChallengeFrame;
import org.sss.core.wire.PathResponseFrame;
import org.sss.core.wire.PingFrame;
import org.sss.core.wire.PlaintextWriter;
import org.sss.core.wire.PriorityFrame;
import org.sss.core.wire.RawBytes;
import org.sss.core.wire.ReceiveTimestamp;
import org.sss.core.wire.ResetFrame;
import org.sss.core.wire.Setting;
import org.sss.core.wire.SettingsFrame;
import org.sss.core.wire.SettingsTag;
import org.sss.core.wire.StreamFrame;
import org.sss.core.wire.Usid;
import org.sss.core.wire.WireLimits;
import org.sss.core.wire.WireUnit;

/** frames.json: every frame type with typical and edge values, and whole message plaintexts. */
final class FrameVectors {
    static final byte[] CHANNEL_ID = RawBytes.pattern(16, 9, 0);

    private FrameVectors() {
    }

    static VectorFileBuilder build() {
        VectorFileBuilder file = new VectorFileBuilder("frames", "SPEC.md section 7 (Frames)")
                .note("Typical", "An ordinary frame as an implementation sends it.")
                .note("EdgeValue", "A field at the smallest or largest value its width or rule allows.")
                .note("NonMinimalWidth", "A variable-width field wider than its value needs; allowed.")
                .note("UnknownCode", "An error code, tag or status that version 1 does not name; receivers accept it.")
                .note("IgnoredValue", "A field version 1 sends as 0 and ignores on receipt, here not 0.")
                .note("IgnoredAfterClose", "Bytes after a CLOSE frame; receivers ignore them unparsed, "
                        + "so they are not part of the fields.");
        VectorFileBuilder.Group frames = file.group(WireUnit.FRAME);
        streams(frames);
        acks(frames);
        others(frames);
        plaintexts(file.group(WireUnit.MESSAGE_PLAINTEXT));
        return file;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void streams(VectorFileBuilder.Group g) {
        g.valid("STREAM: data with length, no offset", of("Typical"),
                StreamFrame.builder(1).data(text("hello")).build());
        long[] maxima = {0, 0, 0xFFFFL, 0xFF_FFFFL, 0xFFFF_FFFFL, 0xFF_FFFF_FFFFL, 0xFFFF_FFFF_FFFFL,
            0xFF_FFFF_FFFF_FFFFL};
        for (int width = 2; width <= 7; width++) {
            g.valid("STREAM: " + width + "-byte offset at its maximum", of("EdgeValue"),
                    StreamFrame.builder(5).offset(maxima[width]).data(text("xyz")).build());
        }
        g.valid("STREAM: 8-byte offset, offset + length = 2^62 - 1 exactly", of("EdgeValue"),
                StreamFrame.builder(5).offset(WireLimits.MAX_STREAM_OFFSET - 3).data(text("end")).build());
        g.valid("STREAM: empty data with FIN at offset 2^62 - 1", of("EdgeValue"),
                StreamFrame.builder(5).offset(WireLimits.MAX_STREAM_OFFSET).fin(true).build());
        g.valid("STREAM: 2-byte offset 0x0100", of("Typical"),
                StreamFrame.builder(3).offset(0x100).data(text("ab")).build());
        g.valid("STREAM: 3-byte offset 0x010000", of("Typical"),
                StreamFrame.builder(3).offset(0x10000).data(text("ab")).build());
        g.valid("STREAM: offset 5 sent in 8 bytes", of("NonMinimalWidth"),
                StreamFrame.builder(3).offset(5).offsetWidth(8).data(text("ab")).build());
        g.valid("STREAM: offset 0 sent in 2 bytes", of("NonMinimalWidth"),
                StreamFrame.builder(3).offset(0).offsetWidth(2).data(text("ab")).build());
        g.valid("STREAM: empty data with FIN ends the stream", of("EdgeValue"),
                StreamFrame.builder(7).offset(1200).fin(true).build());
        g.valid("STREAM: INIT + FIN with empty data (an empty datagram)", of("EdgeValue"),
                StreamFrame.builder(9).init(0).fin(true).build());
        g.valid("STREAM: INIT opens a child of stream 3", of("Typical"),
                StreamFrame.builder(9).init(3).data(text("GET /")).build());
        g.valid("STREAM: INIT + USID attaches a stream at offset 70000", of("Typical"),
                StreamFrame.builder(11).attach(new Usid(CHANNEL_ID, 1)).offset(70000).data(text("more")).build());
        g.valid("STREAM: INIT + USID + FIN", of("Typical"),
                StreamFrame.builder(13).attach(new Usid(CHANNEL_ID, 0xFFFF_FFFFL)).offset(2).fin(true)
                        .data(text("!")).build());
        g.valid("STREAM: NOACK + INIT + FIN + RECORD, a single-frame datagram", of("Typical"),
                StreamFrame.builder(15).noAck(true).init(1).fin(true).recordEnd(true).data(text("datagram")).build());
        g.valid("STREAM: RECORD marks the end of a record", of("Typical"),
                StreamFrame.builder(1).offset(10).recordEnd(true).data(text("rec")).build());
        g.valid("STREAM: every flag, 8-byte offset", of("EdgeValue"),
                StreamFrame.builder(0xFFFF_FFFFL).noAck(true).attach(new Usid(CHANNEL_ID, -1L)).offset(1L << 40)
                        .offsetWidth(8).fin(true).recordEnd(true).data(text("all")).build());
        g.valid("STREAM: largest LSID and parent LSID", of("EdgeValue"),
                StreamFrame.builder(0xFFFF_FFFFL).init(0xFFFF_FFFFL).data(text("x")).build());
        g.valid("STREAM: no length field, data runs to the end", of("Typical"),
                StreamFrame.builder(2).explicitLength(false).offset(300).data(text("to the end")).build());
        g.valid("STREAM: no length field, empty data with FIN", of("EdgeValue"),
                StreamFrame.builder(2).explicitLength(false).offset(300).fin(true).build());
        g.valid("STREAM: the most data one frame carries (1158 bytes, no length field)", of("EdgeValue"),
                StreamFrame.builder(1).explicitLength(false).data(RawBytes.pattern(1158, 1, 0)).build());
        g.valid("STREAM: the most data with a length field (1156 bytes)", of("EdgeValue"),
                StreamFrame.builder(1).data(RawBytes.pattern(1156, 2, 0)).build());
    }

    private static void acks(VectorFileBuilder.Group g) {
        g.valid("ACK: no missing packets", of("Typical"), AckFrame.of(1, 10, 250, of()));
        g.valid("ACK: one missing packet", of("Typical"), AckFrame.of(1, 10, 0, of(NackRange.of(7, 1))));
        g.valid("ACK: four NACK ranges", of("Typical"), AckFrame.of(100, 200, 1000,
                of(NackRange.of(190, 3), NackRange.of(150, 10), NackRange.of(120, 1), NackRange.of(100, 5))));
        g.valid("ACK: a range starting at least_unacked and one ending just below largest_observed", of("EdgeValue"),
                AckFrame.of(50, 60, 0, of(NackRange.of(59, 1), NackRange.of(50, 2))));
        g.valid("ACK: adjacent ranges", of("EdgeValue"),
                AckFrame.of(1, 20, 0, of(NackRange.of(15, 2), NackRange.of(12, 3))));
        g.valid("ACK: least_unacked = largest_observed + 1 (nothing pending)", of("EdgeValue"),
                AckFrame.of(11, 10, 0, of()));
        g.valid("ACK: entropy bytes not 0 are ignored", of("IgnoredValue"),
                new AckFrame(0xAB, 0xCD, 1, 2, 0, of()));
        g.valid("ACK: ranges whose low 48 bits wrap below largest_observed", of("EdgeValue"),
                AckFrame.of((1L << 48) - 10, (1L << 48) + 5, 0xFFFF_FFFFL,
                        of(NackRange.of((1L << 48) + 2, 2), NackRange.of((1L << 48) - 3, 2))));
        g.valid("ACK: the example of SPEC.md section 7.3 (100 to 120 sent, 103, 104 and 110 lost)", of("Typical"),
                AckFrame.of(100, 120, 1500, of(NackRange.of(110, 1), NackRange.of(103, 2))));
        g.valid("ACK: the reconstruction example of SPEC.md section 7.3 (largest_observed 2^48 + 5)", of("EdgeValue"),
                AckFrame.of((1L << 48) - 2, (1L << 48) + 5, 0,
                        of(NackRange.of((1L << 48) + 3, 1), NackRange.of((1L << 48) - 2, 1))));
        g.valid("ACK: largest u64 packet numbers", of("EdgeValue"),
                AckFrame.of(-2L, -1L, 7, of(NackRange.of(-2L, 1))));
    }

    private static void others(VectorFileBuilder.Group g) {
        g.valid("EMPTY", of("Typical"), EmptyFrame.INSTANCE);
        g.valid("PING", of("Typical"), PingFrame.INSTANCE);
        g.valid("PADDING: L = 0", of("EdgeValue"), PaddingFrame.zeros(0));
        g.valid("PADDING: L = 13", of("Typical"), PaddingFrame.zeros(13));
        g.valid("DECONGESTION: CUBIC", of("Typical"), new DecongestionFrame(new CubicFeedback(3, 512)));
        g.valid("DECONGESTION: CHICAGO", of("Typical"),
                new DecongestionFrame(new ChicagoFeedback(90_000, 20_000, 45_000, 8_000)));
        g.valid("DECONGESTION: LEDBAT, one sample", of("EdgeValue"), new DecongestionFrame(
                new LedbatFeedback(of(new ReceiveTimestamp(0xFFFF_FFFF_FFFFL, -1L)))));
        g.valid("DECONGESTION: LEDBAT, three samples", of("Typical"), new DecongestionFrame(new LedbatFeedback(of(
                new ReceiveTimestamp(40, 1_000_000), new ReceiveTimestamp(41, 1_000_350),
                new ReceiveTimestamp(43, 1_001_200)))));
        g.valid("DECONGESTION: INTER_ARRIVAL, first packet only", of("EdgeValue"),
                new DecongestionFrame(new InterArrivalFeedback(0, 77, 5_000, of())));
        g.valid("DECONGESTION: INTER_ARRIVAL, three packets", of("Typical"),
                new DecongestionFrame(new InterArrivalFeedback(2, 100, 123_456,
                        of(new InterArrivalDelta(1, 250), new InterArrivalDelta(2, 610)))));
        g.valid("DETACH", of("Typical"), new DetachFrame(7));
        g.valid("RESET: CANCELLED with a reason", of("Typical"),
                new ResetFrame(5, ErrorCode.CANCELLED.code(), "user aborted"));
        g.valid("RESET: application error code, empty reason", of("UnknownCode"),
                new ResetFrame(5, 0x10000, ""));
        g.valid("RESET: multi-byte UTF-8 reason", of("Typical"),
                new ResetFrame(4, ErrorCode.REFUSED_STREAM.code(), "r\u00e9seau \u2013 \ud83d\ude80"));
        g.valid("CLOSE: NO_ERROR with a reason and an ACK", of("Typical"),
                new CloseFrame(ErrorCode.NO_ERROR.code(), "bye", AckFrame.of(1, 42, 100, of())));
        g.valid("CLOSE: PROTOCOL_VIOLATION, ACK with ranges", of("Typical"),
                new CloseFrame(ErrorCode.PROTOCOL_VIOLATION.code(), "bad frame",
                        AckFrame.of(10, 30, 5, of(NackRange.of(25, 2), NackRange.of(12, 1)))));
        g.valid("CLOSE: reserved error code 0x10, empty reason", of("UnknownCode"),
                new CloseFrame(0x10, "", AckFrame.of(1, 1, 0, of())));
        g.valid("SETTINGS: no entries", of("EdgeValue"), new SettingsFrame(of()));
        g.valid("SETTINGS: every tag version 1 defines", of("Typical"), new SettingsFrame(of(
                Setting.of(SettingsTag.FEC, 0), Setting.of(SettingsTag.CONGESTION_FEEDBACK, 1),
                Setting.of(SettingsTag.INITIAL_MAX_DATA, 1 << 20), Setting.of(SettingsTag.INITIAL_MAX_STREAM_DATA, 65536),
                Setting.of(SettingsTag.MAX_CONCURRENT_PEER_STREAMS, 100), Setting.of(SettingsTag.IDLE_TIMEOUT_MS, 120_000),
                Setting.of(SettingsTag.MAX_PLAINTEXT, 1168), Setting.of(SettingsTag.MAX_ACK_DELAY_MS, 25))));
        g.valid("SETTINGS: known tags and two unknown tags (skipped by receivers)", of("UnknownCode"),
                new SettingsFrame(of(Setting.of(SettingsTag.CONGESTION_FEEDBACK, 0),
                        Setting.of(SettingsTag.MAX_PLAINTEXT, 1168), Setting.raw(9, RawBytes.pattern(3, 4, 0)),
                        Setting.raw(0xFFFF, new byte[0]))));
        g.valid("SETTINGS: the largest valid values", of("EdgeValue"), new SettingsFrame(of(
                Setting.of(SettingsTag.CONGESTION_FEEDBACK, 0xFFFF),
                Setting.of(SettingsTag.INITIAL_MAX_DATA, WireLimits.MAX_STREAM_OFFSET),
                Setting.of(SettingsTag.INITIAL_MAX_STREAM_DATA, WireLimits.MAX_STREAM_OFFSET),
                Setting.of(SettingsTag.MAX_CONCURRENT_PEER_STREAMS, 0xFFFF_FFFFL),
                Setting.of(SettingsTag.IDLE_TIMEOUT_MS, 0xFFFF_FFFFL), Setting.of(SettingsTag.MAX_PLAINTEXT, 1168),
                Setting.of(SettingsTag.MAX_ACK_DELAY_MS, 16_383))));
        g.valid("SETTINGS: the smallest valid values", of("EdgeValue"), new SettingsFrame(of(
                Setting.of(SettingsTag.FEC, 0), Setting.of(SettingsTag.CONGESTION_FEEDBACK, 0),
                Setting.of(SettingsTag.INITIAL_MAX_DATA, 0), Setting.of(SettingsTag.INITIAL_MAX_STREAM_DATA, 0),
                Setting.of(SettingsTag.MAX_CONCURRENT_PEER_STREAMS, 0), Setting.of(SettingsTag.IDLE_TIMEOUT_MS, 0),
                Setting.of(SettingsTag.MAX_PLAINTEXT, 256), Setting.of(SettingsTag.MAX_ACK_DELAY_MS, 0))));
        g.valid("PRIORITY", of("Typical"), new PriorityFrame(9, 3));
        g.valid("PRIORITY: lowest priority", of("EdgeValue"), new PriorityFrame(9, 0xFFFF_FFFFL));
        g.valid("MAX_DATA", of("Typical"), new MaxDataFrame(1 << 24));
        g.valid("MAX_DATA: largest u64", of("EdgeValue"), new MaxDataFrame(-1L));
        g.valid("MAX_STREAM_DATA", of("Typical"), new MaxStreamDataFrame(3, 262_144));
        g.valid("BLOCKED: channel-wide (LSID 0)", of("Typical"), new BlockedFrame(0, 1 << 20));
        g.valid("BLOCKED: one stream", of("Typical"), new BlockedFrame(17, 65536));
        g.valid("GOAWAY", of("Typical"), new GoawayFrame(41, ErrorCode.NO_ERROR.code(), "shutting down"));
        g.valid("PATH_CHALLENGE", of("Typical"), new PathChallengeFrame(0x0123456789ABCDEFL));
        g.valid("PATH_RESPONSE", of("Typical"), new PathResponseFrame(0xFEDCBA9876543210L));
    }

    private static void plaintexts(VectorFileBuilder.Group g) {
        g.valid("PING padded to 16 bytes", of("Typical"), padded(PacketHeader.of(1, false), of(PingFrame.INSTANCE)));
        g.valid("Initiator's first message: versioned header, SETTINGS, then a connect STREAM", of("Typical"),
                padded(PacketHeader.of(1, true), of(
                        new SettingsFrame(of(Setting.of(SettingsTag.INITIAL_MAX_DATA, 65536),
                                Setting.of(SettingsTag.IDLE_TIMEOUT_MS, 30_000))),
                        StreamFrame.builder(1).init(0).recordEnd(true).data(text("echo")).build())));
        g.valid("ACK, PADDING, then a STREAM without length running to the end (64 bytes)", of("Typical"),
                new MessagePlaintext(PacketHeader.of(0x1234, false), of(AckFrame.of(1, 9, 40, of()),
                        PaddingFrame.zeros(16), StreamFrame.builder(3).explicitLength(false).data(text("to the end!")).build())));
        g.valid("The padding example of SPEC.md section 6.2: ACK, PADDING L = 1, a 1000-byte STREAM without length",
                of("Typical"), new MessagePlaintext(PacketHeader.of(9, false), of(AckFrame.of(1, 8, 0, of()),
                        PaddingFrame.zeros(1), StreamFrame.builder(5).explicitLength(false).offset(300)
                                .data(RawBytes.pattern(1000, 3, 0)).build())));
        g.valid("CLOSE is the last frame processed; the bytes after it are ignored", of("IgnoredAfterClose"),
                new MessagePlaintext(new PacketHeader(PacketHeader.NO_VERSION, 8, 99), of(
                        new CloseFrame(ErrorCode.NO_ERROR.code(), "", AckFrame.of(1, 98, 0, of()))),
                        Unpooled.wrappedBuffer(RawBytes.start().u8(0xFF).u8(0x42).zeros(6).toBytes())));
    }

    /** A plaintext whose frames are followed by EMPTY frames up to a multiple of 16. */
    static MessagePlaintext padded(PacketHeader header, List<Frame> frames) {
        int length = PlaintextWriter.unpaddedLength(header, frames);
        List<Frame> all = new ArrayList<>(frames);
        for (int i = length; i < PlaintextWriter.paddedLength(length); i++) {
            all.add(EmptyFrame.INSTANCE);
        }
        return new MessagePlaintext(header, all);
    }

    static int length(Frame frame) {
        return FrameCodec.encodedLength(frame);
    }
}
