package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.host.LoopbackHosts.connect;
import static org.sss.core.host.LoopbackHosts.join;
import static org.sss.core.host.LoopbackHosts.statistics;
import static org.sss.core.host.LoopbackHosts.transport;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.host.LoopbackRelay.Captured;
import org.sss.core.host.LoopbackRelay.Direction;
import org.sss.core.transport.TransportCounters;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.PacketType;

/**
 * Captured datagrams sent again by a relay on the path (SPEC.md sections 4.6, 5.5, 6.4): each replay
 * is dropped under its verdict and changes nothing.
 */
class ReplayedDatagramTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    /** An initiator and a responder with a relay between them and an established channel. */
    private record Path(Host initiator, Host responder, HostEvents responderEvents, LoopbackRelay relay,
            SecureChannel client, SecureChannel server) {
    }

    private static Path establish(boolean initiatorAcceptsChannels) {
        HostEvents responderEvents = new HostEvents();
        Host responder = HOSTS.start(HOSTS.config(), responderEvents);
        Host initiator = HOSTS.start(HOSTS.config().acceptChannels(initiatorAcceptsChannels), new HostEvents());
        LoopbackRelay relay = HOSTS.relay(responder);
        SecureChannel client = connect(initiator, relay.address(), responder);
        SecureChannel server = responderEvents.nextOpened().channel();
        Pings.bothWays(client, server);
        return new Path(initiator, responder, responderEvents, relay, client, server);
    }

    /** SPEC NEG-RPROC-3 step R1, NEG-RPROC-4: an INITIATE for a live channel goes to its replay window. */
    @Test
    void replayedInitiateWhileItsChannelLivesIsDroppedAsPacketReplayedAndCreatesNoSecondChannel() {
        Path path = establish(false);
        Captured initiate = path.relay.captured(Direction.TO_RESPONDER, PacketType.INITIATE).get(0);
        long before = path.responder.drops().get(DropReason.PACKET_REPLAYED);

        path.relay.replay(initiate);

        Await.until("PACKET_REPLAYED to count the replayed INITIATE",
                () -> path.responder.drops().get(DropReason.PACKET_REPLAYED), n -> n == before + 1);
        path.responderEvents.assertNoneOpenedWithin(Duration.ofMillis(200));
        assertThat(statistics(path.responder).channels()).isEqualTo(1);
        Pings.bothWays(path.client, path.server);
    }

    /**
     * SPEC CRY-COOKIE-7, NEG-RPROC-3 step 5: once the channel is discarded, the INITIATE takes the
     * cookie path again; its cookie still opens (the minute key lives on) but is in the replay cache.
     */
    @Test
    void replayedInitiateAfterItsChannelIsDiscardedIsDroppedAsCookieReplayed() {
        Path path = establish(false);
        Captured initiate = path.relay.captured(Direction.TO_RESPONDER, PacketType.INITIATE).get(0);
        join(path.client.close("done"));
        join(path.server.closed());
        Await.until("both ends to discard the channel",
                () -> statistics(path.responder).channels() + statistics(path.initiator).channels(), n -> n == 0);
        long before = path.responder.drops().get(DropReason.COOKIE_REPLAYED);

        path.relay.replay(initiate);

        Await.until("COOKIE_REPLAYED to count the replayed INITIATE",
                () -> path.responder.drops().get(DropReason.COOKIE_REPLAYED), n -> n == before + 1);
        path.responderEvents.assertNoneOpenedWithin(Duration.ofMillis(200));
        assertThat(statistics(path.responder).channels()).isZero();
    }

    /** SPEC CHN-REPLAY-2: a MESSAGE whose number the window has seen is dropped before its box is opened. */
    @Test
    void replayedMessagesAreDroppedAsPacketReplayedInBothDirections() {
        Path path = establish(false);
        Captured toResponder = last(path.relay.captured(Direction.TO_RESPONDER, PacketType.MESSAGE));
        Captured toInitiator = last(path.relay.captured(Direction.TO_INITIATOR, PacketType.MESSAGE));
        long responderBefore = path.responder.drops().get(DropReason.PACKET_REPLAYED);
        long initiatorBefore = path.initiator.drops().get(DropReason.PACKET_REPLAYED);
        long serverReceived = join(path.server.statistics()).packetsReceived();
        long clientReceived = join(path.client.statistics()).packetsReceived();

        path.relay.replay(toResponder);
        path.relay.replay(toInitiator);

        Await.until("the responder to count the replayed MESSAGE",
                () -> path.responder.drops().get(DropReason.PACKET_REPLAYED), n -> n == responderBefore + 1);
        Await.until("the initiator to count the replayed MESSAGE",
                () -> path.initiator.drops().get(DropReason.PACKET_REPLAYED), n -> n == initiatorBefore + 1);
        assertThat(join(path.server.statistics()).drops()).containsEntry(DropReason.PACKET_REPLAYED, 1L);
        assertThat(join(path.client.statistics()).drops()).containsEntry(DropReason.PACKET_REPLAYED, 1L);
        // CHN-RECV-2: a dropped packet is not accepted (and so never acknowledged)
        assertThat(join(path.server.statistics()).packetsReceived()).isEqualTo(serverReceived);
        assertThat(join(path.client.statistics()).packetsReceived()).isEqualTo(clientReceived);
        Pings.bothWays(path.client, path.server);
    }

    /**
     * A replayed HELLO cannot be told from a new HELLO: telling them apart would need state per
     * HELLO, which NEG-RPROC-2 forbids. So the responder answers it like any HELLO with a fresh
     * COOKIE (a new R' and cookie, NEG-COOKIE-1) and keeps nothing: no channel, no negotiation. The
     * initiator, whose negotiation is over, drops that COOKIE as UNKNOWN_CHANNEL (PKT-DEMUX-2), so
     * no INITIATE follows. The replay costs the responder one X25519 and is never amplified.
     */
    @Test
    void replayedHelloDrawsAFreshCookieThatTheInitiatorDropsAndLeavesNoStateAtTheResponder() {
        Path path = establish(false);
        Captured hello = path.relay.captured(Direction.TO_RESPONDER, PacketType.HELLO).get(0);
        List<Captured> cookiesBefore = path.relay.captured(Direction.TO_INITIATOR, PacketType.COOKIE);
        int initiatesBefore = path.relay.captured(Direction.TO_RESPONDER, PacketType.INITIATE).size();
        long unknownBefore = path.initiator.drops().get(DropReason.UNKNOWN_CHANNEL);

        path.relay.replay(hello);

        List<Captured> cookies = path.relay.awaitCaptured(Direction.TO_INITIATOR, PacketType.COOKIE,
                cookiesBefore.size() + 1);
        Captured fresh = last(cookies);
        assertThat(fresh.bytes()).hasSize(168).hasSizeLessThan(hello.bytes().length);
        assertThat(cookiesBefore).allSatisfy(c -> assertThat(Arrays.equals(c.bytes(), fresh.bytes())).isFalse());
        Await.until("the initiator to drop the unexpected COOKIE as UNKNOWN_CHANNEL",
                () -> path.initiator.drops().get(DropReason.UNKNOWN_CHANNEL), n -> n == unknownBefore + 1);
        path.responderEvents.assertNoneOpenedWithin(Duration.ofMillis(200));
        HostStatistics responder = statistics(path.responder);
        assertThat(responder.channels()).isEqualTo(1);
        assertThat(responder.pendingNegotiations()).isZero();
        assertThat(statistics(path.initiator).pendingNegotiations()).isZero();
        assertThat(path.relay.captured(Direction.TO_RESPONDER, PacketType.INITIATE)).hasSize(initiatesBefore);
    }

    /**
     * An INITIATE whose I' is the R' of a channel the host initiated (R' is public: it heads every
     * MESSAGE of the peer) is not an INITIATE for a channel this host accepted: dropped, nothing
     * thrown, the channel unharmed.
     */
    @Test
    void initiateNamingAChannelTheHostInitiatedIsDroppedWithoutHarm() {
        Path path = establish(true);
        Captured initiate = path.relay.captured(Direction.TO_RESPONDER, PacketType.INITIATE).get(0);
        Captured message = path.relay.captured(Direction.TO_INITIATOR, PacketType.MESSAGE).get(0);
        byte[] forged = initiate.copy();
        System.arraycopy(message.shortTermKey(), 0, forged, PacketType.MAGIC_LENGTH, 32);
        long dropsBefore = path.initiator.drops().total();
        long boxBefore = path.initiator.drops().get(DropReason.BOX_OPEN_FAILED);

        path.relay.inject(Direction.TO_INITIATOR, forged);

        Await.until("the initiator to drop the forged INITIATE", () -> path.initiator.drops().total(),
                n -> n == dropsBefore + 1);
        assertThat(path.initiator.drops().get(DropReason.BOX_OPEN_FAILED)).isEqualTo(boxBefore + 1);
        assertThat(transport(path.initiator, TransportCounters.Kind.HANDLER_FAILED)).isZero();
        assertThat(statistics(path.initiator).channels()).isEqualTo(1);
        Pings.bothWays(path.client, path.server);
    }

    private static Captured last(List<Captured> list) {
        assertThat(list).isNotEmpty();
        return list.get(list.size() - 1);
    }
}
