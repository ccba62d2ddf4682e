package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sss.core.negotiation.Role;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.CloseFrame;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.Frame;
import org.sss.core.wire.GoawayFrame;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PingFrame;
import org.sss.core.wire.WireLimits;

/** SPEC.md sections 5.5 and 5.7: the rules on the first packet a channel accepts. */
class FirstPacketTest {

    private static byte[] initiateMessage(ChannelPair pair, boolean withVersion, Frame... frames) {
        return ChannelPair.plaintext(PacketHeader.of(ChannelPair.INITIATE_PN, withVersion), List.of(frames),
                WireLimits.MAX_INITIATE_PLAINTEXT);
    }

    /** The CLOSE frame of the only packet {@code sink} holds. */
    private static CloseFrame closeSent(ChannelPair pair, QueueSink sink) {
        assertThat(sink.size()).isEqualTo(1);
        List<Frame> frames = pair.open(sink.take()).meaningfulFrames();
        Frame last = frames.get(frames.size() - 1);
        assertThat(last).isInstanceOf(CloseFrame.class);
        return (CloseFrame) last;
    }

    @Test
    void responderClosesWhenTheInitiateMessageHasNoVersionField() {
        ChannelPair pair = ChannelPair.standard();
        ReceiveResult result = pair.responder.acceptFirstPacket(ChannelPair.INITIATE_PN,
                Unpooled.wrappedBuffer(initiateMessage(pair, false, pair.initiatorConfig.settingsFrame())));
        // SPEC NEG-VER-4: the first packet without a version field closes with PROTOCOL_VIOLATION
        assertThat(result).isEqualTo(ReceiveResult.CLOSED_BY_RULE);
        assertThat(pair.responder.state()).isEqualTo(ChannelState.CLOSING);
        CloseFrame close = closeSent(pair, pair.responderOut);
        assertThat(close.errorCode()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.code());
        assertThat(close.reason()).contains("NEG-VER-4");
        // the final ACK reports the INITIATE's packet
        assertThat(close.finalAck().largestObserved()).isEqualTo(ChannelPair.INITIATE_PN);
        assertThat(pair.responderEvents.closures).containsExactly(
                new ChannelClosure(CloseOrigin.LOCAL, ErrorCode.PROTOCOL_VIOLATION.code(), close.reason()));
    }

    @Test
    void responderClosesWhenTheInitiateMessageDoesNotBeginWithSettings() {
        ChannelPair pair = ChannelPair.standard();
        ReceiveResult result = pair.responder.acceptFirstPacket(ChannelPair.INITIATE_PN,
                Unpooled.wrappedBuffer(initiateMessage(pair, true, PingFrame.INSTANCE, pair.initiatorConfig.settingsFrame())));
        // SPEC NEG-INITIATE-6: not beginning with SETTINGS closes with PROTOCOL_VIOLATION
        assertThat(result).isEqualTo(ReceiveResult.CLOSED_BY_RULE);
        CloseFrame close = closeSent(pair, pair.responderOut);
        assertThat(close.errorCode()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.code());
        assertThat(close.reason()).contains("NEG-INITIATE-6");
    }

    @Test
    void responderClosesWhenTheInitiateMessageCarriesAFrameThatInitiateDoesNotAllow() {
        List<Frame> forbidden = List.of(new GoawayFrame(0, 0, ""), AckFrame.of(1, 1, 0, List.of()));
        for (Frame frame : forbidden) {
            ChannelPair pair = ChannelPair.standard();
            ReceiveResult result = pair.responder.acceptFirstPacket(ChannelPair.INITIATE_PN,
                    Unpooled.wrappedBuffer(initiateMessage(pair, true, pair.initiatorConfig.settingsFrame(), frame)));
            // SPEC NEG-INITIATE-6: a frame type that section 7.0 does not allow in INITIATE
            assertThat(result).as("%s", frame.type()).isEqualTo(ReceiveResult.CLOSED_BY_RULE);
            CloseFrame close = closeSent(pair, pair.responderOut);
            assertThat(close.errorCode()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.code());
            assertThat(close.reason()).contains(frame.type().toString());
        }
    }

    @Test
    void responderAcceptsEveryFrameTypeInitiateAllows() {
        ChannelPair pair = ChannelPair.standard();
        pair.establish(PingFrame.INSTANCE, new org.sss.core.wire.MaxDataFrame(5000),
                ChannelMessageFlowTest.stream(1, "first", true));
        assertThat(pair.responder.state()).isEqualTo(ChannelState.ESTABLISHED);
        assertThat(pair.responderEvents.frameTypes).containsExactly(org.sss.core.wire.FrameType.MAX_DATA,
                org.sss.core.wire.FrameType.STREAM);
        assertThat(pair.responderEvents.framePackets).containsExactly(ChannelPair.INITIATE_PN);
    }

