package org.sss.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceMessageCodecTest {

    @Test
    void encodesAConnectRequestFieldByField() {
        ByteBuf out = Unpooled.buffer();
        ServiceMessageCodec.encode(new ConnectRequest("echo", "e/1"), out);
        assertThat(ByteBufUtil.hexDump(out)).isEqualTo(RawBytes.start()
                .u8(1)            // kind: request
                .u8(1)            // operation: connect
                .string("echo")   // service
                .string("e/1")    // protocol
                .toHex());
    }

    @Test
    void refusesToEncodeARecordOver1024Bytes() {
        assertThatThrownBy(() -> ServiceMessageCodec.encode(new ConnectReply(0, "x".repeat(1100)), Unpooled.buffer()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024");
    }

    @Test
    void namesAreOneTo255Bytes() {
        assertThatThrownBy(() -> new ConnectRequest("", "p")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("service");
        assertThatThrownBy(() -> new ListProtocolsRequest("\u00e9".repeat(128))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256");
        ByteBuf in = Unpooled.wrappedBuffer(RawBytes.start().u8(1).u8(3).string("").toBytes());
        assertThat(ServiceMessageCodec.decode(in).detail()).contains("names are 1 to 255 bytes");
    }

    @Test
    void anErrorReplyCarriesAMessageInsteadOfEntries() {
        assertThatThrownBy(() -> new ListServicesReply(ServiceStatus.BUSY.code(), List.of(new ServiceEntry("a", "b")), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entries");
        ByteBuf out = Unpooled.buffer();
        ServiceMessageCodec.encode(ListServicesReply.error(ServiceStatus.BUSY.code(), "later"), out);
        assertThat(ServiceMessageCodec.decode(out).value())
                .isEqualTo(new ListServicesReply(ServiceStatus.BUSY.code(), List.of(), "later"));
    }

    @Test
    void checksTheEntryCountBeforeReadingEntries() {
        ByteBuf in = Unpooled.wrappedBuffer(RawBytes.start().u8(2).u8(2).u32(0).u32(0xFFFF_FFFFL).toBytes());
        DecodeResult<ServiceMessage> result = ServiceMessageCodec.decode(in);
        assertThat(result.dropReason()).isEqualTo(DropReason.SERVICE_MESSAGE_MALFORMED);
        assertThat(result.detail()).contains("4294967295 entries");
    }
}
