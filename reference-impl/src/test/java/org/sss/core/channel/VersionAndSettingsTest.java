package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sss.core.negotiation.Role;
import org.sss.core.wire.CloseFrame;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.Frame;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PingFrame;
import org.sss.core.wire.Setting;
import org.sss.core.wire.SettingsFrame;
import org.sss.core.wire.SettingsTag;

/** SPEC.md sections 5.7 and 7.9: the version field and SETTINGS, each sent until acknowledged. */
class VersionAndSettingsTest {

    @Test
    void responderCarriesTheVersionFieldAndSettingsUntilAPacketCarryingThemIsAcknowledged() {
        ChannelPair pair = ChannelPair.established();
        // the initiator's ACKs are lost: the responder never learns that its first packets arrived
        for (int i = 0; i < 3; i++) {
            pair.responder.ping();
            pair.advance(Duration.ofMillis(25));
            pair.flush(opened -> opened.sender() == Role.RESPONDER);
        }
        List<ChannelPair.Opened> responderPackets = pair.responderOut.history.stream().map(pair::open).toList();
        assertThat(responderPackets).hasSize(4);
        for (ChannelPair.Opened opened : responderPackets) {
            // SPEC NEG-VER-1: the version field until a packet carrying it is acknowledged
            assertThat(opened.header().hasVersion()).isTrue();
            assertThat(opened.header().version()).isEqualTo(1);
            // SPEC FRM-SET-1: SETTINGS unchanged, first, until a packet carrying it is acknowledged
            assertThat(opened.frames().get(0)).isEqualTo(pair.responderConfig.settingsFrame());
        }
        // now an ACK gets through
        pair.responder.ping();
        pair.advance(Duration.ofMillis(25));
        pair.flush();
        pair.responder.ping();
        ChannelPair.Opened after = pair.open(pair.responderOut.take());
        assertThat(after.header().hasVersion()).isFalse();
        assertThat(after.meaningfulFrames()).noneMatch(f -> f instanceof SettingsFrame);
        // SETTINGS repeated unchanged is ignored (FRM-SET-8): the initiator saw them once
        assertThat(pair.initiatorEvents.settings).hasSize(1);
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.ESTABLISHED);
    }

    @Test
    void initiatorsInitiateCarriedVersionAndSettingsSoItsMessagesCarryNeither() {
        ChannelPair pair = ChannelPair.established();
        pair.initiator.ping();
        pair.advance(Duration.ofMillis(25));
        for (byte[] datagram : pair.initiatorOut.history) {
            ChannelPair.Opened opened = pair.open(datagram);
            // the responder's first MESSAGE acknowledged the INITIATE, which carried both
            assertThat(opened.header().hasVersion()).isFalse();
            assertThat(opened.meaningfulFrames()).noneMatch(f -> f instanceof SettingsFrame);
        }
        assertThat(pair.initiator.maxFramesLength()).isEqualTo(1168 - 3);
    }

    @Test
    void peerSettingsApplyAndOmittedOnesTakeTheirDefaults() {
        ChannelConfig responderConfig = ChannelPair.deterministic().toBuilder().idleTimeout(Duration.ofSeconds(10))
                .maxPlaintext(512).maxAckDelay(Duration.ofMillis(40)).build();
        ChannelPair pair = new ChannelPair(ChannelPair.deterministic(), responderConfig, 5);
        assertThat(pair.initiator.peerSettings()).isEqualTo(PeerSettings.DEFAULTS);
        pair.establish();
        PeerSettings seen = pair.initiator.peerSettings();
        assertThat(seen.idleTimeoutMs()).isEqualTo(10_000);
        assertThat(seen.maxPlaintext()).isEqualTo(512);
        assertThat(seen.maxAckDelayMs()).isEqualTo(40);
        // SPEC FRM-SET-5: defaults for what the frame omits
        assertThat(seen.initialMaxData()).isEqualTo(1_048_576);
        assertThat(seen.maxConcurrentPeerStreams()).isEqualTo(100);
        assertThat(pair.initiatorEvents.settings).containsExactly(seen);
        assertThat(pair.responder.peerSettings()).isEqualTo(PeerSettings.DEFAULTS);
        assertThat(pair.initiator.maxFramesLength()).isEqualTo(512 - 3);
        // the responder delays its ACKs by its own 40 ms
        pair.initiator.ping();
        long sentAt = pair.clock.nanoTime();
        pair.flush();
        assertThat(pair.responder.nextTimeoutNanos()).isEqualTo(sentAt + Duration.ofMillis(40).toNanos());
    }

    @Test
    void settingsFrameOmitsDefaultsAndListsTheRestInAscendingOrder() {
        ChannelConfig config = ChannelConfig.builder().maxAckDelay(Duration.ofMillis(10)).initialMaxData(7).build();
        assertThat(ChannelConfig.defaults().settingsFrame().settings()).isEmpty();
        assertThat(config.settingsFrame().settings()).containsExactly(Setting.of(SettingsTag.INITIAL_MAX_DATA, 7),
                Setting.of(SettingsTag.MAX_ACK_DELAY_MS, 10));
        assertThat(PeerSettings.from(config.settingsFrame())).isEqualTo(config.localSettings());
    }

    @Test
    void settingsThatDifferFromTheFirstCloseWithProtocolViolation() {
        ChannelPair pair = ChannelPair.established();
        SettingsFrame other = new SettingsFrame(List.of(Setting.of(SettingsTag.IDLE_TIMEOUT_MS, 1)));
        byte[] changed = pair.forge(Role.RESPONDER, 50, ChannelPair.plaintext(PacketHeader.of(50, true), other));
        // SPEC FRM-SET-7
        assertThat(ChannelPair.deliver(changed, pair.initiator)).isEqualTo(ReceiveResult.CLOSED_BY_RULE);
        CloseFrame close = lastClose(pair);
        assertThat(close.errorCode()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.code());
        assertThat(close.reason()).contains("differs");
        assertThat(pair.initiator.peerSettings().idleTimeoutMs()).isEqualTo(120_000);
    }

    @Test
    void settingsAnywhereButFirstCloseWithProtocolViolation() {
        ChannelPair pair = ChannelPair.established();
        byte[] late = pair.forge(Role.RESPONDER, 50, ChannelPair.plaintext(PacketHeader.of(50, true),
                PingFrame.INSTANCE, pair.responderConfig.settingsFrame()));
        // SPEC FRM-SET-7
        assertThat(ChannelPair.deliver(late, pair.initiator)).isEqualTo(ReceiveResult.CLOSED_BY_RULE);
        assertThat(lastClose(pair).reason()).contains("not the first frame");
    }

    @Test
    void aPacketBreakingARuleHasNoPartialEffect() {
        ChannelPair pair = ChannelPair.established();
        byte[] bad = pair.forge(Role.RESPONDER, 50, ChannelPair.plaintext(PacketHeader.of(50, false),
                ChannelMessageFlowTest.stream(2, "never delivered", true), PingFrame.INSTANCE,
                pair.responderConfig.settingsFrame()));
        assertThat(ChannelPair.deliver(bad, pair.initiator)).isEqualTo(ReceiveResult.CLOSED_BY_RULE);
        // SPEC FRM-GEN-7: every frame is checked before any acts
        assertThat(pair.initiatorEvents.frameTypes).isEmpty();
    }

    private static CloseFrame lastClose(ChannelPair pair) {
        List<byte[]> all = pair.initiatorOut.drain();
        List<Frame> frames = pair.open(all.get(all.size() - 1)).meaningfulFrames();
        return (CloseFrame) frames.get(frames.size() - 1);
    }
}
