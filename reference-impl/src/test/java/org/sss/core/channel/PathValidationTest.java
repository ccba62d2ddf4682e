package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sss.core.wire.Frame;
import org.sss.core.wire.PathChallengeFrame;
import org.sss.core.wire.PathResponseFrame;
import org.sss.core.wire.PingFrame;
import org.sss.core.wire.StreamFrame;

/**
 * SPEC.md section 6.10 and 7.16 on a channel pair: a packet from a new address starts a validation
 * (CHN-PATH-2) within an amplification budget (CHN-PATH-3), a matching response moves the channel
 * (CHN-PATH-4) with fresh congestion and RTT state unless only the port changed (CHN-PATH-5), an
 * unanswered validation is abandoned (CHN-PATH-6) after new challenges each PTO (CHN-PATH-7), and a
 * challenge is answered in the next packet to where it came from (FRM-PATH-1, FRM-PATH-2).
 */
class PathValidationTest {
    private static final InetSocketAddress REBOUND_PORT =
            new InetSocketAddress(ChannelPair.INITIATOR_ADDRESS.getAddress(), 40001);
    private static final InetSocketAddress NEW_HOST = address("127.0.0.9", 40000);

    private static InetSocketAddress address(String host, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The initiator sends a PING; the responder receives it from {@code from}. */
    private static void pingFrom(ChannelPair pair, InetSocketAddress from) {
        pair.initiator.send(List.of(PingFrame.INSTANCE));
        byte[] datagram = pair.initiatorOut.take();
        pair.responder.onMessage(Unpooled.wrappedBuffer(datagram), from);
    }

    /** Every datagram the responder sent since {@code fromIndex}, with its recipient. */
    private static List<ChannelPair.Opened> sentTo(ChannelPair pair, InetSocketAddress to, int fromIndex) {
        List<ChannelPair.Opened> out = new ArrayList<>();
        for (int i = fromIndex; i < pair.responderOut.history.size(); i++) {
            if (pair.responderOut.recipients.get(i).equals(to)) {
                out.add(pair.open(pair.responderOut.history.get(i)));
            }
        }
        return out;
    }

    private static List<Long> challenges(List<ChannelPair.Opened> packets) {
        List<Long> data = new ArrayList<>();
        for (ChannelPair.Opened p : packets) {
            for (Frame f : p.frames()) {
                if (f instanceof PathChallengeFrame c) {
                    data.add(c.data());
                }
            }
        }
        return data;
    }

    /** Whether the responder is still validating an address. */
    private static boolean validating(ChannelPair pair) {
        return pair.responder.addressBeingValidated() != null;
    }

    private static void respond(ChannelPair pair, long data, InetSocketAddress from) {
        pair.initiator.send(List.of(new PathResponseFrame(data)));
        pair.responder.onMessage(Unpooled.wrappedBuffer(pair.initiatorOut.take()), from);
    }

    @Test
    void aPacketFromANewAddressIsProcessedAndStartsAValidationThatAMatchingResponseCompletes() {
        ChannelPair pair = ChannelPair.established();
        pair.responderOut.drain();
        int mark = pair.responderOut.history.size();

        pingFrom(pair, NEW_HOST);

        // CHN-PATH-1 the packet was processed (acknowledged); CHN-PATH-2 a challenge went to the new address
        List<Long> sent = challenges(sentTo(pair, NEW_HOST, mark));
        assertThat(sent).as("PATH_CHALLENGE to the new address").hasSize(1);
        assertThat(pair.responder.peerAddress()).as("not validated yet").isEqualTo(ChannelPair.INITIATOR_ADDRESS);

        respond(pair, sent.get(0), NEW_HOST);

        assertThat(pair.responder.peerAddress()).as("CHN-PATH-4").isEqualTo(NEW_HOST);
        int after = pair.responderOut.history.size();
        pair.responder.send(List.of(PingFrame.INSTANCE));
        assertThat(pair.responderOut.recipients.get(after)).as("CHN-PATH-4: then sends there").isEqualTo(NEW_HOST);
    }

    @Test
    void aResponseWithOtherDataValidatesNothing() {
        ChannelPair pair = ChannelPair.established();
        pair.responderOut.drain();
        int mark = pair.responderOut.history.size();
        pingFrom(pair, NEW_HOST);
        long data = challenges(sentTo(pair, NEW_HOST, mark)).get(0);

        respond(pair, data ^ 1, NEW_HOST);

        // FRM-PATH-2
        assertThat(pair.responder.peerAddress()).isEqualTo(ChannelPair.INITIATOR_ADDRESS);
        assertThat(pair.responder.state()).isEqualTo(ChannelState.ESTABLISHED);
    }

    @Test
    void anUnvalidatedAddressGetsAtMostThreeTimesTheBytesReceivedFromIt() {
        ChannelPair pair = ChannelPair.established();
        pair.responderOut.drain();
        int mark = pair.responderOut.history.size();
        pair.initiator.send(List.of(PingFrame.INSTANCE));
        byte[] ping = pair.initiatorOut.take();
        pair.responder.onMessage(Unpooled.wrappedBuffer(ping.clone()), NEW_HOST);

        byte[] data = new byte[900];
        for (int i = 0; i < 20; i++) {
            pair.responder.send(List.of(StreamFrame.builder(2).offset(i * 900L).data(data).build()));
        }

        long toNew = 0;
        long toOld = 0;
        for (int i = mark; i < pair.responderOut.history.size(); i++) {
            if (pair.responderOut.recipients.get(i).equals(NEW_HOST)) {
                toNew += pair.responderOut.history.get(i).length;
            } else {
                toOld += pair.responderOut.history.get(i).length;
            }
        }
        // CHN-PATH-3
        assertThat(toNew).as("bytes to the unvalidated address").isPositive().isLessThanOrEqualTo(3L * ping.length);
        assertThat(toOld).as("the rest goes to the validated address").isPositive();
    }

    @Test
    void anUnansweredValidationAsksAgainEachPtoThenIsAbandoned() {
        ChannelPair pair = ChannelPair.established();
        pair.responderOut.drain();
        int mark = pair.responderOut.history.size();
        pingFrom(pair, NEW_HOST);
        // more budget for the repeated challenges
        pingFrom(pair, NEW_HOST);
        pingFrom(pair, NEW_HOST);

        long ptoAtStart = pair.responder.probeTimeoutNanos();
        long abandonBy = Math.max(3 * ptoAtStart, PathValidator.MIN_VALIDATION_NANOS);
        long elapsed = 0;
        long step = Duration.ofMillis(50).toNanos();
        while (pair.responder.peerAddress().equals(ChannelPair.INITIATOR_ADDRESS) && elapsed < abandonBy + step
                && validating(pair)) {
            pair.advance(Duration.ofNanos(step));
            elapsed += step;
        }
        List<Long> sent = challenges(sentTo(pair, NEW_HOST, mark));
        // CHN-PATH-7: new challenges with new data while the validation runs
        assertThat(sent).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sent.get(1)).isNotEqualTo(sent.get(0));
        // CHN-PATH-6: not before 3 s, and by max(3 PTO, 3 s)
        assertThat(elapsed).isGreaterThanOrEqualTo(PathValidator.MIN_VALIDATION_NANOS).isLessThanOrEqualTo(abandonBy + step);
        // CHN-PATH-6: abandoned; the previous address is kept and used
        assertThat(pair.responder.peerAddress()).isEqualTo(ChannelPair.INITIATOR_ADDRESS);
        int after = pair.responderOut.history.size();
        pair.responder.send(List.of(PingFrame.INSTANCE));
        assertThat(pair.responderOut.recipients.get(after)).isEqualTo(ChannelPair.INITIATOR_ADDRESS);
        // an answer to an abandoned challenge no longer validates anything
        respond(pair, sent.get(0), NEW_HOST);
        assertThat(pair.responder.peerAddress()).isEqualTo(ChannelPair.INITIATOR_ADDRESS);
    }

