package org.sss.core.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.KeyDerivation;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.PublicKey;
import org.sss.core.testing.TestSeed;
import org.sss.core.time.ManualClock;
import org.sss.core.wire.DropReason;

/** The responder's INITIATE processing, SPEC.md section 5.5 steps 1 to 9, with cookies per section 4.6. */
class ResponderInitiateTest {
    private final long seed = TestSeed.forTest(getClass().getSimpleName());
    private final SecureRandom random = TestSeed.secureRandom(seed);
    private final ManualClock clock = new ManualClock();
    private final SentDatagrams sent = new SentDatagrams();
    private final KeyPair responderLongTerm = KeyPair.generate(random);
    private final KeyPair initiatorLongTerm = KeyPair.generate(random);
    private final KeyPair initiatorShortTerm = KeyPair.generate(random);
    private final InetSocketAddress source = ResponderHelloTest.address("192.0.2.7", 40000);
    private final Set<PublicKey> live = new HashSet<>();
    private InitiatorPolicy policy = InitiatorPolicy.allowAll();
    private final Responder responder = Responder.builder(responderLongTerm, sent).random(random).clock(clock)
            .helloRateLimiter(HelloRateLimiter.unlimited()).liveChannels(live::contains)
            .policy((identity, address) -> policy.accepts(identity, address)).build();

    /** A HELLO from {@link #source} and the COOKIE it drew, opened. */
    private PacketForge.OpenedCookie cookie() {
        responder.onHello(Unpooled.wrappedBuffer(PacketForge.hello(initiatorShortTerm, responderLongTerm.publicKey(), 1)),
                source);
        return PacketForge.openCookie(sent.take().bytes(), initiatorShortTerm, responderLongTerm.publicKey());
    }

    private PacketForge.Initiate initiate() {
        return new PacketForge.Initiate(initiatorShortTerm, initiatorLongTerm, responderLongTerm.publicKey(), cookie());
    }

    private InitiateOutcome feed(byte[] datagram) {
        return feed(datagram, source);
    }

    private InitiateOutcome feed(byte[] datagram, InetSocketAddress from) {
        InitiateOutcome outcome = responder.onInitiate(Unpooled.wrappedBuffer(datagram), from);
        if (outcome instanceof InitiateOutcome.Accepted accepted) {
            accepted.messagePlaintext().release();
        }
        return outcome;
    }

    private void assertDropped(InitiateOutcome outcome, DropReason reason) {
        assertThat(outcome).isInstanceOf(Dropped.class);
        assertThat(((Dropped) outcome).reason()).isEqualTo(reason);
        assertThat(responder.dropCounters().get(reason)).isEqualTo(1);
        assertThat(sent.isEmpty()).as("NEG-ERR-1: nothing is sent in answer to a dropped INITIATE").isTrue();
    }

    @Test
    void acceptsAValidInitiateAndHandsOverTheChannel() {
        PacketForge.Initiate initiate = initiate();
        initiate.counter = 7;
        InitiateOutcome outcome = responder.onInitiate(Unpooled.wrappedBuffer(initiate.build()), source);

        assertThat(outcome).isInstanceOf(InitiateOutcome.Accepted.class);
        InitiateOutcome.Accepted accepted = (InitiateOutcome.Accepted) outcome;
        try {
            NegotiatedChannel channel = accepted.channel();
            BoxKey initiatorView = PacketForge.beforenm(initiate.responderShortTerm, initiatorShortTerm.secretKey());
            assertThat(channel.role()).isEqualTo(Role.RESPONDER);
            assertThat(channel.ownShortTerm().publicKey()).isEqualTo(initiate.responderShortTerm);
            assertThat(channel.peerShortTerm()).isEqualTo(initiatorShortTerm.publicKey());
            assertThat(channel.peerLongTerm()).isEqualTo(initiatorLongTerm.publicKey());
            assertThat(channel.sharedKey().bytes()).isEqualTo(initiatorView.bytes());
            // SPEC CRY-KDF-1: both ends derive the same channel ID
            assertThat(channel.channelId()).isEqualTo(KeyDerivation.channelId(initiatorView,
                    initiatorShortTerm.publicKey(), initiate.responderShortTerm));
            assertThat(channel.peerAddress()).isEqualTo(source);
            assertThat(accepted.packetNumber()).isEqualTo(7);
            assertThat(ByteBufUtil.getBytes(accepted.messagePlaintext())).isEqualTo(PacketForge.settingsMessage(7));
        } finally {
            accepted.messagePlaintext().release();
        }
        assertThat(responder.dropCounters().total()).isZero();
        assertThat(responder.perPeerStateEntries()).isEqualTo(1);
    }

