package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sss.core.channel.ChannelState;
import org.sss.core.channel.ChannelStatistics;
import org.sss.core.crypto.KeyPair;
import org.sss.core.negotiation.Role;

class HostLoopbackTest {

    private static Host host(BlockingQueue<SecureChannel> opened) throws Exception {
        HostConfig config = HostConfig.builder(KeyPair.generate(new SecureRandom()))
                .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .build();
        return Host.start(config, new HostListener() {
            @Override
            public void onChannelOpened(SecureChannel channel) {
                opened.add(channel);
            }
        });
    }

    @Test
    void twoHostsNegotiateAChannelAndExchangeMessagesBothWays() throws Exception {
        BlockingQueue<SecureChannel> openedAtResponder = new LinkedBlockingQueue<>();
        try (Host responder = host(openedAtResponder); Host initiator = host(new LinkedBlockingQueue<>())) {
            SecureChannel client = initiator.connect(responder.localAddress(), responder.identity())
                    .get(20, TimeUnit.SECONDS);
            SecureChannel server = openedAtResponder.poll(10, TimeUnit.SECONDS);
            assertThat(server).isNotNull();
            assertThat(client.role()).isEqualTo(Role.INITIATOR);
            assertThat(server.role()).isEqualTo(Role.RESPONDER);
            assertThat(client.peerIdentity()).isEqualTo(responder.identity());
            assertThat(server.peerIdentity()).isEqualTo(initiator.identity());
            assertThat(client.channelId()).isEqualTo(server.channelId());

            client.ping().get(5, TimeUnit.SECONDS);
            server.ping().get(5, TimeUnit.SECONDS);
            awaitReceived(client, 2);
            awaitReceived(server, 2);

            client.close("done").get(10, TimeUnit.SECONDS);
            assertThat(server.closed().get(10, TimeUnit.SECONDS).reason()).isEqualTo("done");
            assertThat(client.state()).isNotEqualTo(ChannelState.ESTABLISHED);
        }
    }

    private static void awaitReceived(SecureChannel channel, long packets) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        ChannelStatistics stats;
        do {
            stats = channel.statistics().get(5, TimeUnit.SECONDS);
            if (stats.packetsReceived() >= packets) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertThat(stats.packetsReceived()).as("packets received by %s", channel).isGreaterThanOrEqualTo(packets);
    }
}
