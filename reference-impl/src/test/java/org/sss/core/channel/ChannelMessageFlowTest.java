package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sss.core.negotiation.Role;
import org.sss.core.testing.TestSeed;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.CloseFrame;
import org.sss.core.wire.EmptyFrame;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameType;
import org.sss.core.wire.PacketType;
import org.sss.core.wire.PaddingFrame;
import org.sss.core.wire.PingFrame;
import org.sss.core.wire.SettingsFrame;
import org.sss.core.wire.StreamFrame;
import org.sss.core.wire.WireLimits;

/** SPEC.md sections 6.1 and 6.2: MESSAGEs built, sealed, numbered and padded as the spec says. */
class ChannelMessageFlowTest {

    @Test
    void responderSendsItsFirstMessageAtOnceWithSettingsFirstAndAnAckOfTheInitiate() {
        ChannelPair pair = ChannelPair.standard();
        byte[] message = ChannelPair.plaintext(org.sss.core.wire.PacketHeader.of(ChannelPair.INITIATE_PN, true),
                List.of(pair.initiatorConfig.settingsFrame()), WireLimits.MAX_INITIATE_PLAINTEXT);
        pair.responder.acceptFirstPacket(ChannelPair.INITIATE_PN, io.netty.buffer.Unpooled.wrappedBuffer(message));

        // SPEC NEG-RPROC-5: the first MESSAGE goes without waiting, SETTINGS first, with an ACK of the INITIATE
        assertThat(pair.responderOut.size()).isEqualTo(1);
        assertThat(pair.responderOut.recipients).containsExactly(ChannelPair.INITIATOR_ADDRESS);
        ChannelPair.Opened first = pair.open(pair.responderOut.take());
        assertThat(first.sender()).isEqualTo(Role.RESPONDER);
        assertThat(first.packetNumber()).isEqualTo(1);
        assertThat(first.header().hasVersion()).isTrue();
        List<Frame> frames = first.meaningfulFrames();
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isInstanceOf(SettingsFrame.class);
        AckFrame ack = (AckFrame) frames.get(1);
        assertThat(ack.largestObserved()).isEqualTo(ChannelPair.INITIATE_PN);
        assertThat(ack.leastUnacked()).isEqualTo(ChannelPair.INITIATE_PN);
        assertThat(ack.nackRanges()).isEmpty();
        assertThat(pair.responder.state()).isEqualTo(ChannelState.ESTABLISHED);
        assertThat(pair.responderEvents.settings).containsExactly(pair.initiatorConfig.localSettings());
    }

    @Test
    void streamDataFlowsBothWays() {
        ChannelPair pair = ChannelPair.established();
        long sent = pair.initiator.send(List.of(stream(1, "hello", true)));
        assertThat(sent).isEqualTo(ChannelPair.INITIATE_PN + 1);
        pair.flush();
        assertThat(pair.responderEvents.frameTypes).containsExactly(FrameType.STREAM);
        assertThat(new String(pair.responderEvents.streamData.get(0))).isEqualTo("hello");
        assertThat(pair.responderEvents.framePackets).containsExactly(sent);

        pair.responder.send(List.of(stream(1, "world", true)));
        pair.flush();
        assertThat(pair.initiatorEvents.frameTypes).containsExactly(FrameType.STREAM);
        assertThat(new String(pair.initiatorEvents.streamData.get(0))).isEqualTo("world");
        assertThat(pair.initiator.statistics().packetsReceived()).isEqualTo(2);
        assertThat(pair.responder.statistics().packetsReceived()).isGreaterThanOrEqualTo(2);
        assertThat(pair.initiatorDrops.total()).isZero();
        assertThat(pair.responderDrops.total()).isZero();
    }

    @Test
    void everyPlaintextIsAMultipleOf16AndAtLeast16() {
        ChannelPair pair = ChannelPair.established();
        for (int length = 0; length < 100; length += 7) {
            pair.initiator.send(List.of(stream(1, "x".repeat(length + 1), true)));
        }
        for (byte[] datagram : new ArrayList<>(pair.initiatorOut.queue)) {
            int m = datagram.length - WireLimits.MESSAGE_OVERHEAD;
            // SPEC CHN-PLAIN-1: M is a multiple of 16 within [16, 1168]
            assertThat(m % 16).isZero();
            assertThat(m).isBetween(16, 1168);
            assertThat(pair.open(datagram).plaintext()).hasSize(m);
        }
        pair.flush();
        assertThat(pair.responderEvents.streamData).hasSize(15);
    }

    @Test
    void paddingGoesBeforeAFinalStreamFrameWithoutLength() {
        ChannelPair pair = ChannelPair.established();
        StreamFrame lengthless = StreamFrame.builder(1).explicitLength(false).data("abcde".getBytes()).build();
        pair.initiator.send(List.of(lengthless));
        ChannelPair.Opened opened = pair.open(pair.initiatorOut.queue.peekFirst());
        List<Frame> frames = opened.frames();
        // SPEC CHN-PLAIN-3: the padding precedes the STREAM frame that runs to the end
        Frame last = frames.get(frames.size() - 1);
        assertThat(last).isInstanceOf(StreamFrame.class);
        assertThat(new String(io.netty.buffer.ByteBufUtil.getBytes(((StreamFrame) last).data()))).isEqualTo("abcde");
        assertThat(frames.subList(0, frames.size() - 1)).allMatch(f -> f instanceof EmptyFrame
                || f instanceof PaddingFrame || f instanceof AckFrame);
        pair.flush();
        assertThat(new String(pair.responderEvents.streamData.get(0))).isEqualTo("abcde");
    }