    @Test
    void dropsInitiatesOfBadLength() {
        // SPEC PKT-SIZE-3: 256 + M, M a multiple of 16 in [16, 976]
        byte[] good = initiate().build();
        for (int length : new int[] {8, 271, 273, 256, 1248, good.length - 1, good.length + 1}) {
            byte[] datagram = Arrays.copyOf(good, length);
            InitiateOutcome outcome = feed(datagram);
            assertThat(((Dropped) outcome).reason()).as("length %d", length).isEqualTo(DropReason.BAD_PACKET_LENGTH);
        }
        assertThat(responder.dropCounters().get(DropReason.BAD_PACKET_LENGTH)).isEqualTo(7);
    }

    @Test
    void passesAnInitiateForALiveChannelToThatChannelWithoutTouchingItsCookie() {
        // SPEC NEG-RPROC-3 step 2: steps 3 to 12 are skipped; even a cookie that would not open is not looked at
        byte[] garbageCookie = PacketForge.flip(initiate().build(), 8 + 32 + 20);
        live.add(initiatorShortTerm.publicKey());
        assertThat(feed(garbageCookie)).isEqualTo(new InitiateOutcome.ForLiveChannel(initiatorShortTerm.publicKey()));
        assertThat(responder.dropCounters().total()).isZero();
        assertThat(responder.replayCache().size()).isZero();
    }

    @Test
    void dropsACookieWithAModifiedByte() {
        // SPEC CRY-COOKIE-6, step 3
        assertDropped(feed(PacketForge.flip(initiate().build(), 8 + 32 + 16 + 20)), DropReason.COOKIE_INVALID);
    }

    @Test
    void dropsACookieUsedFromAnotherPort() {
        // SPEC CRY-COOKIE-4, CRY-COOKIE-6: the cookie is bound to the HELLO's address and port
        assertDropped(feed(initiate().build(), new InetSocketAddress(source.getAddress(), source.getPort() + 1)),
                DropReason.COOKIE_INVALID);
    }

    @Test
    void dropsACookieUsedFromAnotherAddress() {
        assertDropped(feed(initiate().build(), ResponderHelloTest.address("192.0.2.8", source.getPort())),
                DropReason.COOKIE_INVALID);
    }

