package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sss.core.crypto.NonceCounter;
import org.sss.core.negotiation.Role;
import org.sss.core.negotiation.SentInitiate;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.CloseFrame;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.Frame;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.SettingsFrame;
import org.sss.core.wire.WireLimits;

/**
 * SPEC.md section 6.5 for the initiator's INITIATEs: the channel counts them among its sent packets,
 * so ACKs of them are judged (CHN-ACK-10, CHN-ACK-11), give RTT samples (CHN-RTT-1) and acknowledge
 * the version field and SETTINGS they carried (NEG-VER-1, FRM-SET-1).
 */
class InitiateAcknowledgementTest {
    private static final long RESPONDER_FIRST_PN = 1;

    /** A pair whose initiator sent INITIATE 2 900 ms and INITIATE 3 300 ms before the hand-over. */
    private static ChannelPair twoInitiates() {
        return twoInitiates(ChannelPair.initiateSentBefore(3, Duration.ofMillis(300)));
    }

    private static ChannelPair twoInitiates(SentInitiate second) {
        ChannelPair pair = new ChannelPair(ChannelPair.deterministic(), ChannelPair.deterministic(), 1,
                List.of(ChannelPair.initiateSentBefore(ChannelPair.INITIATE_PN, Duration.ofMillis(900)), second),
                new NonceCounter(ChannelPair.INITIATE_PN + 2), new NonceCounter());
        byte[] initiate = ChannelPair.plaintext(PacketHeader.of(ChannelPair.INITIATE_PN, true),
                List.of(pair.initiatorConfig.settingsFrame()), WireLimits.MAX_INITIATE_PLAINTEXT);
        assertThat(pair.responder.acceptFirstPacket(ChannelPair.INITIATE_PN, Unpooled.wrappedBuffer(initiate)))
                .isEqualTo(ReceiveResult.ACCEPTED);
        pair.responderOut.drain();
        return pair;
    }

    /** The responder's first MESSAGE as the initiator takes it: SETTINGS first, then {@code ack} if any. */
    private static ReceiveResult firstMessage(ChannelPair pair, AckFrame ack) {
        List<Frame> frames = ack == null ? List.of(pair.responderConfig.settingsFrame())
                : List.of(pair.responderConfig.settingsFrame(), ack);
        byte[] plaintext = ChannelPair.plaintext(PacketHeader.of(RESPONDER_FIRST_PN, true), frames,
                WireLimits.MAX_PLAINTEXT);
        return pair.initiator.acceptFirstPacket(RESPONDER_FIRST_PN, Unpooled.wrappedBuffer(plaintext));
    }

    private static CloseFrame lastClose(ChannelPair pair) {
        List<byte[]> all = pair.initiatorOut.drain();
        List<Frame> frames = pair.open(all.get(all.size() - 1)).meaningfulFrames();
        return (CloseFrame) frames.get(frames.size() - 1);
    }

    @Test
    void initiatorClosesWhenTheFirstMessageAcknowledgesANumberAboveItsInitiates() {
        ChannelPair pair = twoInitiates();
        // SPEC CHN-ACK-10: 4 is above the largest number sent, INITIATE 3
        assertThat(firstMessage(pair, AckFrame.of(2, 4, 0, List.of()))).isEqualTo(ReceiveResult.CLOSED_BY_RULE);
        CloseFrame close = lastClose(pair);
        assertThat(close.errorCode()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.code());
        assertThat(close.reason()).contains("CHN-ACK-10");
    }

    @Test
    void initiatorClosesWhenAnAckNamesANumberBelowItsFirstInitiate() {
        ChannelPair pair = twoInitiates();
        assertThat(firstMessage(pair, AckFrame.of(2, 3, 0, List.of()))).isEqualTo(ReceiveResult.ACCEPTED);
        pair.initiator.ping();
        pair.initiatorOut.drain();
        // SPEC CHN-ACK-11: number 1 numbered the HELLO, which is no packet of the channel
        byte[] lie = pair.forge(Role.RESPONDER, 2,
                ChannelPair.plaintext(PacketHeader.of(2, false), AckFrame.of(1, 4, 0, List.of())));
        assertThat(ChannelPair.deliver(lie, pair.initiator)).isEqualTo(ReceiveResult.CLOSED_BY_RULE);
        CloseFrame close = lastClose(pair);
        assertThat(close.errorCode()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.code());
        assertThat(close.reason()).contains("below the first packet sent");
    }

    @Test
    void initiatorWithoutInitiateRecordsClosesOnAnyAckBeforeItsFirstMessage() {
        ChannelPair pair = new ChannelPair(ChannelPair.deterministic(), ChannelPair.deterministic(), 1, List.of(),
                new NonceCounter(ChannelPair.INITIATE_PN + 1), new NonceCounter());
        // SPEC CHN-ACK-11: nothing was sent on this channel, so nothing can be acknowledged
        assertThat(firstMessage(pair, AckFrame.of(2, 2, 0, List.of()))).isEqualTo(ReceiveResult.CLOSED_BY_RULE);
        assertThat(lastClose(pair).reason()).contains("nothing was sent");
    }

