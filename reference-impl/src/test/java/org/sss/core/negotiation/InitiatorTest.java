package org.sss.core.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.testing.TestSeed;
import org.sss.core.time.ManualClock;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.FrameCodec;
import org.sss.core.wire.FrameReader;
import org.sss.core.wire.MessagePlaintext;
import org.sss.core.wire.PingFrame;
import org.sss.core.wire.Setting;
import org.sss.core.wire.SettingsFrame;
import org.sss.core.wire.SettingsTag;

/** The initiator's COOKIE and first-MESSAGE processing (SPEC.md section 5.5) and the INITIATE it builds (5.4). */
class InitiatorTest {
    private final long seed = TestSeed.forTest(getClass().getSimpleName());
    private final SecureRandom random = TestSeed.secureRandom(seed);
    private final ManualClock clock = new ManualClock();
    private final SentDatagrams toResponder = new SentDatagrams();
    private final SentDatagrams toInitiator = new SentDatagrams();
    private final KeyPair responderLongTerm = KeyPair.generate(random);
    private final KeyPair initiatorLongTerm = KeyPair.generate(random);
    private final InetSocketAddress responderAddress = ResponderHelloTest.address("192.0.2.1", 9660);
    private final InetSocketAddress initiatorAddress = ResponderHelloTest.address("192.0.2.2", 50000);
    private final Responder responder = Responder.builder(responderLongTerm, toInitiator).random(random).clock(clock)
            .helloRateLimiter(HelloRateLimiter.unlimited()).build();

    private Initiator initiator(InitiateContent content) {
        return Initiator.builder(initiatorLongTerm, responderLongTerm.publicKey(), responderAddress, toResponder)
                .random(random).clock(clock).content(content).build();
    }

    private Initiator initiator() {
        return Initiator.builder(initiatorLongTerm, responderLongTerm.publicKey(), responderAddress, toResponder)
                .random(random).clock(clock).build();
    }

    /** Starts {@code initiator} and returns the COOKIE the responder sent for its HELLO. */
    private byte[] cookieFor(Initiator initiator) {
        initiator.start();
        responder.onHello(Unpooled.wrappedBuffer(toResponder.take().bytes()), initiatorAddress);
        return toInitiator.take().bytes();
    }

    private static Supplier<Object> cookie(Initiator initiator, byte[] datagram,
            InetSocketAddress from) {
        return () -> initiator.onCookie(Unpooled.wrappedBuffer(datagram), from);
    }

    private static Supplier<Object> message(Initiator initiator, byte[] datagram) {
        return () -> initiator.onFirstMessage(Unpooled.wrappedBuffer(datagram));
    }

    /** The call drops with {@code reason}, counts it once under that verdict, and sends nothing. */
    private void assertDropped(Initiator initiator, Supplier<Object> call, DropReason reason) {
        long before = initiator.dropCounters().get(reason);
        long total = initiator.dropCounters().total();
        Object outcome = call.get();
        assertThat(outcome).isInstanceOf(Dropped.class);
        assertThat(((Dropped) outcome).reason()).isEqualTo(reason);
        assertThat(initiator.dropCounters().get(reason)).isEqualTo(before + 1);
        assertThat(initiator.dropCounters().total()).isEqualTo(total + 1);
        assertThat(toResponder.isEmpty()).as("NEG-ERR-1").isTrue();
    }

    @Test
    void dropsACookieFromAnotherAddressThanTheHellosAsUnknownChannel() {
        // SPEC PKT-DEMUX-2, NEG-IPROC-1 step 2
        Initiator initiator = initiator();
        byte[] cookie = cookieFor(initiator);
        assertDropped(initiator, cookie(initiator, cookie, initiatorAddress), DropReason.UNKNOWN_CHANNEL);
        assertDropped(initiator, cookie(initiator, cookie,
                new InetSocketAddress(responderAddress.getAddress(), 9661)), DropReason.UNKNOWN_CHANNEL);
        assertThat(initiator.state()).isEqualTo(Initiator.State.HELLO_SENT);
        assertThat(toResponder.isEmpty()).isTrue();
        assertThat(initiator.onCookie(Unpooled.wrappedBuffer(cookie), responderAddress))
                .isInstanceOf(CookieOutcome.InitiateSent.class);
    }

    @Test
    void dropsACookieBeforeStartAsUnknownChannel() {
        Initiator initiator = initiator();
        Initiator other = initiator();
        byte[] cookie = cookieFor(other);
        assertDropped(initiator, cookie(initiator, cookie, responderAddress), DropReason.UNKNOWN_CHANNEL);
    }

