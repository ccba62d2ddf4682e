package org.sss.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seven nonce prefixes and the two nonce shapes. */
class NonceTest {

    @Test
    void prefixesAreTheSevenAsciiStringsOfTheSpec() {
        assertThat(Map.of(
                NoncePrefix.HELLO, "cUVVYcp-CLIENT-h",
                NoncePrefix.COOKIE, "cUVVYcpk",
                NoncePrefix.MINUTE_KEY, "minute-k",
                NoncePrefix.INITIATE, "cUVVYcp-CLIENT-i",
                NoncePrefix.VOUCH, "cUVVYcpv",
                NoncePrefix.MESSAGE_FROM_INITIATOR, "cUVVYcp-CLIENT-m",
                NoncePrefix.MESSAGE_FROM_RESPONDER, "cUVVYcp-SERVER-m"))
                .allSatisfy((prefix, ascii) -> {
                    assertThat(prefix.ascii()).isEqualTo(ascii);
                    assertThat(prefix.bytes()).isEqualTo(ascii.getBytes(StandardCharsets.US_ASCII));
                    assertThat(prefix.length() + prefix.compressedLength()).isEqualTo(Nonce.LENGTH);
                    assertThat(prefix.kind()).isEqualTo(ascii.length() == 16
                            ? NoncePrefix.Kind.COUNTER : NoncePrefix.Kind.RANDOM);
                });
        assertThat(NoncePrefix.values()).hasSize(7);
    }

    @Test
    void counterNonceIsPrefixThenBigEndianCounter() {
        Nonce n = Nonce.counter(NoncePrefix.HELLO, 0x0102030405060708L);
        assertThat(HexFormat.of().formatHex(n.bytes()))
                .isEqualTo(HexFormat.of().formatHex("cUVVYcp-CLIENT-h".getBytes(StandardCharsets.US_ASCII))
                        + "0102030405060708");
        assertThat(n.compressed()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(n.counter()).isEqualTo(0x0102030405060708L);
        assertThat(Nonce.counter(NoncePrefix.HELLO, -1L).compressed()).containsOnly((byte) 0xFF);
    }

    @Test
    void randomNonceIsPrefixThenSixteenBytes() {
        byte[] random = new byte[20];
        for (int i = 0; i < random.length; i++) {
            random[i] = (byte) i;
        }
        Nonce n = Nonce.random(NoncePrefix.VOUCH, random, 4);
        assertThat(n.bytes()).startsWith("cUVVYcpv".getBytes(StandardCharsets.US_ASCII));
        assertThat(n.compressed()).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(Nonce.fromCompressed(NoncePrefix.VOUCH, random, 4)).isEqualTo(n);
    }

    @Test
    void fromCompressedRebuildsTheSenderNonce() {
        Nonce sent = Nonce.counter(NoncePrefix.MESSAGE_FROM_RESPONDER, 77);
        byte[] wire = new byte[10];
        sent.writeCompressed(wire, 2);
        assertThat(Nonce.fromCompressed(NoncePrefix.MESSAGE_FROM_RESPONDER, wire, 2)).isEqualTo(sent);
    }

    @Test
    void aPrefixOfTheWrongKindIsRejected() {
        assertThatThrownBy(() -> Nonce.counter(NoncePrefix.COOKIE, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> Nonce.random(NoncePrefix.HELLO, new byte[16], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NonceCounter().nextNonce(NoncePrefix.VOUCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arbitraryNoncesRecogniseOurPrefixes() {
        assertThat(Nonce.of(Nonce.counter(NoncePrefix.INITIATE, 5).bytes()).prefix()).hasValue(NoncePrefix.INITIATE);
        assertThat(Nonce.of(NaclTestValues.NONCE).prefix()).isEmpty();
        assertThatThrownBy(() -> Nonce.of(NaclTestValues.NONCE).compressed()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Nonce.of(new byte[23])).isInstanceOf(IllegalArgumentException.class);
    }
}
