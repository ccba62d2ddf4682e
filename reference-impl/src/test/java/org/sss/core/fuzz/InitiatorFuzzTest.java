package org.sss.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import org.sss.core.negotiation.CookieOutcome;
import org.sss.core.negotiation.Dropped;
import org.sss.core.negotiation.FirstMessageOutcome;
import org.sss.core.negotiation.HandshakeJson;
import org.sss.core.negotiation.Initiator;
import org.sss.core.time.ManualClock;

/**
 * The initiator's COOKIE and first-MESSAGE handlers on any datagram (SPEC.md section 5.5). The
 * initiator has the transcript's keys (spec/vectors/handshake.json), so the transcript's COOKIE and
 * the responder's first MESSAGE are valid for it and the fuzzer mutates real boxes. Whatever the
 * datagram: nothing throws, a drop is counted once, sends nothing and leaves the negotiation where
 * it was; only the transcript's own packet moves it on.
 *
 * <p>A negotiation that dropped a datagram is in the state it was before, so it serves the next
 * execution too (building one costs several X25519 operations); one that moved on is replaced.
 */
class InitiatorFuzzTest {
    private static final HandshakeJson TRANSCRIPT = HandshakeJson.load();
    private static final InetSocketAddress RESPONDER = TRANSCRIPT.responderAddress();
    private static final byte[] COOKIE = TRANSCRIPT.packet(HandshakeJson.COOKIE);
    private static final byte[] FIRST_MESSAGE = TRANSCRIPT.packet(HandshakeJson.RESPONDER_MESSAGE);

    private final SentDatagrams sink = new SentDatagrams();
    private Initiator waitingForCookie;
    private Initiator waitingForMessage;

    /** A negotiation that has sent the transcript's HELLO and awaits its COOKIE. */
    private Initiator newWaitingForCookie() {
        Initiator initiator = Initiator.builder(TRANSCRIPT.keyPair("initiatorLongTermPrivate"),
                        TRANSCRIPT.publicKey("responderLongTermPublic"), RESPONDER, sink)
                .random(new ScriptedRandom(11, TRANSCRIPT.groupHex("initiatorShortTermPrivate")))
                .clock(new ManualClock()).build();
        initiator.start();
        return initiator;
    }

    @FuzzTest(maxDuration = "5m")
    void cookie(byte[] datagram) {
        if (waitingForCookie == null || waitingForCookie.state() != Initiator.State.HELLO_SENT) {
            waitingForCookie = newWaitingForCookie();
        }
        Initiator initiator = waitingForCookie;
        sink.sent.clear();
        long drops = initiator.dropCounters().total();
        CookieOutcome outcome = initiator.onCookie(Unpooled.wrappedBuffer(datagram), RESPONDER);
        if (outcome instanceof CookieOutcome.InitiateSent) {
            assertThat(datagram).as("only the transcript's COOKIE is authentic").isEqualTo(COOKIE);
            assertThat(sink.sent).hasSize(1);
            assertThat(initiator.state()).isEqualTo(Initiator.State.INITIATE_SENT);
            return;
        }
        assertDroppedOnce(initiator, drops, (Dropped) outcome, Initiator.State.HELLO_SENT);
    }

    @FuzzTest(maxDuration = "5m")
    void firstMessage(byte[] datagram) {
        if (waitingForMessage == null || waitingForMessage.state() != Initiator.State.INITIATE_SENT) {
            waitingForMessage = newWaitingForCookie();
            assertThat(waitingForMessage.onCookie(Unpooled.wrappedBuffer(COOKIE), RESPONDER))
                    .isInstanceOf(CookieOutcome.InitiateSent.class);
        }
        Initiator initiator = waitingForMessage;
        sink.sent.clear();
        long drops = initiator.dropCounters().total();
        FirstMessageOutcome outcome = initiator.onFirstMessage(Unpooled.wrappedBuffer(datagram));
        if (outcome instanceof FirstMessageOutcome.Established established) {
            try {
                assertThat(datagram).as("only the transcript's MESSAGE is authentic").isEqualTo(FIRST_MESSAGE);
                assertThat(initiator.state()).isEqualTo(Initiator.State.ESTABLISHED);
                assertThat(sink.sent).isEmpty();
            } finally {
                established.plaintext().release();
                established.channel().sharedKey().destroy();
            }
            return;
        }
        assertDroppedOnce(initiator, drops, (Dropped) outcome, Initiator.State.INITIATE_SENT);
    }

    private void assertDroppedOnce(Initiator initiator, long dropsBefore, Dropped dropped, Initiator.State unchanged) {
        assertThat(initiator.dropCounters().get(dropped.reason())).isPositive();
        assertThat(initiator.dropCounters().total()).isEqualTo(dropsBefore + 1);
        assertThat(sink.sent).as("NEG-ERR-1: nothing answers a dropped packet").isEmpty();
        assertThat(initiator.state()).isEqualTo(unchanged);
    }
}
