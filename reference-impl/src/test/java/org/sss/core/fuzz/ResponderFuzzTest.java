package org.sss.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.sss.core.crypto.KeyPair;
import org.sss.core.negotiation.Dropped;
import org.sss.core.negotiation.HandshakeJson;
import org.sss.core.negotiation.HelloOutcome;
import org.sss.core.negotiation.HelloRateLimiter;
import org.sss.core.negotiation.InitiateOutcome;
import org.sss.core.negotiation.Responder;
import org.sss.core.time.ManualClock;
import org.sss.core.wire.ResponderCookie;
import org.sss.core.wire.WireLimits;

/**
 * The responder's HELLO and INITIATE handlers on any datagram (SPEC.md section 5.5). The responder
 * has the transcript's long-term key and minute key, so the transcript's packets from
 * spec/vectors/handshake.json are valid for it and the fuzzer can mutate real cookies and boxes.
 * Whatever the datagram: nothing throws; a drop is counted once; only an authentic HELLO draws a
 * COOKIE (one, to its source) and nothing of it is kept (NEG-RPROC-2); an INITIATE sends nothing,
 * and without the transcript's own cookie it creates no channel and no per-peer state (LIM-RES-3).
 */
class ResponderFuzzTest {
    private static final HandshakeJson TRANSCRIPT = HandshakeJson.load();
    private static final KeyPair LONG_TERM = TRANSCRIPT.keyPair("responderLongTermPrivate");
    private static final byte[] MINUTE_KEY = TRANSCRIPT.groupHex("minuteKey");
    private static final InetSocketAddress SOURCE = TRANSCRIPT.initiatorAddress();
    private static final byte[] VALID_INITIATE = TRANSCRIPT.packet(HandshakeJson.INITIATE);
    private static final int COOKIE_OFFSET = 8 + 32;
    private static final Method PER_PEER_STATE_ENTRIES = perPeerStateHook();

    private SentDatagrams sink;
    private Responder responder;

    /** A fresh responder for every execution, so that one input's outcome never depends on earlier ones. */
    private Responder responder() {
        sink = new SentDatagrams();
        responder = Responder.builder(LONG_TERM, sink).random(new ScriptedRandom(7, MINUTE_KEY))
                .clock(new ManualClock()).helloRateLimiter(HelloRateLimiter.unlimited()).build();
        return responder;
    }

    @FuzzTest(maxDuration = "5m")
    void hello(byte[] datagram) {
        Responder r = responder();
        HelloOutcome outcome = r.onHello(Unpooled.wrappedBuffer(datagram), SOURCE);
        if (outcome instanceof HelloOutcome.CookieSent cookie) {
            assertThat(sink.sent).hasSize(1);
            assertThat(sink.sent.get(0).recipient()).isEqualTo(SOURCE);
            assertThat(sink.sent.get(0).bytes()).hasSize(WireLimits.COOKIE_LENGTH).hasSize(cookie.length());
            assertThat(datagram).hasSize(WireLimits.HELLO_LENGTH);
            assertThat(r.dropCounters().total()).isZero();
        } else {
            assertThat(outcome).isInstanceOf(Dropped.class);
            assertThat(sink.sent).as("NEG-ERR-1: nothing answers a dropped HELLO").isEmpty();
            assertThat(r.dropCounters().get(((Dropped) outcome).reason())).isEqualTo(1);
            assertThat(r.dropCounters().total()).isEqualTo(1);
        }
        assertThat(perPeerStateEntries(r)).as("NEG-RPROC-2: nothing about a HELLO is kept").isZero();
    }

    @FuzzTest(maxDuration = "5m")
    void initiate(byte[] datagram) {
        Responder r = responder();
        InitiateOutcome outcome = r.onInitiate(Unpooled.wrappedBuffer(datagram), SOURCE);
        assertThat(sink.sent).as("an INITIATE is never answered by the negotiation layer").isEmpty();
        if (outcome instanceof InitiateOutcome.Accepted accepted) {
            try {
                assertThat(carriesTranscriptCookie(datagram))
                        .as("a channel only from a cookie this responder made").isTrue();
                assertThat(perPeerStateEntries(r)).as("the cookie enters the replay cache").isEqualTo(1);
                assertThat(r.dropCounters().total()).isZero();
            } finally {
                accepted.messagePlaintext().release();
                accepted.channel().sharedKey().destroy();
                accepted.channel().ownShortTerm().destroy();
            }
            return;
        }
        assertThat(outcome).isInstanceOf(Dropped.class);
        assertThat(r.dropCounters().get(((Dropped) outcome).reason())).isEqualTo(1);
        assertThat(r.dropCounters().total()).isEqualTo(1);
        assertThat(perPeerStateEntries(r)).as("LIM-RES-3: nothing is allocated before a cookie verifies").isZero();
    }

    private static boolean carriesTranscriptCookie(byte[] datagram) {
        int end = COOKIE_OFFSET + ResponderCookie.LENGTH;
        return datagram.length >= end && Arrays.equals(datagram, 0, end, VALID_INITIATE, 0, end);
    }

    /**
     * The responder's per-peer entries (replay cache and rate limiter). The count is a package-private
     * test hook of the negotiation package; these tests live in their own package, so it is read
     * reflectively.
     */
    private static int perPeerStateEntries(Responder r) {
        try {
            return (int) PER_PEER_STATE_ENTRIES.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Method perPeerStateHook() {
        try {
            Method hook = Responder.class.getDeclaredMethod("perPeerStateEntries");
            hook.setAccessible(true);
            return hook;
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
