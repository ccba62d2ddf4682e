package org.sss.core.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.PublicKey;
import org.sss.core.time.ManualClock;
import org.sss.core.wire.PacketType;

/**
 * Whole negotiations between an {@link Initiator} and a {@link Responder} over an in-memory wire,
 * with the test playing the host (demultiplexing, live channels) and the channel layer (the
 * responder's first MESSAGE). SPEC.md section 5.
 */
class HandshakeTest {
    private final long seed = TestSeed.forTest(getClass().getSimpleName());
    private final SecureRandom random = TestSeed.secureRandom(seed);
    private final ManualClock clock = new ManualClock();
    private final SentDatagrams toResponder = new SentDatagrams();
    private final SentDatagrams toInitiator = new SentDatagrams();
    private final KeyPair responderLongTerm = KeyPair.generate(random);
    private final KeyPair initiatorLongTerm = KeyPair.generate(random);
    private final InetSocketAddress responderAddress = ResponderHelloTest.address("192.0.2.1", 9660);
    private final InetSocketAddress initiatorAddress = ResponderHelloTest.address("192.0.2.2", 50000);
    private final Set<PublicKey> live = new HashSet<>();
    private final List<InitiateOutcome.Accepted> accepted = new ArrayList<>();
    private final List<InitiateOutcome.ForLiveChannel> forLiveChannels = new ArrayList<>();
    private final Responder responder = Responder.builder(responderLongTerm, toInitiator).random(random).clock(clock)
            .liveChannels(live::contains).build();
    private final Initiator initiator = Initiator.builder(initiatorLongTerm, responderLongTerm.publicKey(),
            responderAddress, toResponder).random(random).clock(clock).build();

    /** Delivers what the initiator sent to the responder, as a host would demultiplex it (PKT-DEMUX-1). */
    private void deliverToResponder() {
        while (!toResponder.isEmpty()) {
            byte[] datagram = toResponder.take().bytes();
            if (Arrays.equals(datagram, 0, 8, PacketForge.MAGIC_HELLO, 0, 8)) {
                assertThat(responder.onHello(Unpooled.wrappedBuffer(datagram), initiatorAddress))
                        .isInstanceOf(HelloOutcome.CookieSent.class);
            } else {
                InitiateOutcome outcome = responder.onInitiate(Unpooled.wrappedBuffer(datagram), initiatorAddress);
                if (outcome instanceof InitiateOutcome.Accepted a) {
                    accepted.add(a);
                    live.add(a.channel().peerShortTerm());
                    a.messagePlaintext().release();
                } else {
                    assertThat(outcome).isInstanceOf(InitiateOutcome.ForLiveChannel.class);
                    forLiveChannels.add((InitiateOutcome.ForLiveChannel) outcome);
                }
            }
        }
    }

    private CookieOutcome deliverCookie() {
        return initiator.onCookie(Unpooled.wrappedBuffer(toInitiator.take().bytes()), responderAddress);
    }

    /** The channel layer's part: the responder's first MESSAGE, SETTINGS first (NEG-RPROC-5). */
    private byte[] firstMessageOf(NegotiatedChannel responderSide) {
        long pn = responderSide.sendCounter().next();
        return PacketForge.message(responderSide.ownShortTerm(), responderSide.peerShortTerm(),
                responderSide.role().sendPrefix(), pn, PacketForge.settingsMessage(pn));
    }

    @Test
    void negotiatesAChannelThatBothEndsDescribeAlike() {
        initiator.start();
        deliverToResponder();
        assertThat(deliverCookie()).isInstanceOf(CookieOutcome.InitiateSent.class);
        deliverToResponder();
        assertThat(accepted).hasSize(1);
        NegotiatedChannel r = accepted.get(0).channel();
        assertThat(accepted.get(0).packetNumber()).isEqualTo(2);
        assertThat(initiator.responderShortTermKey()).contains(r.ownShortTerm().publicKey());

        FirstMessageOutcome outcome = initiator.onFirstMessage(Unpooled.wrappedBuffer(firstMessageOf(r)));
        assertThat(outcome).isInstanceOf(FirstMessageOutcome.Established.class);
        FirstMessageOutcome.Established established = (FirstMessageOutcome.Established) outcome;
        established.plaintext().release();
        NegotiatedChannel i = established.channel();

        assertThat(i.channelId()).isEqualTo(r.channelId());
        assertThat(i.sharedKey().bytes()).isEqualTo(r.sharedKey().bytes());
        assertThat(i.peerShortTerm()).isEqualTo(r.ownShortTerm().publicKey());
        assertThat(r.peerShortTerm()).isEqualTo(i.ownShortTerm().publicKey());
        assertThat(i.peerLongTerm()).isEqualTo(responderLongTerm.publicKey());
        assertThat(r.peerLongTerm()).isEqualTo(initiatorLongTerm.publicKey());
        assertThat(i.peerAddress()).isEqualTo(responderAddress);
        assertThat(r.peerAddress()).isEqualTo(initiatorAddress);
        assertThat(established.packetNumber()).isEqualTo(1);
        // SPEC CRY-CTR-1: i' numbered HELLO 1 and INITIATE 2; r' numbered its first MESSAGE 1
        assertThat(i.sendCounter().next()).isEqualTo(3);
        assertThat(r.sendCounter().next()).isEqualTo(2);
        assertThat(i.ownShortTerm().isDestroyed()).isFalse();
        assertThat(responder.dropCounters().total()).isZero();
        assertThat(initiator.dropCounters().total()).isZero();
    }