    @Test
    void ackOfTheInitiatesGivesOneSampleFromTheLargestAcknowledged() {
        ChannelPair pair = twoInitiates();
        assertThat(firstMessage(pair, AckFrame.of(2, 3, 0, List.of()))).isEqualTo(ReceiveResult.ACCEPTED);
        RttStatistics rtt = pair.initiator.statistics().rtt();
        // SPEC CHN-RTT-1: the sample times largest_observed, INITIATE 3, not INITIATE 2
        assertThat(rtt.samples()).isEqualTo(1);
        assertThat(rtt.latest()).isEqualTo(Duration.ofMillis(300));
        assertThat(rtt.smoothed()).isEqualTo(Duration.ofMillis(300));
        assertThat(rtt.variation()).isEqualTo(Duration.ofMillis(150));
        assertThat(pair.initiator.statistics().unacknowledgedPackets()).isZero();
    }

    @Test
    void ackOfAnEarlierInitiateSamplesItAndALaterAckSamplesTheNewLargest() {
        ChannelPair pair = twoInitiates();
        // INITIATE 3 is reported missing; largest_observed is INITIATE 2
        assertThat(firstMessage(pair, AckFrame.of(2, 2, 0, List.of()))).isEqualTo(ReceiveResult.ACCEPTED);
        assertThat(pair.initiator.statistics().rtt().latest()).isEqualTo(Duration.ofMillis(900));
        pair.clock.advance(Duration.ofMillis(100));
        byte[] later = pair.forge(Role.RESPONDER, 2,
                ChannelPair.plaintext(PacketHeader.of(2, false), AckFrame.of(2, 3, 0, List.of())));
        assertThat(ChannelPair.deliver(later, pair.initiator)).isEqualTo(ReceiveResult.ACCEPTED);
        RttStatistics rtt = pair.initiator.statistics().rtt();
        // SPEC CHN-RTT-1: INITIATE 3 is newly acknowledged and was ack-eliciting: 400 ms after it was sent
        assertThat(rtt.samples()).isEqualTo(2);
        assertThat(rtt.latest()).isEqualTo(Duration.ofMillis(400));
        // re-acknowledging it gives no further sample
        byte[] again = pair.forge(Role.RESPONDER, 3,
                ChannelPair.plaintext(PacketHeader.of(3, false), AckFrame.of(2, 3, 0, List.of())));
        assertThat(ChannelPair.deliver(again, pair.initiator)).isEqualTo(ReceiveResult.ACCEPTED);
        assertThat(pair.initiator.statistics().rtt().samples()).isEqualTo(2);
    }

    @Test
    void versionAndSettingsStayOnMessagesUntilAnInitiateCarryingThemIsAcknowledged() {
        ChannelPair pair = twoInitiates();
        // the responder's first MESSAGE lost its ACK: nothing the initiator sent is acknowledged yet
        assertThat(firstMessage(pair, null)).isEqualTo(ReceiveResult.ACCEPTED);
        pair.initiator.ping();
        ChannelPair.Opened before = pair.open(pair.initiatorOut.take());
        // SPEC NEG-VER-1, FRM-SET-1
        assertThat(before.header().hasVersion()).isTrue();
        assertThat(before.frames().get(0)).isEqualTo(pair.initiatorConfig.settingsFrame());
        // INITIATE 3 acknowledged, the ping (4) not yet
        byte[] ack = pair.forge(Role.RESPONDER, 2, ChannelPair.plaintext(
                PacketHeader.of(2, false), AckFrame.of(3, 3, 0, List.of())));
        assertThat(ChannelPair.deliver(ack, pair.initiator)).isEqualTo(ReceiveResult.ACCEPTED);
        pair.initiator.ping();
        ChannelPair.Opened after = pair.open(pair.initiatorOut.take());
        assertThat(after.header().hasVersion()).isFalse();
        assertThat(after.meaningfulFrames()).noneMatch(f -> f instanceof SettingsFrame);
    }

    @Test
    void creditForVersionAndSettingsFollowsWhatEachInitiateRecordSaysItCarried() {
        // a record saying INITIATE 3 carried the version field but not SETTINGS
        ChannelPair pair = twoInitiates(new SentInitiate(3, ChannelPair.CLOCK_START, WireLimits.MAX_DATAGRAM, true,
                false));
        assertThat(firstMessage(pair, null)).isEqualTo(ReceiveResult.ACCEPTED);
        byte[] ack = pair.forge(Role.RESPONDER, 2,
                ChannelPair.plaintext(PacketHeader.of(2, false), AckFrame.of(3, 3, 0, List.of())));
        assertThat(ChannelPair.deliver(ack, pair.initiator)).isEqualTo(ReceiveResult.ACCEPTED);
        pair.initiator.ping();
        ChannelPair.Opened after = pair.open(pair.initiatorOut.take());
        // SPEC NEG-VER-1: a packet carrying the version field is acknowledged
        assertThat(after.header().hasVersion()).isFalse();
        // SPEC FRM-SET-1: no packet carrying SETTINGS is, so SETTINGS stays first
        assertThat(after.frames().get(0)).isEqualTo(pair.initiatorConfig.settingsFrame());
    }
}
