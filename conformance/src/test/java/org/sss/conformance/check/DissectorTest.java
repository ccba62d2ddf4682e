package org.sss.conformance.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextEncoder;

/** The dissector pins every frame to its offset and a fault to the header or frame it is in. */
class DissectorTest {

    @Test
    @DisplayName("a well-formed plaintext: header, frames at their offsets, a run of EMPTY frames as one line")
    void wellFormed() {
        PeerFrame.Ack ack = PeerFrame.Ack.of(1, 7, 25, List.of());
        byte[] plain = PlaintextEncoder.padded(PacketHeader.of(9, true), List.of(ack, new PeerFrame.Ping()));
        Dissection d = Dissector.dissect(plain);
        assertThat(d.isWellFormed()).isTrue();
        assertThat(d.header().packetNumberLow()).isEqualTo(9);
        assertThat(d.frames().get(0).offset()).isEqualTo(5);
        assertThat(d.frames().get(0).frame()).isEqualTo(ack);
        assertThat(d.frames().get(1).offset()).isEqualTo(5 + 24);
        String text = String.join("\n", Dissector.plaintextLines(d));
        assertThat(text).contains("version 1").contains("@5").contains("ACK").contains("@29").contains("PING")
                .contains("EMPTY x 2");
    }

    @Test
    @DisplayName("a reserved header bit is a header fault naming the ksy field; an unknown type is a frame fault at its offset")
    void faults() {
        Dissection header = Dissector.dissect(Hex.parse("2000010e000000000000000000000000"));
        assertThat(header.header()).isNull();
        assertThat(header.fault().inHeader()).isTrue();
        assertThat(header.fault().at("/types/packet_header/seq/0")).isTrue();

        Dissection frame = Dissector.dissect(Hex.parse("0000010e110000000000000000000000"));
        assertThat(frame.frames()).hasSize(1);
        assertThat(frame.fault().offset()).isEqualTo(4);
        assertThat(frame.fault().at("/types/frame/seq/0")).isTrue();
        assertThat(String.join("\n", Dissector.plaintextLines(frame))).contains("fault @4").contains("1100");
    }

    @Test
    @DisplayName("bytes after a CLOSE are kept apart and shown")
    void afterClose() {
        byte[] plain = PlaintextEncoder.padded(PacketHeader.of(3, false),
                List.of(PeerFrame.Close.of(0, "done", PeerFrame.Ack.of(1, 2, 0, List.of()))));
        Dissection d = Dissector.dissect(plain);
        assertThat(d.frames()).hasSize(1);
        assertThat(d.afterClose()).containsOnly(0);
    }
}
