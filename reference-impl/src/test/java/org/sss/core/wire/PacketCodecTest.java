package org.sss.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class PacketCodecTest {

    @Test
    void decodesAMessageWithSlicesOfTheDatagram() {
        ByteBuf datagram = Unpooled.wrappedBuffer(RawBytes.start()
                .ascii("rl3q5xLm")     // magic MESSAGE
                .pattern(32, 1)        // sender's short-term key
                .u64(77)               // nonce counter
                .pattern(32, 2)        // box: tag and 16 bytes of ciphertext
                .toBytes());
        MessagePacket packet = (MessagePacket) PacketCodec.decode(datagram).value();
        assertThat(packet.nonceCounter()).isEqualTo(77);
        assertThat(packet.messageLength()).isEqualTo(16);
        datagram.setByte(8, 0x55);
        assertThat(packet.senderShortTermPk().getByte(packet.senderShortTermPk().readerIndex())).isEqualTo((byte) 0x55);
    }

    @Test
    void dropsAMessageOneByteLongerThanTheRule() {
        ByteBuf datagram = Unpooled.wrappedBuffer(RawBytes.start().ascii("rl3q5xLm").zeros(56 + 17).toBytes());
        DecodeResult<Packet> result = PacketCodec.decode(datagram);
        assertThat(result.dropReason()).isEqualTo(DropReason.BAD_PACKET_LENGTH);
        assertThat(result.detail()).contains("M = 17");
    }

    @Test
    void theReservedInitiateMessageMagicIsUnknown() {
        ByteBuf datagram = Unpooled.wrappedBuffer(RawBytes.start().ascii("qVNq5xLo").zeros(100).toBytes());
        DecodeResult<Packet> result = PacketCodec.decode(datagram);
        assertThat(result.dropReason()).isEqualTo(DropReason.UNKNOWN_MAGIC);
        assertThat(result.detail()).contains("reserved");
    }

    @Test
    void refusesToBuildAMessageWhosePlaintextBreaksTheSizeRule() {
        assertThatThrownBy(() -> new MessagePacket(Unpooled.buffer().writeZero(32), 1, Unpooled.buffer().writeZero(16 + 20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("box");
    }

    @Test
    void aHelloIsSentWithZeroPadding() {
        HelloPacket hello = HelloPacket.of(Unpooled.buffer().writeZero(32), 1, Unpooled.buffer().writeZero(80));
        ByteBuf out = Unpooled.buffer();
        PacketCodec.encode(hello, out);
        assertThat(out.readableBytes()).isEqualTo(192);
        for (int i = 40; i < 104; i++) {
            assertThat(out.getByte(i)).isZero();
        }
    }
}
