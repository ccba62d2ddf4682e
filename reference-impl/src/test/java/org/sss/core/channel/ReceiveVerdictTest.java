package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sss.core.negotiation.Role;
import org.sss.core.testing.TestSeed;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.CloseFrame;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.Frame;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PacketType;
import org.sss.core.wire.PingFrame;
import org.sss.spec.vectors.VectorCase;
import org.sss.spec.vectors.VectorFiles;

/**
 * SPEC.md sections 6.1, 6.4 and 13: what a channel does with each MESSAGE it must reject. Forged
 * packets are sealed with the channel's real key, so they pass the box and reach the check under test.
 */
class ReceiveVerdictTest {

    /** A ping from the initiator with this counter, sealed with K. */
    private static byte[] pingFromInitiator(ChannelPair pair, long counter) {
        return pair.forge(Role.INITIATOR, counter, ChannelPair.plaintext(PacketHeader.of(counter, false),
                PingFrame.INSTANCE));
    }

    @Test
    void replayedMessageIsDroppedAndTheWindowKeepsMoving() {
        ChannelPair pair = ChannelPair.established();
        pair.initiator.ping();
        byte[] original = pair.initiatorOut.take();
        assertThat(ChannelPair.deliver(original, pair.responder)).isEqualTo(ReceiveResult.ACCEPTED);
        // SPEC CHN-REPLAY-2: an accepted number again is PACKET_REPLAYED, dropped before the box is opened
        assertThat(ChannelPair.deliver(original, pair.responder).dropReason()).isEqualTo(DropReason.PACKET_REPLAYED);
        assertThat(pair.responderDrops.get(DropReason.PACKET_REPLAYED)).isEqualTo(1);
        assertThat(pair.responder.statistics().drops()).containsEntry(DropReason.PACKET_REPLAYED, 1L);
        pair.initiator.ping();
        assertThat(ChannelPair.deliver(pair.initiatorOut.take(), pair.responder)).isEqualTo(ReceiveResult.ACCEPTED);
        assertThat(pair.responder.statistics().packetsReceived()).isEqualTo(3);
    }

    @Test
    void messageBelowTheWindowIsDroppedEvenIfNeverSeen() {
        ChannelPair pair = ChannelPair.established();
        long old = 10;
        long highest = old + ReplayWindow.SIZE;
        assertThat(ChannelPair.deliver(pingFromInitiator(pair, highest), pair.responder)).isEqualTo(ReceiveResult.ACCEPTED);
        // SPEC CHN-REPLAY-2: a number at least W below H is dropped, even if it never arrived
        assertThat(ChannelPair.deliver(pingFromInitiator(pair, old), pair.responder).dropReason())
                .isEqualTo(DropReason.PACKET_REPLAYED);
        // one inside the window is still accepted once
        assertThat(ChannelPair.deliver(pingFromInitiator(pair, old + 1), pair.responder))
                .isEqualTo(ReceiveResult.ACCEPTED);
    }

    @Test
    void tamperedBoxIsDroppedWithoutMovingAnything() {
        ChannelPair pair = ChannelPair.established();
        pair.initiator.ping();
        byte[] datagram = pair.initiatorOut.take();
        byte[] tampered = datagram.clone();
        tampered[tampered.length - 1] ^= 1;
        // SPEC CHN-RECV-1 step 4: BOX_OPEN_FAILED
        assertThat(ChannelPair.deliver(tampered, pair.responder).dropReason()).isEqualTo(DropReason.BOX_OPEN_FAILED);
        byte[] wrongTag = datagram.clone();
        wrongTag[50] ^= 0x40;
        assertThat(ChannelPair.deliver(wrongTag, pair.responder).dropReason()).isEqualTo(DropReason.BOX_OPEN_FAILED);
        assertThat(pair.responderDrops.get(DropReason.BOX_OPEN_FAILED)).isEqualTo(2);
        // the window did not record the number: the genuine packet is accepted
        assertThat(ChannelPair.deliver(datagram, pair.responder)).isEqualTo(ReceiveResult.ACCEPTED);
    }

    @Test
    void headerNumberOtherThanTheCounterIsDroppedNotRecordedAndNotAcknowledged() {
        ChannelPair pair = ChannelPair.established();
        long counter = 40;
        byte[] mismatched = pair.forge(Role.INITIATOR, counter,
                ChannelPair.plaintext(PacketHeader.of(counter + 1, false), PingFrame.INSTANCE));
        // SPEC CHN-HDR-5: PACKET_NUMBER_MISMATCH
        assertThat(ChannelPair.deliver(mismatched, pair.responder).dropReason())
                .isEqualTo(DropReason.PACKET_NUMBER_MISMATCH);
        assertThat(pair.responder.state()).isEqualTo(ChannelState.ESTABLISHED);
        // SPEC CHN-REPLAY-3: not recorded, so the same counter with a good header is accepted
        assertThat(ChannelPair.deliver(pingFromInitiator(pair, counter), pair.responder)).isEqualTo(ReceiveResult.ACCEPTED);
        pair.advance(java.time.Duration.ofMillis(25));
        // SPEC CHN-RECV-2: the dropped packet was never acknowledged; only 40 is
        AckFrame ack = (AckFrame) pair.open(pair.responderOut.take()).meaningfulFrames().get(1);
        assertThat(ack.largestObserved()).isEqualTo(counter);
    }