    @Test
    void dropsACookieOfTheWrongLength() {
        // SPEC PKT-SIZE-2, NEG-IPROC-1 step 1
        Initiator initiator = initiator();
        byte[] cookie = cookieFor(initiator);
        assertDropped(initiator, cookie(initiator, Arrays.copyOf(cookie, 167), responderAddress),
                DropReason.BAD_PACKET_LENGTH);
        assertDropped(initiator, cookie(initiator, Arrays.copyOf(cookie, 169), responderAddress),
                DropReason.BAD_PACKET_LENGTH);
    }

    @Test
    void dropsACookieWhoseBoxDoesNotOpen() {
        // SPEC NEG-COOKIE-3
        Initiator initiator = initiator();
        byte[] cookie = cookieFor(initiator);
        assertDropped(initiator, cookie(initiator, PacketForge.flip(cookie, 30), responderAddress),
                DropReason.BOX_OPEN_FAILED);
        assertDropped(initiator, cookie(initiator, PacketForge.flip(cookie, 8), responderAddress),
                DropReason.BOX_OPEN_FAILED);
        // a COOKIE made for another negotiation's I'
        byte[] foreign = cookieFor(initiator());
        assertDropped(initiator, cookie(initiator, foreign, responderAddress), DropReason.BOX_OPEN_FAILED);
        assertThat(initiator.dropCounters().get(DropReason.BOX_OPEN_FAILED)).isEqualTo(3);
        assertThat(initiator.state()).isEqualTo(Initiator.State.HELLO_SENT);
    }

    @Test
    void acceptsOnlyTheFirstCookie() {
        // SPEC NEG-COOKIE-4: later COOKIEs (answers to retransmitted HELLOs) are dropped by demultiplexing
        Initiator initiator = initiator();
        byte[] first = cookieFor(initiator);
        assertThat(initiator.onCookie(Unpooled.wrappedBuffer(first), responderAddress))
                .isInstanceOf(CookieOutcome.InitiateSent.class);
        toResponder.take();
        assertDropped(initiator, cookie(initiator, first, responderAddress), DropReason.UNKNOWN_CHANNEL);
    }

    @Test
    void theInitiateCarriesAPaddedVersionedMessageNumberedByItsCounterThatBeginsWithSettings() {
        // SPEC NEG-INITIATE-3, NEG-INITIATE-4, NEG-VER-1, CHN-PLAIN-1, FRM-SET-1
        SettingsFrame settings = new SettingsFrame(List.of(Setting.of(SettingsTag.IDLE_TIMEOUT_MS, 30_000)));
        Initiator initiator = initiator((pn, out, max) -> {
            FrameCodec.encode(settings, out);
            FrameCodec.encode(new PingFrame(), out);
        });
        initiator.onCookie(Unpooled.wrappedBuffer(cookieFor(initiator)), responderAddress);
        byte[] initiate = toResponder.take().bytes();
        InitiateOutcome outcome = responder.onInitiate(Unpooled.wrappedBuffer(initiate), initiatorAddress);
        InitiateOutcome.Accepted accepted = (InitiateOutcome.Accepted) outcome;
        try {
            assertThat(accepted.packetNumber()).isEqualTo(2);
            // header 5 + SETTINGS 11 + PING 1 = 17 bytes, padded to 32
            assertThat(accepted.messagePlaintext().readableBytes()).isEqualTo(32);
            MessagePlaintext message = FrameReader.decode(accepted.messagePlaintext().duplicate()).value();
            assertThat(message.header().version()).isEqualTo(1);
            assertThat(message.header().matchesCounter(2)).isTrue();
            assertThat(message.frames().get(0)).isEqualTo(settings);
            assertThat(message.frames().get(1)).isInstanceOf(PingFrame.class);
        } finally {
            accepted.messagePlaintext().release();
        }
        assertThat(initiate).hasSize(256 + 32);
    }

    @Test
    void refusesContentThatDoesNotBeginWithSettings() {
        // SPEC NEG-INITIATE-4: API misuse, not a wire fault
        Initiator initiator = initiator((pn, out, max) -> FrameCodec.encode(new PingFrame(), out));
        byte[] cookie = cookieFor(initiator);
        assertThatThrownBy(() -> initiator.onCookie(Unpooled.wrappedBuffer(cookie), responderAddress))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SETTINGS");
    }

    @Test
    void refusesContentLargerThanAnInitiateCanCarry() {
        // SPEC PKT-SIZE-3: M <= 976
        Initiator initiator = initiator((pn, out, max) -> {
            FrameCodec.encode(new SettingsFrame(List.of()), out);
            out.writeZero(max);
        });
        byte[] cookie = cookieFor(initiator);
        assertThatThrownBy(() -> initiator.onCookie(Unpooled.wrappedBuffer(cookie), responderAddress))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at most");
    }