    @Test
    void recoversFromALostCookieByRetransmittingHello() {
        // SPEC NEG-TIMER-1, CRY-CTR-4 example: HELLO 1 lost in reply, HELLO 2 answered, INITIATE 3
        initiator.start();
        deliverToResponder();
        toInitiator.clear();
        clock.advance(Duration.ofMillis(500));
        assertThat(initiator.onTimeout(clock.nanoTime()))
                .isEqualTo(new TimeoutOutcome.Retransmitted(PacketType.HELLO, 2, false));
        deliverToResponder();
        assertThat(deliverCookie()).isEqualTo(new CookieOutcome.InitiateSent(
                initiator.responderShortTermKey().orElseThrow(), 3));
        deliverToResponder();
        assertThat(accepted).hasSize(1);
        assertThat(accepted.get(0).packetNumber()).isEqualTo(3);
    }

    @Test
    void retransmittedInitiatesGoToTheLiveChannelAndARestartMakesANewOne() {
        // SPEC NEG-RPROC-3 step 2, NEG-RPROC-4, NEG-TIMER-6: the responder's MESSAGEs are all lost
        initiator.start();
        deliverToResponder();
        deliverCookie();
        deliverToResponder();
        PublicKey firstKey = initiator.initiatorShortTermKey().orElseThrow();
        assertThat(accepted).hasSize(1);
        for (int retransmission = 0; retransmission < 3; retransmission++) {
            clock.advance(Duration.ofNanos(initiator.nextTimeoutNanos() - clock.nanoTime()));
            assertThat(initiator.onTimeout(clock.nanoTime())).isInstanceOf(TimeoutOutcome.Retransmitted.class);
            deliverToResponder();
        }
        assertThat(forLiveChannels).hasSize(3).allMatch(f -> f.initiatorShortTerm().equals(firstKey));
        assertThat(accepted).hasSize(1);

        clock.advance(Duration.ofNanos(initiator.nextTimeoutNanos() - clock.nanoTime()));
        TimeoutOutcome restart = initiator.onTimeout(clock.nanoTime());
        assertThat(restart).isEqualTo(new TimeoutOutcome.Retransmitted(PacketType.HELLO, 1, true));
        deliverToResponder();
        deliverCookie();
        deliverToResponder();
        assertThat(accepted).hasSize(2);
        NegotiatedChannel second = accepted.get(1).channel();
        assertThat(second.peerShortTerm()).isNotEqualTo(firstKey);

        FirstMessageOutcome outcome = initiator.onFirstMessage(Unpooled.wrappedBuffer(firstMessageOf(second)));
        assertThat(outcome).isInstanceOf(FirstMessageOutcome.Established.class);
        ((FirstMessageOutcome.Established) outcome).plaintext().release();
        assertThat(responder.dropCounters().total()).isZero();
    }

    @Test
    void theFirstMessageOfTheChannelFromBeforeARestartNoLongerSelectsTheNegotiation() {
        initiator.start();
        deliverToResponder();
        deliverCookie();
        deliverToResponder();
        NegotiatedChannel first = accepted.get(0).channel();
        TimeoutOutcome outcome;
        do {
            clock.advance(Duration.ofNanos(initiator.nextTimeoutNanos() - clock.nanoTime()));
            outcome = initiator.onTimeout(clock.nanoTime());
        } while (!(outcome instanceof TimeoutOutcome.Retransmitted r && r.freshShortTermKey()));
        FirstMessageOutcome late = initiator.onFirstMessage(Unpooled.wrappedBuffer(firstMessageOf(first)));
        assertThat(late).isInstanceOf(Dropped.class);
        assertThat(((Dropped) late).reason()).isEqualTo(org.sss.core.wire.DropReason.UNKNOWN_CHANNEL);
        assertThat(initiator.state()).isEqualTo(Initiator.State.HELLO_SENT);
    }
}
