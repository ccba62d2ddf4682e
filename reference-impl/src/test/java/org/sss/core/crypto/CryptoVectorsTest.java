package org.sss.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.crypto.VectorFile.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector of crypto.json holds for the reference implementation and for libsodium, read from
 * the file (not from the generator) so the check is independent of how the file was made.
 */
class CryptoVectorsTest {
    private final CryptoProvider crypto = CryptoProvider.bouncyCastle();
    private final SecretBox secretBox = crypto.newSecretBox();
    private final Libsodium sodium = Libsodium.get();

    @Test
    void fileFollowsTheVectorSchema() throws IOException {
        VectorFile file = VectorFile.read("crypto.json");
        file.checkSchema("crypto");
        assertThat(file.tests()).extracting(gt -> gt[0].get("type").asText()).contains("x25519", "hsalsa20",
                "beforenm", "secretbox", "box", "nonce", "channel-id", "address-bound-minute-key");
        assertThat(file.tests()).filteredOn(gt -> gt[0].get("type").asText().equals("nonce"))
                .extracting(gt -> gt[1].get("prefix").asText())
                .containsAll(Stream.of(NoncePrefix.values()).map(Enum::name).toList());
    }

    @TestFactory
    Stream<DynamicTest> everyVectorHoldsForBouncyCastleAndLibsodium() throws IOException {
        return VectorFile.read("crypto.json").tests().stream()
                .map(gt -> DynamicTest.dynamicTest(VectorFile.label(gt[0], gt[1]), () -> check(gt[0].get("type").asText(), gt[1])));
    }

    private void check(String type, JsonNode t) throws Exception {
        boolean valid = t.get("result").asText().equals("valid");
        switch (type) {
            case "x25519":
                x25519(t, valid);
                break;
            case "hsalsa20":
                hsalsa20(t);
                break;
            case "beforenm":
                beforenm(t, valid);
                break;
            case "secretbox":
                secretbox(t, valid);
                break;
            case "box":
                box(t, valid);
                break;
            case "nonce":
                nonce(t);
                break;
            case "channel-id":
                channelId(t);
                break;
            case "address-bound-minute-key":
                addressBoundMinuteKey(t);
                break;
            default:
                throw new AssertionError("unknown group type " + type);
        }
    }

    private void x25519(JsonNode t, boolean valid) {
        byte[] sk = hex(t, "private");
        byte[] pk = hex(t, "public");
        byte[] ours = new byte[32];
        byte[] theirs = new byte[32];
        boolean accepted = crypto.keyAgreement().agree(SecretKey.of(sk), PublicKey.of(pk), ours, 0);
        int rc = sodium.crypto_scalarmult(theirs, sk, pk);
        assertThat(accepted).isEqualTo(valid);
        assertThat(rc).isEqualTo(valid ? 0 : -1);
        if (valid) {
            assertThat(ours).isEqualTo(hex(t, "shared"));
            assertThat(theirs).isEqualTo(hex(t, "shared"));
        }
    }

    private void hsalsa20(JsonNode t) {
        byte[] ours = new byte[32];
        HSalsa20.hsalsa20(ours, 0, hex(t, "input"), 0, hex(t, "key"), 0);
        byte[] theirs = new byte[32];
        assertThat(sodium.crypto_core_hsalsa20(theirs, hex(t, "input"), hex(t, "key"), null)).isZero();
        assertThat(ours).isEqualTo(hex(t, "output"));
        assertThat(theirs).isEqualTo(hex(t, "output"));
    }

    private void beforenm(JsonNode t, boolean valid) {
        byte[] theirs = new byte[32];
        int rc = sodium.crypto_box_beforenm(theirs, hex(t, "public"), hex(t, "private"));
        var ours = crypto.beforenm(PublicKey.of(hex(t, "public")), SecretKey.of(hex(t, "private")));
        assertThat(ours.isPresent()).isEqualTo(valid);
        assertThat(rc).isEqualTo(valid ? 0 : -1);
        if (valid) {
            assertThat(ours.orElseThrow().bytes()).isEqualTo(hex(t, "key"));
            assertThat(theirs).isEqualTo(hex(t, "key"));
        }
    }

    private void secretbox(JsonNode t, boolean valid) {
        byte[] key = hex(t, "key");
        byte[] nonce = hex(t, "nonce");
        byte[] ct = hex(t, "ct");
        byte[] sodiumOut = new byte[Math.max(0, ct.length - 16)];
        int rc = sodium.crypto_secretbox_open_easy(sodiumOut, ct, ct.length, nonce, key);
        var ours = secretBox.open(BoxKey.of(key), Nonce.of(nonce), ct);
        if (valid) {
            byte[] msg = hex(t, "msg");
            assertThat(ours).hasValue(msg);
            assertThat(rc).isZero();
            assertThat(sodiumOut).isEqualTo(msg);
            assertThat(secretBox.seal(BoxKey.of(key), Nonce.of(nonce), msg)).isEqualTo(ct);
            byte[] sealed = new byte[msg.length + 16];
            assertThat(sodium.crypto_secretbox_easy(sealed, msg, msg.length, nonce, key)).isZero();
            assertThat(sealed).isEqualTo(ct);
        } else {
            assertThat(ours).isEmpty();
            assertThat(rc).isEqualTo(-1);
        }
    }

