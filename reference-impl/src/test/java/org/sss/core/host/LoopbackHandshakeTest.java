package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.host.LoopbackHosts.connect;
import static org.sss.core.host.LoopbackHosts.join;
import static org.sss.core.host.LoopbackHosts.statistics;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.crypto.PublicKey;
import org.sss.core.negotiation.Role;
import org.sss.core.transport.TransportCounters;

/**
 * Negotiation and MESSAGEs over real UDP sockets on loopback (SPEC.md sections 3 and 5): IPv4 and
 * IPv6, both roles on one socket, many channels on one socket.
 */
class LoopbackHandshakeTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    @Test
    void negotiatesAndCarriesPingsBothWaysOverIpv4() {
        handshakeAndPings(LoopbackHosts.IPV4, Inet4Address.class);
    }

    @Test
    void negotiatesAndCarriesPingsBothWaysOverIpv6() {
        handshakeAndPings(LoopbackHosts.IPV6, Inet6Address.class);
    }

    private void handshakeAndPings(InetAddress loopback, Class<? extends InetAddress> family) {
        HostEvents responderEvents = new HostEvents();
        Host responder = HOSTS.start(HOSTS.config(loopback), responderEvents);
        Host initiator = HOSTS.start(HOSTS.config(loopback).acceptChannels(false), new HostEvents());

        SecureChannel client = connect(initiator, responder.localAddress(), responder);
        SecureChannel server = responderEvents.nextOpened().channel();

        assertThat(client.role()).isEqualTo(Role.INITIATOR);
        assertThat(server.role()).isEqualTo(Role.RESPONDER);
        // SPEC NEG-RPROC-3 step 7: the responder learns the initiator's identity from the vouch
        assertThat(server.peerIdentity()).isEqualTo(initiator.identity());
        assertThat(client.peerIdentity()).isEqualTo(responder.identity());
        // SPEC CRY-KDF-1: both ends derive the same channel ID
        assertThat(client.channelId()).isEqualTo(server.channelId());
        assertThat(server.peerAddress()).isEqualTo(initiator.localAddress());
        assertThat(server.peerAddress().getAddress()).isInstanceOf(family);

        Pings.bothWays(client, server);
        assertThat(statistics(responder).drops()).isEmpty();
        assertThat(LoopbackHosts.dropsBesidesLateCookies(initiator)).isEmpty();
    }

    @Test
    void oneSocketServesAChannelItInitiatedAndAChannelItAccepted() {
        HostEvents eventsA = new HostEvents();
        HostEvents eventsB = new HostEvents();
        Host a = HOSTS.start(HOSTS.config(), eventsA);
        Host b = HOSTS.start(HOSTS.config(), eventsB);
        Host c = HOSTS.start(HOSTS.config().acceptChannels(false), new HostEvents());

        SecureChannel aToB = connect(a, b.localAddress(), b);
        SecureChannel bFromA = eventsB.nextOpened().channel();
        assertThat(eventsA.nextOpened().channel()).isSameAs(aToB);
        SecureChannel cToA = connect(c, a.localAddress(), a);
        SecureChannel aFromC = eventsA.nextOpened().channel();

        assertThat(aToB.role()).isEqualTo(Role.INITIATOR);
        assertThat(aFromC.role()).isEqualTo(Role.RESPONDER);
        // SPEC PKT-DEMUX-3: both channels live on A's one socket, told apart by the peer's short-term key
        assertThat(bFromA.peerAddress()).isEqualTo(a.localAddress());
        assertThat(cToA.peerAddress()).isEqualTo(a.localAddress());
        List<SecureChannel> channelsOfA = join(a.channels());
        assertThat(channelsOfA).extracting(SecureChannel::role)
                .containsExactlyInAnyOrder(Role.INITIATOR, Role.RESPONDER);

        Pings.bothWays(aToB, bFromA);
        Pings.bothWays(cToA, aFromC);
        assertThat(statistics(a).channels()).isEqualTo(2);
        assertThat(LoopbackHosts.dropsBesidesLateCookies(a)).isEmpty();
    }

    @Test
    void oneResponderSocketCarriesTwentyChannelsFromTwentyHosts() {
        int count = 20;
        HostEvents responderEvents = new HostEvents();
        Host responder = HOSTS.start(HOSTS.config(), responderEvents);
        List<Host> initiators = new ArrayList<>();
        List<CompletableFuture<SecureChannel>> connects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Host initiator = HOSTS.start(HOSTS.config().acceptChannels(false), new HostEvents());
            initiators.add(initiator);
            connects.add(initiator.connect(responder.localAddress(), responder.identity()));
        }
        Map<PublicKey, SecureChannel> serverByInitiator = new HashMap<>();
        for (int i = 0; i < count; i++) {
            SecureChannel server = responderEvents.nextOpened().channel();
            serverByInitiator.put(server.peerIdentity(), server);
        }
        assertThat(serverByInitiator).hasSize(count);
        assertThat(statistics(responder).channels()).isEqualTo(count);

        for (int i = 0; i < count; i++) {
            SecureChannel client = join(connects.get(i));
            SecureChannel server = serverByInitiator.get(initiators.get(i).identity());
            assertThat(server).as("the responder's channel with initiator %d", i).isNotNull();
            assertThat(client.channelId()).isEqualTo(server.channelId());
            Pings.bothWays(client, server);
        }
        HostStatistics stats = statistics(responder);
        assertThat(stats.drops()).isEmpty();
        assertThat(stats.transport().get(TransportCounters.Kind.HANDLER_FAILED)).isZero();
    }
}
