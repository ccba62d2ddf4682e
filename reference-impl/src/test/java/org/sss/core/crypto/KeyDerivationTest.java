package org.sss.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** channel_id and the address-bound minute key. */
class KeyDerivationTest {
    private final MinuteKey t = MinuteKey.of(DeterministicBytes.of("KeyDerivationTest t", 32));

    @Test
    void ipv4MappedIpv6DerivesTheSameKeyAsIpv4() throws Exception {
        byte[] v4 = {127, 0, 0, 1};
        byte[] mapped = CryptoVectors.literalBytes("::ffff:127.0.0.1");
        assertThat(mapped).hasSize(16);
        Inet6Address mapped6 = Inet6Address.getByAddress(null, mapped, -1);
        byte[] expected = KeyDerivation.addressBoundMinuteKey(t, v4, 40000).bytes();
        assertThat(KeyDerivation.addressBoundMinuteKey(t, mapped, 40000).bytes()).isEqualTo(expected);
        assertThat(KeyDerivation.addressBoundMinuteKey(t, mapped6, 40000).bytes()).isEqualTo(expected);
        assertThat(KeyDerivation.addressBoundMinuteKey(t, new InetSocketAddress("127.0.0.1", 40000)).bytes())
                .isEqualTo(expected);
    }

    @Test
    void addressAndPortEachChangeTheKey() throws Exception {
        byte[] base = KeyDerivation.addressBoundMinuteKey(t, InetAddress.getByName("::1"), 40000).bytes();
        assertThat(KeyDerivation.addressBoundMinuteKey(t, InetAddress.getByName("::1"), 40001).bytes()).isNotEqualTo(base);
        assertThat(KeyDerivation.addressBoundMinuteKey(t, InetAddress.getByName("::2"), 40000).bytes()).isNotEqualTo(base);
        MinuteKey other = MinuteKey.of(DeterministicBytes.of("KeyDerivationTest other t", 32));
        assertThat(KeyDerivation.addressBoundMinuteKey(other, InetAddress.getByName("::1"), 40000).bytes())
                .isNotEqualTo(base);
    }

    @Test
    void plainIpv6KeepsSixteenBytes() {
        byte[] compat = new byte[16];
        compat[15] = 1;
        assertThat(KeyDerivation.normalizeAddress(compat)).hasSize(16);
        assertThat(KeyDerivation.normalizeAddress(CryptoVectors.literalBytes("::ffff:10.1.2.3"))).containsExactly(10, 1, 2, 3);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> KeyDerivation.addressBoundMinuteKey(t, new byte[4], 65536))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("port");
        assertThatThrownBy(() -> KeyDerivation.addressBoundMinuteKey(t, new byte[5], 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("address");
        assertThatThrownBy(() -> KeyDerivation.addressBoundMinuteKey(t, InetSocketAddress.createUnresolved("x", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("address");
    }

    @Test
    void channelIdIsTheSameFromBothSidesAndDependsOnKeyOrder() {
        KeyPair i = DeterministicBytes.keyPair("KeyDerivationTest i'");
        KeyPair r = DeterministicBytes.keyPair("KeyDerivationTest r'");
        CryptoProvider crypto = CryptoProvider.bouncyCastle();
        BoxKey initiatorView = crypto.beforenm(r.publicKey(), i.secretKey()).orElseThrow();
        BoxKey responderView = crypto.beforenm(i.publicKey(), r.secretKey()).orElseThrow();
        byte[] id = KeyDerivation.channelId(initiatorView, i.publicKey(), r.publicKey());
        assertThat(id).hasSize(16);
        assertThat(KeyDerivation.channelId(responderView, i.publicKey(), r.publicKey())).isEqualTo(id);
        assertThat(KeyDerivation.channelId(responderView, r.publicKey(), i.publicKey())).isNotEqualTo(id);
    }

    @Test
    void destroyedMinuteKeyCannotDerive() {
        MinuteKey k = MinuteKey.of(new byte[32]);
        k.destroy();
        assertThatThrownBy(() -> KeyDerivation.addressBoundMinuteKey(k, new byte[4], 1))
                .isInstanceOf(IllegalStateException.class);
    }
}
