package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sss.core.crypto.NonceCounter;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.CloseFrame;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameType;
import org.sss.core.wire.GoawayFrame;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.SettingsFrame;
import org.sss.core.wire.WireLimits;

/** SPEC.md section 5.5, steps R1 to R4: an INITIATE retransmitted for a live channel. */
class InitiateRetransmissionTest {

    /**
     * The responder's channel, created by INITIATE 2, whose first MESSAGE was lost; the initiator has
     * also sent INITIATE 3, which the tests retransmit.
     */
    private static ChannelPair responderOnly() {
        ChannelPair pair = new ChannelPair(ChannelPair.deterministic(), ChannelPair.deterministic(), 1, 2,
                new NonceCounter(ChannelPair.INITIATE_PN + 2), new NonceCounter());
        byte[] message = message(pair, ChannelPair.INITIATE_PN);
        assertThat(pair.responder.acceptFirstPacket(ChannelPair.INITIATE_PN, Unpooled.wrappedBuffer(message)))
                .isEqualTo(ReceiveResult.ACCEPTED);
        pair.responderOut.take();
        return pair;
    }

    private static byte[] message(ChannelPair pair, long counter, Frame... extra) {
        List<Frame> frames = new java.util.ArrayList<>();
        frames.add(pair.initiatorConfig.settingsFrame());
        frames.addAll(List.of(extra));
        return ChannelPair.plaintext(PacketHeader.of(counter, true), frames, WireLimits.MAX_INITIATE_PLAINTEXT);
    }

    private static ReceiveResult retransmit(ChannelPair pair, byte[] initiate) {
        return pair.responder.onInitiateRetransmission(Unpooled.wrappedBuffer(initiate.clone()));
    }

    @Test
    void retransmittedInitiateIsProcessedAndAnsweredWithAnAck() {
        ChannelPair pair = responderOnly();
        byte[] initiate = pair.initiate(3, pair.initiatorLongTerm.publicKey().bytes(),
                message(pair, 3, ChannelMessageFlowTest.stream(1, "again", true)));
        // SPEC NEG-RPROC-3 steps R1 to R4
        assertThat(retransmit(pair, initiate)).isEqualTo(ReceiveResult.ACCEPTED);
        assertThat(pair.responderEvents.frameTypes).containsExactly(FrameType.STREAM);
        assertThat(pair.responderEvents.framePackets).containsExactly(3L);
        // the answer repairs the lost first MESSAGE: SETTINGS first, an ACK of both INITIATEs
        assertThat(pair.responderOut.size()).isEqualTo(1);
        ChannelPair.Opened answer = pair.open(pair.responderOut.take());
        List<Frame> frames = answer.meaningfulFrames();
        assertThat(frames.get(0)).isInstanceOf(SettingsFrame.class);
        AckFrame ack = (AckFrame) frames.get(1);
        assertThat(ack.leastUnacked()).isEqualTo(2);
        assertThat(ack.largestObserved()).isEqualTo(3);
        assertThat(ack.nackRanges()).isEmpty();
        // and the initiator can take it as its first packet
        assertThat(pair.initiator.acceptFirstPacket(answer.packetNumber(), Unpooled.wrappedBuffer(answer.plaintext())))
                .isEqualTo(ReceiveResult.ACCEPTED);
    }

    @Test
    void replayedInitiateIsDropped() {
        ChannelPair pair = responderOnly();
        byte[] initiate = pair.initiate(3, pair.initiatorLongTerm.publicKey().bytes(), message(pair, 3));
        assertThat(retransmit(pair, initiate)).isEqualTo(ReceiveResult.ACCEPTED);
        // SPEC NEG-RPROC-3 step R1
        assertThat(retransmit(pair, initiate).dropReason()).isEqualTo(DropReason.PACKET_REPLAYED);
        byte[] first = pair.initiate(ChannelPair.INITIATE_PN, pair.initiatorLongTerm.publicKey().bytes(),
                message(pair, ChannelPair.INITIATE_PN));
        assertThat(retransmit(pair, first).dropReason()).isEqualTo(DropReason.PACKET_REPLAYED);
        assertThat(pair.responderDrops.get(DropReason.PACKET_REPLAYED)).isEqualTo(2);
    }