    @Test
    void acceptsACookieFromAnIpv4MappedSourceAsFromItsIpv4Address() {
        // SPEC CRY-COOKIE-4: ::ffff:a.b.c.d derives the same t_addr as a.b.c.d
        byte[] packet = initiate().build();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(source.getAddress().getAddress(), 0, mapped, 12, 4);
        InetSocketAddress from;
        try {
            from = new InetSocketAddress(java.net.Inet6Address.getByAddress(null, mapped, -1), source.getPort());
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
        assertThat(feed(packet, from)).isInstanceOf(InitiateOutcome.Accepted.class);
    }

    @Test
    void acceptsACookieUnderThePreviousMinuteKeyForAtLeastSixtySeconds() {
        // SPEC CRY-COOKIE-2, CRY-COOKIE-6: a cookie made just before a rotation still opens 60 s later
        clock.advance(Duration.ofSeconds(59));
        byte[] packet = initiate().build();
        clock.advance(Duration.ofSeconds(60));
        assertThat(responder.minuteKeys().hasPrevious(clock.nanoTime())).isTrue();
        assertThat(feed(packet)).isInstanceOf(InitiateOutcome.Accepted.class);
    }

    @Test
    void dropsACookieWhoseMinuteKeyHasBeenErased() {
        // SPEC CRY-COOKIE-3: erased 120 s after it became current; never opened afterwards
        byte[] packet = initiate().build();
        clock.advance(Duration.ofSeconds(120).plusNanos(1));
        responder.onTimer(clock.nanoTime());
        assertDropped(feed(packet), DropReason.COOKIE_INVALID);
    }

    @Test
    void dropsACookieWhoseMinuteKeyHasBeenErasedEvenIfTheTimerDidNotRun() {
        // SPEC CRY-COOKIE-3: the rotation is applied on use, not only when the host's timer fires
        clock.advance(Duration.ofSeconds(59));
        byte[] packet = initiate().build();
        clock.advance(Duration.ofSeconds(61));
        assertDropped(feed(packet), DropReason.COOKIE_INVALID);
    }

    @Test
    void dropsAnInitiateWhoseShortTermKeyIsNotTheCookies() {
        // SPEC NEG-RPROC-3 step 4: COOKIE_MISMATCH
        PacketForge.Initiate initiate = initiate();
        initiate.packetShortTerm = KeyPair.generate(random).publicKey();
        assertDropped(feed(initiate.build()), DropReason.COOKIE_MISMATCH);
    }

    @Test
    void dropsTheSameInitiateTheSecondTimeWhenNoChannelIsLive() {
        // SPEC CRY-COOKIE-7, step 5: COOKIE_REPLAYED
        byte[] packet = initiate().build();
        assertThat(feed(packet)).isInstanceOf(InitiateOutcome.Accepted.class);
        assertDropped(feed(packet), DropReason.COOKIE_REPLAYED);
    }

    @Test
    void dropsANewInitiateThatReusesAnAcceptedCookie() {
        PacketForge.Initiate initiate = initiate();
        assertThat(feed(initiate.build())).isInstanceOf(InitiateOutcome.Accepted.class);
        initiate.counter = 3;
        assertDropped(feed(initiate.build()), DropReason.COOKIE_REPLAYED);
    }

    @Test
    void aForgedInitiateCarryingACopiedCookieDoesNotBlockTheGenuineOne() {
        // SPEC CRY-COOKIE-8: only fully accepted INITIATEs put their cookie in the cache
        byte[] genuine = initiate().build();
        assertDropped(feed(PacketForge.flip(genuine, 144)), DropReason.BOX_OPEN_FAILED);
        assertThat(feed(genuine)).isInstanceOf(InitiateOutcome.Accepted.class);
    }

    @Test
    void dropsAnInitiateWhoseBoxWasModified() {
        // SPEC NEG-RPROC-3 step 6
        assertDropped(feed(PacketForge.flip(initiate().build(), 200)), DropReason.BOX_OPEN_FAILED);
    }

    @Test
    void dropsAnInitiateWhoseCounterWasModified() {
        assertDropped(feed(PacketForge.flip(initiate().build(), 143)), DropReason.BOX_OPEN_FAILED);
    }

    @Test
    void dropsAVouchForAnotherShortTermKey() {
        // SPEC NEG-INITIATE-2, step 7
        PacketForge.Initiate initiate = initiate();
        initiate.vouchedKey = KeyPair.generate(random).publicKey();
        assertDropped(feed(initiate.build()), DropReason.VOUCH_INVALID);
    }

    @Test
    void dropsAVouchMadeByAnotherLongTermKeyThanTheOneNamed() {
        PacketForge.Initiate initiate = initiate();
        initiate.vouchSigner = KeyPair.generate(random).secretKey();
        assertDropped(feed(initiate.build()), DropReason.VOUCH_INVALID);
    }

    @Test
    void dropsAnInitiateNamingASmallOrderIdentity() {
        // SPEC CRY-PRIM-4: the vouch cannot open under an all-zero shared secret
        PacketForge.Initiate initiate = initiate();
        initiate.claimedIdentity = PublicKey.of(new byte[32]);
        assertDropped(feed(initiate.build()), DropReason.VOUCH_INVALID);
    }

    @Test
    void refusesAnIdentityThePolicyRejectsSilentlyAndWithoutAVerdict() {
        // SPEC NEG-RPROC-6: dropped silently; counted as a refusal, not under a verdict; the cookie stays unused
        policy = InitiatorPolicy.allowList(Set.of(KeyPair.generate(random).publicKey()));
        byte[] packet = initiate().build();
        assertThat(feed(packet)).isEqualTo(new InitiateOutcome.Refused(initiatorLongTerm.publicKey(), source));
        assertThat(responder.refusals()).isEqualTo(1);
        assertThat(responder.dropCounters().total()).isZero();
        assertThat(responder.replayCache().size()).isZero();
        assertThat(sent.isEmpty()).isTrue();
        policy = InitiatorPolicy.allowList(Set.of(initiatorLongTerm.publicKey()));
        assertThat(feed(packet)).isInstanceOf(InitiateOutcome.Accepted.class);
    }

    @Test
    void dropsAnInitiateWhoseMessageHeaderCarriesAnotherPacketNumber() {
        // SPEC NEG-RPROC-3 step 9, CHN-HDR-5
        PacketForge.Initiate initiate = initiate();
        initiate.message = PacketForge.settingsMessage(initiate.counter + 1);
        assertDropped(feed(initiate.build()), DropReason.PACKET_NUMBER_MISMATCH);
        assertThat(responder.replayCache().size()).isZero();
    }

    @Test
    void acceptsAnInitiateWithAMalformedHeaderForTheChannelToClose() {
        // SPEC NEG-RPROC-3 steps 9 and 11: only a well-formed header is compared; a malformed one closes the new channel
        PacketForge.Initiate initiate = initiate();
        byte[] message = PacketForge.settingsMessage(initiate.counter);
        message[0] |= (byte) 0x80;
        initiate.message = message;
        assertThat(feed(initiate.build())).isInstanceOf(InitiateOutcome.Accepted.class);
    }

    @Test
    void forgetsAcceptedCookiesOnlyAfterTheirMinuteKeyCanNoLongerOpenThem() {
        assertThat(feed(initiate().build())).isInstanceOf(InitiateOutcome.Accepted.class);
        long acceptedAt = clock.nanoTime();
        assertThat(responder.nextTimeoutNanos()).isEqualTo(acceptedAt + Duration.ofSeconds(60).toNanos());
        clock.advance(Duration.ofSeconds(119));
        responder.onTimer(clock.nanoTime());
        assertThat(responder.replayCache().size()).isEqualTo(1);
        assertThat(responder.nextTimeoutNanos()).isEqualTo(acceptedAt + Duration.ofSeconds(120).toNanos());
        clock.advance(Duration.ofSeconds(1));
        responder.onTimer(clock.nanoTime());
        assertThat(responder.replayCache().size()).isZero();
    }
}
