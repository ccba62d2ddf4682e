package org.sss.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.Packet;
import org.sss.core.wire.PacketCodec;
import org.sss.core.wire.PacketType;

/**
 * The outer packet decoder on any datagram (SPEC.md sections 3 and 13): it never throws, a
 * rejection is one of the three outer verdicts and leaves the datagram unread, and a decoded
 * packet has the type its magic names and re-encodes to exactly the datagram (PKT-MAGIC-2,
 * PKT-MAGIC-3, PKT-SIZE-1 to PKT-SIZE-5).
 */
class PacketDecoderFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void decode(byte[] datagram) {
        ByteBuf in = Unpooled.wrappedBuffer(datagram);
        DecodeResult<Packet> result = PacketCodec.decode(in);
        if (!result.isOk()) {
            assertThat(result.dropReason()).isIn(DropReason.DATAGRAM_TOO_SHORT, DropReason.UNKNOWN_MAGIC,
                    DropReason.BAD_PACKET_LENGTH);
            assertThat(in.readerIndex()).as("a rejected datagram is not consumed").isZero();
            if (datagram.length < PacketType.MAGIC_LENGTH) {
                assertThat(result.dropReason()).isEqualTo(DropReason.DATAGRAM_TOO_SHORT);
            }
            return;
        }
        Packet packet = result.value();
        assertThat(in.isReadable()).as("a decoded datagram is consumed whole").isFalse();
        assertThat(packet.type()).isSameAs(PacketType.fromMagic(Unpooled.wrappedBuffer(datagram).getLong(0)));
        assertThat(PacketCodec.encodedLength(packet)).isEqualTo(datagram.length);
        ByteBuf out = Unpooled.buffer(datagram.length);
        PacketCodec.encode(packet, out);
        assertThat(ByteBufUtil.getBytes(out)).as("re-encoded").isEqualTo(datagram);
    }
}