    @Test
    void aFullSizeInitiateIs1232Bytes() {
        Initiator initiator = initiator((pn, out, max) -> {
            FrameCodec.encode(new SettingsFrame(List.of()), out);
            out.writeZero(max - 3);
        });
        initiator.onCookie(Unpooled.wrappedBuffer(cookieFor(initiator)), responderAddress);
        assertThat(toResponder.take().bytes()).hasSize(1232);
    }

    /** Drives a negotiation to INITIATE_SENT and returns the responder's accepted channel. */
    private NegotiatedChannel untilInitiateAccepted(Initiator initiator) {
        initiator.onCookie(Unpooled.wrappedBuffer(cookieFor(initiator)), responderAddress);
        InitiateOutcome.Accepted accepted = (InitiateOutcome.Accepted) responder.onInitiate(
                Unpooled.wrappedBuffer(toResponder.take().bytes()), initiatorAddress);
        accepted.messagePlaintext().release();
        return accepted.channel();
    }

    private static byte[] responderMessage(NegotiatedChannel responderSide, NoncePrefix prefix, long counter,
            long headerPacketNumber) {
        return PacketForge.message(responderSide.ownShortTerm(), responderSide.peerShortTerm(), prefix, counter,
                PacketForge.settingsMessage(headerPacketNumber));
    }

    @Test
    void dropsFirstMessagesThatDoNotOpenOrNameAnotherKey() {
        // SPEC PKT-DEMUX-3, PKT-DEMUX-5, CRY-NONCE-2, CHN-HDR-5
        Initiator initiator = initiator();
        NegotiatedChannel responderSide = untilInitiateAccepted(initiator);
        byte[] good = responderMessage(responderSide, NoncePrefix.MESSAGE_FROM_RESPONDER, 1, 1);

        assertDropped(initiator, message(initiator, PacketForge.flip(good, 50)),
                DropReason.BOX_OPEN_FAILED);
        assertDropped(initiator, message(initiator,
                responderMessage(responderSide, NoncePrefix.MESSAGE_FROM_INITIATOR, 1, 1)), DropReason.BOX_OPEN_FAILED);
        assertDropped(initiator, message(initiator, PacketForge.flip(good, 8)),
                DropReason.UNKNOWN_CHANNEL);
        assertDropped(initiator, message(initiator, Arrays.copyOf(good, good.length - 1)),
                DropReason.BAD_PACKET_LENGTH);
        assertDropped(initiator, message(initiator,
                responderMessage(responderSide, NoncePrefix.MESSAGE_FROM_RESPONDER, 1, 2)),
                DropReason.PACKET_NUMBER_MISMATCH);
        assertThat(initiator.state()).isEqualTo(Initiator.State.INITIATE_SENT);

        FirstMessageOutcome outcome = initiator.onFirstMessage(Unpooled.wrappedBuffer(good));
        assertThat(outcome).isInstanceOf(FirstMessageOutcome.Established.class);
        FirstMessageOutcome.Established established = (FirstMessageOutcome.Established) outcome;
        established.plaintext().release();
        assertThat(established.channel().channelId()).isEqualTo(responderSide.channelId());
        // SPEC NEG-IPROC-4: no INITIATE once a MESSAGE has been accepted
        assertThat(initiator.nextTimeoutNanos()).isEqualTo(Initiator.NO_TIMEOUT);
        assertDropped(initiator, message(initiator, good), DropReason.UNKNOWN_CHANNEL);
    }

    @Test
    void dropsAMessageBeforeAnyCookieAsUnknownChannel() {
        Initiator initiator = initiator();
        initiator.start();
        toResponder.take();
        Initiator other = initiator();
        NegotiatedChannel responderSide = untilInitiateAccepted(other);
        assertDropped(initiator, message(initiator,
                responderMessage(responderSide, NoncePrefix.MESSAGE_FROM_RESPONDER, 1, 1)), DropReason.UNKNOWN_CHANNEL);
    }

    @Test
    void abandonErasesTheShortTermKey() {
        Initiator initiator = initiator();
        initiator.start();
        KeyPair shortTerm = initiator.shortTermKeyPair();
        initiator.abandon("application closed");
        assertThat(shortTerm.isDestroyed()).isTrue();
        assertThat(initiator.state()).isEqualTo(Initiator.State.FAILED);
        assertThat(initiator.failureReason()).contains("application closed");
        assertThat(initiator.initiatorShortTermKey()).isEmpty();
    }

    @Test
    void startsOnlyOnce() {
        Initiator initiator = initiator();
        initiator.start();
        assertThatThrownBy(initiator::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsASmallOrderResponderKeyAtBuildTime() {
        assertThatThrownBy(() -> Initiator.builder(initiatorLongTerm, org.sss.core.crypto.PublicKey.of(new byte[32]),
                responderAddress, toResponder).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("responderLongTerm");
    }

    static String hex(byte[] b) {
        return ByteBufUtil.hexDump(b);
    }
}