    @Test
    void messageFromAnotherKeyOrOfAnotherKindIsDropped() {
        ChannelPair pair = ChannelPair.established();
        byte[] fromResponderKey = pair.forge(Role.RESPONDER, 50,
                ChannelPair.plaintext(PacketHeader.of(50, false), PingFrame.INSTANCE));
        // the key at offset 8 selects no channel here (PKT-DEMUX-3)
        assertThat(ChannelPair.deliver(fromResponderKey, pair.responder).dropReason())
                .isEqualTo(DropReason.UNKNOWN_CHANNEL);
        byte[] hello = new byte[192];
        Unpooled.wrappedBuffer(hello).setLong(0, PacketType.HELLO.magic());
        assertThat(ChannelPair.deliver(hello, pair.responder).dropReason()).isEqualTo(DropReason.UNKNOWN_MAGIC);
        byte[] runt = java.util.Arrays.copyOf(pingFromInitiator(pair, 51), 79);
        // SPEC PKT-SIZE-4: BAD_PACKET_LENGTH before any cryptography
        assertThat(ChannelPair.deliver(runt, pair.responder).dropReason()).isEqualTo(DropReason.BAD_PACKET_LENGTH);
        assertThat(ChannelPair.deliver(new byte[5], pair.responder).dropReason())
                .isEqualTo(DropReason.DATAGRAM_TOO_SHORT);
        assertThat(pair.responder.state()).isEqualTo(ChannelState.ESTABLISHED);
    }

    @Test
    void everyPlaintextVerdictOfTheMalformedVectorsClosesWithItsErrorCode() {
        List<VectorCase> cases = VectorFiles.cases("malformed.json", VectorFiles.readResource("malformed.json"));
        int checked = 0;
        for (VectorCase vector : cases) {
            byte[] plaintext = vector.input();
            DropReason reason = vector.dropReason() == null ? null : DropReason.valueOf(vector.dropReason());
            if (!vector.groupType().equals("message_plaintext") || reason == null
                    || reason.action() != DropReason.Action.CLOSE_CHANNEL
                    || plaintext.length % 16 != 0 || plaintext.length < 16 || plaintext.length > 1168) {
                continue;
            }
            ChannelPair pair = ChannelPair.established();
            // every such vector numbers its packet 1 in a 2-byte field: 0x10001 has those low bits
            long counter = 0x1_0001;
            ReceiveResult result = ChannelPair.deliver(pair.forge(Role.INITIATOR, counter, plaintext), pair.responder);
            ErrorCode expected = reason.errorCode().orElseThrow();
            assertThat(vector.errorCode()).as(vector.label()).isEqualTo(expected.name());
            // SPEC section 13: a plaintext verdict closes the channel with the verdict's error code
            assertThat(result.outcome()).as(vector.label()).isEqualTo(ReceiveResult.Outcome.CLOSED);
            assertThat(result.dropReason()).as(vector.label()).isEqualTo(reason);
            assertThat(pair.responderDrops.get(reason)).as(vector.label()).isEqualTo(1);
            assertThat(pair.responder.state()).as(vector.label()).isEqualTo(ChannelState.CLOSING);
            List<Frame> frames = pair.open(pair.responderOut.take()).meaningfulFrames();
            CloseFrame close = (CloseFrame) frames.get(frames.size() - 1);
            assertThat(close.errorCode()).as(vector.label()).isEqualTo(expected.code());
            assertThat(close.reason()).as(vector.label()).startsWith(reason.name());
            assertThat(pair.responderEvents.closures).as(vector.label()).hasSize(1);
            assertThat(pair.responderEvents.frameTypes).as(vector.label()).isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(45);
    }

    @Test
    void randomGarbageNeverThrowsAndIsAlwaysDropped() {
        long seed = TestSeed.forTest("randomGarbageNeverThrowsAndIsAlwaysDropped");
        Random random = new Random(seed);
        ChannelPair pair = ChannelPair.established();
        pair.initiator.ping();
        byte[] genuine = pair.initiatorOut.take();
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            byte[] garbage;
            switch (i % 4) {
                case 0:
                    garbage = new byte[random.nextInt(1300)];
                    random.nextBytes(garbage);
                    break;
                case 1:
                    // a well-sized MESSAGE with the right key and a random box
                    garbage = new byte[64 + 16 * (1 + random.nextInt(73))];
                    random.nextBytes(garbage);
                    Unpooled.wrappedBuffer(garbage).setLong(0, PacketType.MESSAGE.magic());
                    System.arraycopy(pair.initiatorShortTerm.publicKey().bytes(), 0, garbage, 8, 32);
                    break;
                case 2:
                    // the genuine packet with a few bits flipped
                    garbage = genuine.clone();
                    for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                        garbage[random.nextInt(garbage.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    break;
                default:
                    // the genuine packet cut or extended
                    garbage = java.util.Arrays.copyOf(genuine, random.nextInt(genuine.length + 64));
                    break;
            }
            inputs.add(garbage);
        }
        long dropped = 0;
        for (byte[] input : inputs) {
            ReceiveResult result = ChannelPair.deliver(input, pair.responder);
            if (result.outcome() == ReceiveResult.Outcome.DROPPED) {
                dropped++;
            } else {
                // only an unchanged genuine packet can pass: flips that cancel out, or a cut at full length
                assertThat(input).isEqualTo(genuine);
            }
        }
        assertThat(dropped).isGreaterThan(2900);
        assertThat(pair.responderDrops.total()).isEqualTo(dropped);
        assertThat(pair.responder.state()).isEqualTo(ChannelState.ESTABLISHED);
        assertThat(pair.responderEvents.closures).isEmpty();
    }
}