    @Test
    void aChallengeIsAnsweredInTheNextPacketToItsSourceWithTheSameData() {
        ChannelPair pair = ChannelPair.established();
        pair.responderOut.drain();
        int mark = pair.responderOut.history.size();
        pair.initiator.send(List.of(new PathChallengeFrame(0x0123456789abcdefL)));
        pair.responder.onMessage(Unpooled.wrappedBuffer(pair.initiatorOut.take()), REBOUND_PORT);

        // FRM-PATH-1: the next packet, to the address the challenge came from
        assertThat(pair.responderOut.recipients.get(mark)).isEqualTo(REBOUND_PORT);
        List<Frame> next = pair.open(pair.responderOut.history.get(mark)).frames();
        assertThat(next).contains(new PathResponseFrame(0x0123456789abcdefL));
        // FRM-PATH-3: one response for one challenge
        long responses = pair.responderOut.history.stream().skip(mark)
                .flatMap(d -> pair.open(d).frames().stream()).filter(f -> f instanceof PathResponseFrame).count();
        assertThat(responses).isEqualTo(1);
    }

    @Test
    void aNewHostResetsCongestionAndRttButAPortChangeKeepsThem() {
        for (InetSocketAddress to : List.of(NEW_HOST, REBOUND_PORT)) {
            ChannelPair pair = ChannelPair.established();
            // an RTT sample far from the initial 500 ms
            pair.initiator.send(List.of(PingFrame.INSTANCE));
            pair.clock.advance(Duration.ofMillis(20));
            pair.flush();
            pair.responder.send(List.of(PingFrame.INSTANCE));
            pair.clock.advance(Duration.ofMillis(20));
            pair.flush();
            long rttBefore = pair.responder.smoothedRttNanos();
            assertThat(rttBefore).isLessThan(Duration.ofMillis(400).toNanos());
            pair.responderOut.drain();
            int mark = pair.responderOut.history.size();

            pingFrom(pair, to);
            respond(pair, challenges(sentTo(pair, to, mark)).get(0), to);

            assertThat(pair.responder.peerAddress()).isEqualTo(to);
            long initial = ChannelConfig.defaults().initialRtt().toNanos();
            if (to == NEW_HOST) {
                assertThat(pair.responder.smoothedRttNanos()).as("CHN-PATH-5: new path, RTT reset").isEqualTo(initial);
            } else {
                assertThat(pair.responder.smoothedRttNanos()).as("port-only change keeps the RTT").isEqualTo(rttBefore);
            }
        }
    }
}
