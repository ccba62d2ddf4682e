package org.sss.conformance.peer.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The peer's encoder: SPEC.md's own examples, and frames that are wrong on purpose go out unchanged. */
class EncoderTest {

    @Test
    @DisplayName("CHN-PLAIN-3: the padding example of SPEC.md 6.2 (n = 1036, M = 1040, PADDING 03 00 01 00 before the STREAM)")
    void paddingExampleOfSection62() {
        PacketHeader header = PacketHeader.of(7, false);
        PeerFrame.Ack ack = PeerFrame.Ack.of(1, 5, 0, List.of());
        PeerFrame.Stream stream = PeerFrame.Stream.data(1, 300, new byte[1000]).without(PeerFrame.Stream.LENGTH);
        assertThat(FrameEncoder.encode(stream)).hasSize(1009);

        byte[] plain = PlaintextEncoder.padded(header, List.of(ack, stream));
        assertThat(plain).hasSize(1040);
        assertThat(Hex.of(plain).substring(2 * 27, 2 * 31)).isEqualTo("03000100");
        assertThat(PlaintextEncoder.paddedFrames(header, List.of(ack, stream)))
                .containsExactly(ack, PeerFrame.Padding.zeros(1), stream);

        byte[] withLength = PlaintextEncoder.padded(header, List.of(ack, stream.with(PeerFrame.Stream.LENGTH)));
        assertThat(withLength).hasSize(1040);
        assertThat(Hex.of(withLength)).endsWith("0000");
        DecodedPlaintext decoded = PlaintextDecoder.decode(plain);
        assertThat(decoded.frames()).containsExactly(ack, PeerFrame.Padding.zeros(1), stream);
    }

    @Test
    @DisplayName("CHN-PLAIN-1: a plaintext is at least 16 bytes; one or two bytes of gap before a length-less STREAM are EMPTY frames")
    void smallestPlaintextAndEmptyGaps() {
        assertThat(PlaintextEncoder.padded(PacketHeader.of(1, false), List.of(new PeerFrame.Ping()))).hasSize(16);
        // header 3 + STREAM without length (1 + 2 + 4 + 8 data) = 18 → M = 32, g = 14
        PeerFrame.Stream s = new PeerFrame.Stream(0, 1, 0, null, 0, new byte[8]);
        assertThat(PlaintextEncoder.paddedFrames(PacketHeader.of(1, false), List.of(s)))
                .containsExactly(PeerFrame.Padding.zeros(11), s);
        // 3 + (1 + 2 + 4 + 22) = 32 - 1: g = 1 → one EMPTY frame before the STREAM
        PeerFrame.Stream t = new PeerFrame.Stream(0, 1, 0, null, 0, new byte[21]);
        assertThat(PlaintextEncoder.paddedFrames(PacketHeader.of(1, false), List.of(t)))
                .containsExactly(new PeerFrame.Empty(), t);
    }

    @Test
    @DisplayName("FRM-STREAM-8: the narrowest offset width, per the examples of SPEC.md 7.2")
    void offsetWidths() {
        assertThat(PeerFrame.Stream.offsetSizeCode(0)).isZero();
        assertThat(PeerFrame.Stream.offsetSizeCode(65_535)).isEqualTo(1);
        assertThat(PeerFrame.Stream.offsetSizeCode(70_000)).isEqualTo(2);
        assertThat(PeerFrame.Stream.offsetSizeCode(1L << 40)).isEqualTo(5);
        assertThat(PeerFrame.Stream.offsetSizeCode(Long.MAX_VALUE)).isEqualTo(7);
        int flags = PeerFrame.Stream.NOACK | PeerFrame.Stream.INIT | PeerFrame.Stream.LENGTH | PeerFrame.Stream.FIN
                | PeerFrame.Stream.RECORD;
        assertThat(flags).isEqualTo(0xC301);
    }

    @Test
    @DisplayName("wrong on purpose: reserved bits, LSID 0, a bad CLOSE ack type and raw bytes are written as given, and Kaitai rejects what the ksy forbids")
    void wrongOnPurpose() {
        PeerFrame.Stream reserved = PeerFrame.Stream.data(0, 0, new byte[] {1}).with(0x0002);
        byte[] bytes = FrameEncoder.encode(reserved);
        assertThat(Hex.of(bytes)).isEqualTo("01" + "0202" + "00000000" + "0001" + "01");
        assertThatThrownBy(() -> FrameDecoder.decode(bytes)).as("FRAME_RESERVED_BITS").isInstanceOf(RuntimeException.class);

        PeerFrame.Close badClose = new PeerFrame.Close(0, "", 0x03, PeerFrame.Ack.of(1, 1, 0, List.of()));
        assertThatThrownBy(() -> FrameDecoder.decode(FrameEncoder.encode(badClose))).as("CLOSE_WITHOUT_ACK")
                .isInstanceOf(RuntimeException.class);

        assertThat(FrameEncoder.encode(PeerFrame.raw(new byte[] {0x7f, 1, 2}))).containsExactly(0x7f, 1, 2);
        assertThatThrownBy(() -> FrameDecoder.decode(new byte[] {0x7f})).as("UNKNOWN_FRAME_TYPE")
                .isInstanceOf(RuntimeException.class);

        PacketHeader fec = new PacketHeader(PacketHeader.HAS_FEC_GROUP, 1, 9);
        assertThat(PlaintextEncoder.unpadded(fec, List.of())).containsExactly(0x02, 0x00, 0x09);
    }

    @Test
    @DisplayName("FRM-ACK-2: the 48-bit reconstruction examples of SPEC.md 7.3, and the complete ACK example")
    void ackExamples() {
        long largest = (1L << 48) + 5;
        assertThat(FrameDecoder.reconstruct(largest, 0xFFFF_FFFF_FFFEL)).isEqualTo(0x0000_FFFF_FFFF_FFFEL);
        assertThat(FrameDecoder.reconstruct(largest, 3)).isEqualTo((1L << 48) + 3);

        PeerFrame.Ack ack = PeerFrame.Ack.of(100, 120, 0,
                List.of(new PeerFrame.NackRange(110, 1), new PeerFrame.NackRange(103, 2)));
        byte[] bytes = FrameEncoder.encode(ack);
        assertThat(bytes).hasSize(40);
        assertThat(Hex.of(bytes)).startsWith("02000002").contains("00000000006e0001").endsWith("0000000000670002");
        assertThat(FrameDecoder.decode(bytes)).isEqualTo(ack);
        for (long pn = 95; pn <= 125; pn++) {
            boolean expected = pn >= 100 && pn <= 120 && pn != 103 && pn != 104 && pn != 110;
            assertThat(ack.acknowledges(pn)).as("packet %d", pn).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("SPEC 9.2: a connect request for echo / sss-test/1")
    void connectRequest() {
        assertThat(Hex.of(ServiceMessages.connectRequest("echo", "sss-test/1")))
                .isEqualTo("0101" + "0004" + "6563686f" + "000a" + "7373732d746573742f31");
    }
}