    @Test
    void initiateWhoseBoxDoesNotOpenUnderTheChannelKeyIsDropped() {
        ChannelPair pair = responderOnly();
        byte[] initiate = pair.initiate(3, pair.initiatorLongTerm.publicKey().bytes(), message(pair, 3));
        initiate[initiate.length - 3] ^= 4;
        // SPEC NEG-RPROC-3 step R2
        assertThat(retransmit(pair, initiate).dropReason()).isEqualTo(DropReason.BOX_OPEN_FAILED);
        // nothing moved: the genuine packet with that number still passes
        byte[] genuine = pair.initiate(3, pair.initiatorLongTerm.publicKey().bytes(), message(pair, 3));
        assertThat(retransmit(pair, genuine)).isEqualTo(ReceiveResult.ACCEPTED);
    }

    @Test
    void initiateNamingAnotherIdentityIsDropped() {
        ChannelPair pair = responderOnly();
        byte[] initiate = pair.initiate(3, pair.responderLongTerm.publicKey().bytes(), message(pair, 3));
        // SPEC NEG-RPROC-3 step R3: VOUCH_INVALID when I differs from the channel's peer identity
        assertThat(retransmit(pair, initiate).dropReason()).isEqualTo(DropReason.VOUCH_INVALID);
        assertThat(pair.responderOut.isEmpty()).isTrue();
        assertThat(pair.responderEvents.frameTypes).isEmpty();
    }

    @Test
    void initiateWhoseHeaderNumberDiffersIsDropped() {
        ChannelPair pair = responderOnly();
        byte[] initiate = pair.initiate(3, pair.initiatorLongTerm.publicKey().bytes(), message(pair, 4));
        assertThat(retransmit(pair, initiate).dropReason()).isEqualTo(DropReason.PACKET_NUMBER_MISMATCH);
    }

    @Test
    void retransmittedInitiateKeepsTheInitiateFrameRules() {
        ChannelPair pair = responderOnly();
        byte[] initiate = pair.initiate(3, pair.initiatorLongTerm.publicKey().bytes(),
                message(pair, 3, new GoawayFrame(0, 0, "")));
        // SPEC-GAP choice: NEG-INITIATE-5 and -6 apply to every INITIATE message, retransmissions included
        assertThat(retransmit(pair, initiate)).isEqualTo(ReceiveResult.CLOSED_BY_RULE);
        List<Frame> frames = pair.open(pair.responderOut.take()).meaningfulFrames();
        CloseFrame close = (CloseFrame) frames.get(frames.size() - 1);
        assertThat(close.errorCode()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.code());
    }

    @Test
    void retransmittedInitiateWithChangedSettingsClosesTheChannel() {
        ChannelPair pair = responderOnly();
        byte[] plaintext = ChannelPair.plaintext(PacketHeader.of(3, true),
                List.of(ChannelConfig.builder().initialMaxData(1).build().settingsFrame()),
                WireLimits.MAX_INITIATE_PLAINTEXT);
        byte[] initiate = pair.initiate(3, pair.initiatorLongTerm.publicKey().bytes(), plaintext);
        // SPEC FRM-SET-7
        assertThat(retransmit(pair, initiate)).isEqualTo(ReceiveResult.CLOSED_BY_RULE);
    }

    @Test
    void otherPacketsOnTheInitiatePathAreDropped() {
        ChannelPair pair = responderOnly();
        assertThat(retransmit(pair, new byte[3]).dropReason()).isEqualTo(DropReason.DATAGRAM_TOO_SHORT);
        byte[] initiate = pair.initiate(3, pair.initiatorLongTerm.publicKey().bytes(), message(pair, 3));
        assertThat(retransmit(pair, java.util.Arrays.copyOf(initiate, initiate.length - 16)).dropReason())
                .isEqualTo(DropReason.BAD_PACKET_LENGTH);
        assertThatThrownBy(() -> pair.initiator.onInitiateRetransmission(Unpooled.wrappedBuffer(initiate)))
                .isInstanceOf(IllegalStateException.class);
    }
}