    @Test
    void initiatorClosesWhenTheFirstMessageDoesNotBeginWithSettings() {
        ChannelPair pair = ChannelPair.standard();
        byte[] plaintext = ChannelPair.plaintext(PacketHeader.of(1, true), AckFrame.of(2, 2, 0, List.of()),
                pair.responderConfig.settingsFrame());
        ReceiveResult result = pair.initiator.acceptFirstPacket(1, Unpooled.wrappedBuffer(plaintext));
        // SPEC NEG-IPROC-3: closes with PROTOCOL_VIOLATION
        assertThat(result).isEqualTo(ReceiveResult.CLOSED_BY_RULE);
        CloseFrame close = closeSent(pair, pair.initiatorOut);
        assertThat(close.errorCode()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.code());
        assertThat(close.reason()).contains("NEG-IPROC-3");
    }

    @Test
    void initiatorClosesWhenTheFirstMessageHasNoVersionField() {
        ChannelPair pair = ChannelPair.standard();
        byte[] plaintext = ChannelPair.plaintext(PacketHeader.of(1, false), pair.responderConfig.settingsFrame(),
                AckFrame.of(2, 2, 0, List.of()));
        assertThat(pair.initiator.acceptFirstPacket(1, Unpooled.wrappedBuffer(plaintext)))
                .isEqualTo(ReceiveResult.CLOSED_BY_RULE);
        // SPEC NEG-VER-4
        assertThat(closeSent(pair, pair.initiatorOut).errorCode()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.code());
    }

    @Test
    void firstPacketWithAHeaderFaultClosesWithTheVerdictsErrorCode() {
        ChannelPair pair = ChannelPair.standard();
        byte[] plaintext = ChannelPair.plaintext(new PacketHeader(2, 2, 1), pair.responderConfig.settingsFrame());
        ReceiveResult result = pair.initiator.acceptFirstPacket(1, Unpooled.wrappedBuffer(plaintext));
        // SPEC NEG-VER-3: a version other than 1 is UNSUPPORTED_VERSION and closes with VERSION_MISMATCH
        assertThat(result.outcome()).isEqualTo(ReceiveResult.Outcome.CLOSED);
        assertThat(result.dropReason()).isEqualTo(DropReason.UNSUPPORTED_VERSION);
        CloseFrame close = closeSent(pair, pair.initiatorOut);
        assertThat(close.errorCode()).isEqualTo(ErrorCode.VERSION_MISMATCH.code());
        assertThat(pair.initiatorDrops.get(DropReason.UNSUPPORTED_VERSION)).isEqualTo(1);
    }

    @Test
    void firstPacketWhoseNumberDoesNotMatchIsDroppedAndTheChannelStaysNew() {
        ChannelPair pair = ChannelPair.standard();
        byte[] plaintext = ChannelPair.plaintext(PacketHeader.of(5, true), pair.responderConfig.settingsFrame());
        ReceiveResult result = pair.initiator.acceptFirstPacket(1, Unpooled.wrappedBuffer(plaintext));
        // SPEC CHN-HDR-5
        assertThat(result.dropReason()).isEqualTo(DropReason.PACKET_NUMBER_MISMATCH);
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.NEW);
        assertThat(pair.initiatorOut.isEmpty()).isTrue();
        byte[] good = ChannelPair.plaintext(PacketHeader.of(5, true), pair.responderConfig.settingsFrame(),
                AckFrame.of(2, 2, 0, List.of()));
        assertThat(pair.initiator.acceptFirstPacket(5, Unpooled.wrappedBuffer(good))).isEqualTo(ReceiveResult.ACCEPTED);
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.ESTABLISHED);
    }

    @Test
    void theFirstPacketIsAcceptedOnlyOnceAndNothingElseComesBeforeIt() {
        ChannelPair pair = ChannelPair.standard();
        assertThatThrownBy(() -> pair.initiator.onMessage(Unpooled.buffer(100)))
                .isInstanceOf(IllegalStateException.class);
        pair.establish();
        assertThatThrownBy(() -> pair.initiator.acceptFirstPacket(9, Unpooled.buffer(16)))
                .isInstanceOf(IllegalStateException.class);
        ChannelPair fresh = ChannelPair.standard();
        assertThatThrownBy(() -> fresh.initiator.acceptFirstPacket(1, Unpooled.buffer(20).writeZero(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("20 bytes");
    }

    @Test
    void firstPacketStartsTheReplayWindowAndItsRepetitionIsReplayed() {
        ChannelPair pair = ChannelPair.established();
        // the responder's first MESSAGE (packet 1) again, as a MESSAGE: the window already holds it
        byte[] again = pair.forge(Role.RESPONDER, 1, ChannelPair.plaintext(PacketHeader.of(1, true),
                pair.responderConfig.settingsFrame(), AckFrame.of(2, 2, 0, List.of())));
        assertThat(ChannelPair.deliver(again, pair.initiator).dropReason()).isEqualTo(DropReason.PACKET_REPLAYED);
    }
}