    private void box(JsonNode t, boolean valid) {
        byte[] nonce = hex(t, "nonce");
        byte[] ct = hex(t, "ct");
        byte[] senderPk = hex(t, "senderPublic");
        byte[] recipientSk = hex(t, "recipientPrivate");
        assertThat(crypto.keyAgreement().publicKey(SecretKey.of(recipientSk)).bytes()).isEqualTo(hex(t, "recipientPublic"));
        BoxKey recipientView = crypto.beforenm(PublicKey.of(senderPk), SecretKey.of(recipientSk)).orElseThrow();
        byte[] sodiumOut = new byte[Math.max(0, ct.length - 16)];
        int rc = sodium.crypto_box_open_easy(sodiumOut, ct, ct.length, nonce, senderPk, recipientSk);
        var ours = secretBox.open(recipientView, Nonce.of(nonce), ct);
        if (valid) {
            byte[] msg = hex(t, "msg");
            byte[] senderSk = hex(t, "senderPrivate");
            assertThat(crypto.keyAgreement().publicKey(SecretKey.of(senderSk)).bytes()).isEqualTo(senderPk);
            assertThat(ours).hasValue(msg);
            assertThat(rc).isZero();
            assertThat(sodiumOut).isEqualTo(msg);
            BoxKey senderView = crypto.beforenm(PublicKey.of(hex(t, "recipientPublic")), SecretKey.of(senderSk)).orElseThrow();
            assertThat(secretBox.seal(senderView, Nonce.of(nonce), msg)).isEqualTo(ct);
            byte[] sealed = new byte[msg.length + 16];
            assertThat(sodium.crypto_box_easy(sealed, msg, msg.length, nonce, hex(t, "recipientPublic"), senderSk)).isZero();
            assertThat(sealed).isEqualTo(ct);
        } else {
            assertThat(ours).isEmpty();
            assertThat(rc).isEqualTo(-1);
        }
    }

    private void nonce(JsonNode t) {
        NoncePrefix prefix = NoncePrefix.valueOf(t.get("prefix").asText());
        assertThat(prefix.ascii()).isEqualTo(t.get("prefixAscii").asText());
        byte[] expected = hex(t, "nonce");
        assertThat(expected).startsWith(t.get("prefixAscii").asText().getBytes(StandardCharsets.US_ASCII));
        Nonce n = prefix.kind() == NoncePrefix.Kind.COUNTER
                ? Nonce.counter(prefix, Long.parseUnsignedLong(t.get("counter").asText()))
                : Nonce.random(prefix, hex(t, "random"), 0);
        assertThat(n.bytes()).isEqualTo(expected);
        assertThat(n.compressed()).isEqualTo(hex(t, "compressed"));
        assertThat(Nonce.fromCompressed(prefix, hex(t, "compressed"), 0)).isEqualTo(n);
    }

    private void channelId(JsonNode t) {
        PublicKey initiator = PublicKey.of(hex(t, "initiatorShortTermPublic"));
        PublicKey responder = PublicKey.of(hex(t, "responderShortTermPublic"));
        SecretKey i = SecretKey.of(hex(t, "initiatorShortTermPrivate"));
        SecretKey r = SecretKey.of(hex(t, "responderShortTermPrivate"));
        assertThat(crypto.keyAgreement().publicKey(i)).isEqualTo(initiator);
        assertThat(crypto.keyAgreement().publicKey(r)).isEqualTo(responder);
        BoxKey k = crypto.beforenm(responder, i).orElseThrow();
        assertThat(k.bytes()).isEqualTo(hex(t, "key"));
        assertThat(crypto.beforenm(initiator, r).orElseThrow().bytes()).isEqualTo(hex(t, "key"));
        assertThat(KeyDerivation.channelId(k, initiator, responder)).isEqualTo(hex(t, "channelId"));
        byte[] input = WireBytes.concat("SSS channel id".getBytes(StandardCharsets.US_ASCII), hex(t, "key"),
                initiator.bytes(), responder.bytes());
        byte[] digest = new byte[64];
        sodium.crypto_hash_sha512(digest, input, input.length);
        assertThat(Arrays.copyOf(digest, 16)).isEqualTo(hex(t, "channelId"));
    }

    private void addressBoundMinuteKey(JsonNode t) throws Exception {
        byte[] given = hex(t, "addressBytes");
        int port = t.get("port").asInt();
        MinuteKey minuteKey = MinuteKey.of(hex(t, "minuteKey"));
        assertThat(CryptoVectors.literalBytes(t.get("address").asText())).isEqualTo(given);
        assertThat(KeyDerivation.normalizeAddress(given)).isEqualTo(hex(t, "normalizedAddress"));
        assertThat(KeyDerivation.addressBoundMinuteKey(minuteKey, given, port).bytes()).isEqualTo(hex(t, "key"));
        assertThat(KeyDerivation.addressBoundMinuteKey(minuteKey,
                java.net.InetAddress.getByName(t.get("address").asText()), port).bytes()).isEqualTo(hex(t, "key"));
        byte[] input = WireBytes.concat(hex(t, "minuteKey"), hex(t, "normalizedAddress"),
                new byte[] {(byte) (port >> 8), (byte) port});
        byte[] digest = new byte[64];
        sodium.crypto_hash_sha512(digest, input, input.length);
        assertThat(Arrays.copyOf(digest, 32)).isEqualTo(hex(t, "key"));
    }
}
