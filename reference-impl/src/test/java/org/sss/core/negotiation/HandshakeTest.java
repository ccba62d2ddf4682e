package org.sss.core.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sss.core.channel.Channel;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.channel.ChannelEnvironment;
import org.sss.core.channel.ChannelState;
import org.sss.core.channel.ReceiveResult;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.PublicKey;
import org.sss.core.testing.TestSeed;
import org.sss.core.time.ManualClock;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.DropCounters;
import org.sss.core.wire.Frame;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PacketType;
import org.sss.core.wire.PlaintextWriter;
import org.sss.core.wire.SettingsFrame;
import org.sss.core.wire.WireLimits;

/**
 * Whole negotiations between an {@link Initiator} and a {@link Responder} over an in-memory wire,
 * with the test playing the host (demultiplexing, live channels) and the channel layer (the
 * responder's first MESSAGE). SPEC.md section 5; and what the initiator's hand-over says about its
 * INITIATEs, and what a {@link Channel} built from it makes of ACKs of them (section 6.5).
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
    /** When each INITIATE of the current attempt was sent, and its length, in the order sent. */
    private final List<Long> initiateTimes = new ArrayList<>();
    private final List<Integer> initiateSizes = new ArrayList<>();
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
                initiateTimes.add(clock.nanoTime());
                initiateSizes.add(datagram.length);
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

    /** HELLO, COOKIE, then {@code initiates} INITIATEs each on its retransmission timer. */
    private void negotiateUpToInitiates(int initiates) {
        initiator.start();
        deliverToResponder();
        clock.advance(Duration.ofMillis(40));
        deliverCookie();
        deliverToResponder();
        for (int i = 1; i < initiates; i++) {
            clock.advance(Duration.ofNanos(initiator.nextTimeoutNanos() - clock.nanoTime()));
            assertThat(initiator.onTimeout(clock.nanoTime())).isEqualTo(
                    new TimeoutOutcome.Retransmitted(PacketType.INITIATE, 2 + i, false));
            deliverToResponder();
        }
    }

    /** The responder's first MESSAGE, SETTINGS first, then {@code ack}; the initiator accepts it. */
    private FirstMessageOutcome.Established firstMessage(AckFrame ack) {
        NegotiatedChannel responderSide = accepted.get(accepted.size() - 1).channel();
        long pn = responderSide.sendCounter().next();
        ByteBuf plaintext = Unpooled.buffer();
        PlaintextWriter.write(PacketHeader.of(pn, true), List.<Frame>of(new SettingsFrame(List.of()), ack), plaintext,
                WireLimits.MAX_PLAINTEXT);
        byte[] datagram = PacketForge.message(responderSide.ownShortTerm(), responderSide.peerShortTerm(),
                responderSide.role().sendPrefix(), pn, ByteBufUtil.getBytes(plaintext));
        return (FirstMessageOutcome.Established) initiator.onFirstMessage(Unpooled.wrappedBuffer(datagram));
    }

    private Channel channel(NegotiatedChannel negotiated, SentDatagrams sink) {
        ChannelConfig config = ChannelConfig.builder().packetNumberSkipPeriod(0).build();
        ChannelEnvironment env = new ChannelEnvironment(clock, new Random(seed), CryptoProvider.bouncyCastle(),
                new UnpooledByteBufAllocator(false), new DropCounters(), sink);
        return Channel.create(negotiated, config, env, (packetNumber, frames) -> { });
    }

    @Test
    void initiatorHandsOverItsInitiatesWithNumbersSendTimesAndWhatTheyCarried() {
        negotiateUpToInitiates(3);
        FirstMessageOutcome.Established established = firstMessage(AckFrame.of(2, 4, 0, List.of()));
        established.plaintext().release();
        // SPEC CRY-CTR-1, NEG-TIMER-4: HELLO 1, then INITIATEs 2, 3 and 4, each with the version field and SETTINGS
        assertThat(established.channel().initiates()).containsExactly(
                new SentInitiate(2, initiateTimes.get(0), initiateSizes.get(0), true, true),
                new SentInitiate(3, initiateTimes.get(1), initiateSizes.get(1), true, true),
                new SentInitiate(4, initiateTimes.get(2), initiateSizes.get(2), true, true));
        assertThat(accepted.get(0).channel().initiates()).isEmpty();
    }

    @Test
    void afterARestartOnlyTheInitiatesOfTheFinalKeyAreHandedOver() {
        negotiateUpToInitiates(4);
        // SPEC NEG-TIMER-6: a fresh key pair and counter; the old INITIATEs belong to another channel
        clock.advance(Duration.ofNanos(initiator.nextTimeoutNanos() - clock.nanoTime()));
        assertThat(initiator.onTimeout(clock.nanoTime()))
                .isEqualTo(new TimeoutOutcome.Retransmitted(PacketType.HELLO, 1, true));
        initiateTimes.clear();
        initiateSizes.clear();
        deliverToResponder();
        deliverCookie();
        deliverToResponder();
        FirstMessageOutcome.Established established = firstMessage(AckFrame.of(2, 2, 0, List.of()));
        established.plaintext().release();
        assertThat(established.channel().initiates())
                .containsExactly(new SentInitiate(2, initiateTimes.get(0), initiateSizes.get(0), true, true));
    }

    @Test
    void channelTakesAnRttSampleFromTheAckOfTheLargestInitiate() {
        negotiateUpToInitiates(2);
        long secondSentAt = initiateTimes.get(1);
        clock.advance(Duration.ofMillis(70));
        FirstMessageOutcome.Established established = firstMessage(AckFrame.of(2, 3, 0, List.of()));
        Channel channel = channel(established.channel(), new SentDatagrams());
        assertThat(channel.acceptFirstPacket(established.packetNumber(), established.plaintext()))
                .isEqualTo(ReceiveResult.ACCEPTED);
        established.plaintext().release();
        // SPEC CHN-RTT-1: one sample, from INITIATE 3, the largest newly acknowledged
        assertThat(channel.statistics().rtt().samples()).isEqualTo(1);
        assertThat(channel.statistics().rtt().latest()).isEqualTo(Duration.ofNanos(clock.nanoTime() - secondSentAt));
        // SPEC NEG-VER-1, FRM-SET-1: the INITIATEs carried both, so the channel's MESSAGEs carry neither
        assertThat(channel.maxFramesLength()).isEqualTo(WireLimits.MAX_PLAINTEXT - WireLimits.MIN_HEADER_LENGTH);
    }

    @Test
    void channelClosesOnAnAckOfANumberNoInitiateUsed() {
        negotiateUpToInitiates(2);
        // SPEC CHN-ACK-10: INITIATE 3 is the largest number sent; 4 was never sent
        FirstMessageOutcome.Established established = firstMessage(AckFrame.of(2, 4, 0, List.of()));
        SentDatagrams out = new SentDatagrams();
        Channel channel = channel(established.channel(), out);
        assertThat(channel.acceptFirstPacket(established.packetNumber(), established.plaintext()))
                .isEqualTo(ReceiveResult.CLOSED_BY_RULE);
        established.plaintext().release();
        assertThat(channel.state()).isEqualTo(ChannelState.CLOSING);
        assertThat(out.size()).isEqualTo(1);
    }
}
