package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.SecretKey;
import org.sss.core.negotiation.Role;
import org.sss.core.transport.DatagramTap;
import org.sss.core.wire.PacketType;

/**
 * The opt-in capture hooks of {@link HostConfig}: the datagram tap sees both directions with the right
 * addresses, and the key log gets each end's keys once per channel, consistent between the two ends
 * (SPEC SEC-FS-2: off unless configured).
 */
class HostCaptureHooksTest {
    private record Tapped(DatagramTap.Direction direction, byte[] payload, InetSocketAddress local,
            InetSocketAddress remote) {
    }

    private static Host host(List<Tapped> tapped, List<ChannelSecrets> keys) throws Exception {
        HostConfig config = HostConfig.builder(KeyPair.generate(new SecureRandom()))
                .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .datagramTap((direction, payload, local, remote, time) ->
                        tapped.add(new Tapped(direction, payload, local, remote)))
                .channelKeyLog(keys::add)
                .build();
        return Host.start(config, new HostListener() { });
    }

    @Test
    void noHookUnlessConfigured() {
        HostConfig config = HostConfig.builder(KeyPair.generate(new SecureRandom())).build();
        assertThat(config.datagramTap()).isNull();
        assertThat(config.channelKeyLog()).isNull();
    }

    @Test
    void theTapSeesBothDirectionsAndTheKeyLogBothEnds() throws Exception {
        List<Tapped> tappedAtResponder = new CopyOnWriteArrayList<>();
        List<ChannelSecrets> responderKeys = new CopyOnWriteArrayList<>();
        List<ChannelSecrets> initiatorKeys = new CopyOnWriteArrayList<>();
        try (Host responder = host(tappedAtResponder, responderKeys);
                Host initiator = host(new CopyOnWriteArrayList<>(), initiatorKeys)) {
            SecureChannel channel = initiator.connect(responder.localAddress(), responder.identity())
                    .get(20, TimeUnit.SECONDS);
            channel.ping().get(5, TimeUnit.SECONDS);

            assertThat(initiatorKeys).hasSize(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (responderKeys.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(responderKeys).hasSize(1);
            ChannelSecrets i = initiatorKeys.get(0);
            ChannelSecrets r = responderKeys.get(0);
            assertThat(i.role()).isEqualTo(Role.INITIATOR);
            assertThat(r.role()).isEqualTo(Role.RESPONDER);
            assertThat(i.channelKey()).isEqualTo(r.channelKey());
            assertThat(i.channelId()).isEqualTo(r.channelId()).isEqualTo(channel.channelId());
            assertThat(i.initiatorShortTerm()).isEqualTo(r.initiatorShortTerm());
            assertThat(i.responderShortTerm()).isEqualTo(r.responderShortTerm());
            assertThat(KeyPair.fromSecretKey(SecretKey.of(i.ownShortTermSecret())).publicKey())
                    .isEqualTo(i.initiatorShortTerm());
            assertThat(KeyPair.fromSecretKey(SecretKey.of(r.ownShortTermSecret())).publicKey())
                    .isEqualTo(r.responderShortTerm());
            assertThat(r.toString()).doesNotContain(HexFormat.of().formatHex(r.channelKey()));
        }

        Tapped first = tappedAtResponder.get(0);
        assertThat(first.direction()).isEqualTo(DatagramTap.Direction.RECEIVED);
        assertThat(PacketType.fromMagic(ByteBuffer.wrap(first.payload()).getLong())).isEqualTo(PacketType.HELLO);
        Tapped second = tappedAtResponder.get(1);
        assertThat(second.direction()).isEqualTo(DatagramTap.Direction.SENT);
        assertThat(PacketType.fromMagic(ByteBuffer.wrap(second.payload()).getLong())).isEqualTo(PacketType.COOKIE);
        assertThat(second.remote()).isEqualTo(first.remote());
        assertThat(second.local()).isEqualTo(first.local());
        assertThat(tappedAtResponder).extracting(Tapped::direction)
                .contains(DatagramTap.Direction.SENT, DatagramTap.Direction.RECEIVED);
    }
}