    @Test
    void refusesFramesThatDoNotFitThePeersMaxPlaintextNamingTheSize() {
        ChannelConfig small = ChannelPair.deterministic().toBuilder().maxPlaintext(256).build();
        ChannelPair pair = new ChannelPair(ChannelPair.deterministic(), small, 7);
        pair.establish();
        int room = pair.initiator.maxFramesLength();
        assertThat(room).isEqualTo(256 - 3);
        StreamFrame tooBig = StreamFrame.builder(1).data(new byte[room]).build();
        assertThatThrownBy(() -> pair.initiator.send(List.of(tooBig)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Integer.toString(room + 9))
                .hasMessageContaining("256");
        StreamFrame fits = StreamFrame.builder(1).data(new byte[room - 9]).build();
        pair.initiator.send(List.of(fits));
        // SPEC PKT-SIZE-9: M never exceeds the peer's MAX_PLAINTEXT
        assertThat(pair.initiatorOut.take()).hasSize(WireLimits.MESSAGE_OVERHEAD + 256);
    }

    @Test
    void refusesFramesTheChannelManagesAndMisplacedLengthlessStreams() {
        ChannelPair pair = ChannelPair.established();
        AckFrame ack = AckFrame.of(1, 1, 0, List.of());
        assertThatThrownBy(() -> pair.initiator.send(List.of(ack))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ACK");
        assertThatThrownBy(() -> pair.initiator.send(List.of(pair.initiatorConfig.settingsFrame())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SETTINGS");
        assertThatThrownBy(() -> pair.initiator.send(List.of(new CloseFrame(0, "", ack))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("close()");
        assertThatThrownBy(() -> pair.initiator.send(List.of())).isInstanceOf(IllegalArgumentException.class);
        StreamFrame lengthless = StreamFrame.builder(1).explicitLength(false).data(new byte[] {1}).build();
        assertThatThrownBy(() -> pair.initiator.send(List.of(lengthless, PingFrame.INSTANCE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last frame");
        assertThat(pair.initiatorOut.isEmpty()).isTrue();
    }

    @Test
    void sendingBeforeTheFirstPacketOrAfterCloseIsAnError() {
        ChannelPair pair = ChannelPair.standard();
        assertThatThrownBy(pair.initiator::ping).isInstanceOf(IllegalStateException.class).hasMessageContaining("NEW");
        pair.establish();
        pair.initiator.close(ErrorCode.NO_ERROR, "");
        assertThatThrownBy(pair.initiator::ping).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLOSING");
    }

    @Test
    void nonceCountersRiseStrictlyAndNoNonceIsEverReused() {
        long seed = TestSeed.forTest("nonceCountersRiseStrictlyAndNoNonceIsEverReused");
        // a short skip period exercises CHN-ACK-12 skipping as well
        ChannelConfig skipping = ChannelConfig.builder().packetNumberSkipPeriod(8).build();
        ChannelPair pair = new ChannelPair(skipping, skipping, seed);
        pair.establish();
        Random random = new Random(seed);
        List<ChannelPair.Opened> all = new ArrayList<>();
        for (int round = 0; round < 200; round++) {
            Channel from = random.nextBoolean() ? pair.initiator : pair.responder;
            from.send(List.of(stream(1 + random.nextInt(9), "r" + round, true)));
            if (random.nextInt(4) == 0) {
                pair.advance(java.time.Duration.ofMillis(30));
            }
            all.addAll(pair.flush(opened -> random.nextInt(10) != 0));
        }
        Set<String> nonces = new HashSet<>();
        long lastInitiator = ChannelPair.INITIATE_PN;
        long lastResponder = 0;
        for (byte[] datagram : pair.initiatorOut.history) {
            long pn = pair.open(datagram).packetNumber();
            // SPEC CRY-CTR-2, CHN-PN-2: strictly increasing, and above the INITIATE's counter
            assertThat(pn).isGreaterThan(lastInitiator);
            lastInitiator = pn;
            assertThat(nonces.add(Role.INITIATOR.sendPrefix().ascii() + pn)).isTrue();
        }
        for (byte[] datagram : pair.responderOut.history) {
            long pn = pair.open(datagram).packetNumber();
            assertThat(pn).isGreaterThan(lastResponder);
            lastResponder = pn;
            assertThat(nonces.add(Role.RESPONDER.sendPrefix().ascii() + pn)).isTrue();
        }
        assertThat(pair.initiatorOut.history.size() + pair.responderOut.history.size()).isGreaterThan(200);
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.ESTABLISHED);
        assertThat(pair.responder.state()).isEqualTo(ChannelState.ESTABLISHED);
    }

    @Test
    void outgoingDatagramsAreMessagesFromThisEndsShortTermKey() {
        ChannelPair pair = ChannelPair.established();
        pair.initiator.ping();
        byte[] datagram = pair.initiatorOut.take();
        assertThat(io.netty.buffer.Unpooled.wrappedBuffer(datagram).getLong(0)).isEqualTo(PacketType.MESSAGE.magic());
        assertThat(java.util.Arrays.copyOfRange(datagram, 8, 40))
                .isEqualTo(pair.initiatorShortTerm.publicKey().bytes());
        assertThat(pair.initiatorOut.recipients).containsExactly(ChannelPair.RESPONDER_ADDRESS);
    }

    static StreamFrame stream(long lsid, String data, boolean explicitLength) {
        return StreamFrame.builder(lsid).explicitLength(explicitLength).data(data.getBytes()).build();
    }
}
