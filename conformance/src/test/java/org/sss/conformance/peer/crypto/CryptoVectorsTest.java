package org.sss.conformance.peer.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sss.conformance.peer.wire.Hex;
import org.sss.spec.vectors.VectorFiles;

/**
 * Every test of {@code spec/vectors/crypto.json} against the tester peer's own crypto (SPEC.md section
 * 4): X25519, HSalsa20, beforenm, secretbox, box, the seven nonce prefixes, the channel ID and the
 * address-bound minute key.
 */
class CryptoVectorsTest {
    private static final JsonNode FILE = VectorFiles.readResource("crypto.json");

    private static byte[] hex(JsonNode test, String field) {
        return Hex.parse(test.path(field).asText());
    }

    private static boolean valid(JsonNode test) {
        return "valid".equals(test.path("result").asText());
    }

    @Test
    void everyGroupOfTheFileIsCovered() {
        List<String> types = new ArrayList<>();
        FILE.path("testGroups").forEach(g -> types.add(g.path("type").asText()));
        assertThat(types).containsExactlyInAnyOrder("x25519", "hsalsa20", "beforenm", "secretbox", "box", "nonce",
                "channel-id", "address-bound-minute-key");
    }

    @TestFactory
    Stream<DynamicTest> vectors() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode group : FILE.path("testGroups")) {
            String type = group.path("type").asText();
            for (JsonNode test : group.path("tests")) {
                String name = type + " #" + test.path("tcId").asInt() + " " + test.path("comment").asText();
                tests.add(DynamicTest.dynamicTest(name, () -> check(type, test)));
            }
        }
        return tests.stream();
    }

    private static void check(String type, JsonNode t) {
        switch (type) {
            case "x25519" -> {
                if (valid(t)) {
                    assertThat(Hex.of(Nacl.x25519(hex(t, "private"), hex(t, "public")))).isEqualTo(t.path("shared").asText());
                } else {
                    // CRY-PRIM-4: an all-zero result is a failure
                    assertThatThrownBy(() -> Nacl.x25519(hex(t, "private"), hex(t, "public")))
                            .isInstanceOf(SmallOrderKeyException.class);
                }
            }
            case "hsalsa20" -> assertThat(Hex.of(Hsalsa20.hash(hex(t, "key"), hex(t, "input"))))
                    .isEqualTo(t.path("output").asText());
            case "beforenm" -> {
                if (valid(t)) {
                    assertThat(Hex.of(Nacl.beforenm(hex(t, "public"), hex(t, "private")))).isEqualTo(t.path("key").asText());
                } else {
                    assertThatThrownBy(() -> Nacl.beforenm(hex(t, "public"), hex(t, "private")))
                            .isInstanceOf(SmallOrderKeyException.class);
                }
            }
            case "secretbox" -> {
                if (valid(t)) {
                    assertThat(Hex.of(Nacl.secretbox(hex(t, "msg"), hex(t, "nonce"), hex(t, "key"))))
                            .isEqualTo(t.path("ct").asText());
                    assertThat(Nacl.secretboxOpen(hex(t, "ct"), hex(t, "nonce"), hex(t, "key"))).get()
                            .extracting(Hex::of).isEqualTo(t.path("msg").asText());
                } else {
                    assertThat(Nacl.secretboxOpen(hex(t, "ct"), hex(t, "nonce"), hex(t, "key"))).isEmpty();
                }
            }
            case "box" -> {
                if (valid(t)) {
                    assertThat(Hex.of(Nacl.box(hex(t, "msg"), hex(t, "nonce"), hex(t, "recipientPublic"),
                            hex(t, "senderPrivate")))).isEqualTo(t.path("ct").asText());
                }
                var opened = Nacl.boxOpen(hex(t, "ct"), hex(t, "nonce"), hex(t, "senderPublic"),
                        hex(t, "recipientPrivate"));
                if (valid(t)) {
                    assertThat(opened).get().extracting(Hex::of).isEqualTo(t.path("msg").asText());
                } else {
                    assertThat(opened).isEmpty();
                }
            }
            case "nonce" -> {
                NoncePrefix prefix = NoncePrefix.valueOf(t.path("prefix").asText());
                assertThat(new String(prefix.bytes(), java.nio.charset.StandardCharsets.US_ASCII))
                        .isEqualTo(t.path("prefixAscii").asText());
                byte[] nonce = t.has("counter")
                        ? prefix.withCounter(Long.parseUnsignedLong(t.path("counter").asText()))
                        : prefix.withRandom(hex(t, "random"));
                assertThat(Hex.of(nonce)).isEqualTo(t.path("nonce").asText());
                assertThat(Hex.of(nonce).substring(2 * prefix.bytes().length)).isEqualTo(t.path("compressed").asText());
            }
            case "channel-id" -> {
                byte[] iPub = hex(t, "initiatorShortTermPublic");
                byte[] rPub = hex(t, "responderShortTermPublic");
                assertThat(Hex.of(Nacl.publicKey(hex(t, "initiatorShortTermPrivate")))).isEqualTo(Hex.of(iPub));
                byte[] k = Nacl.beforenm(rPub, hex(t, "initiatorShortTermPrivate"));
                assertThat(Hex.of(k)).isEqualTo(t.path("key").asText())
                        .isEqualTo(Hex.of(Nacl.beforenm(iPub, hex(t, "responderShortTermPrivate"))));
                assertThat(Hex.of(KeyDerivation.channelId(k, iPub, rPub))).isEqualTo(t.path("channelId").asText());
            }
            case "address-bound-minute-key" -> {
                byte[] address = hex(t, "addressBytes");
                assertThat(Hex.of(KeyDerivation.normalizedAddress(address))).isEqualTo(t.path("normalizedAddress").asText());
                assertThat(Hex.of(KeyDerivation.addressBoundMinuteKey(hex(t, "minuteKey"), address,
                        t.path("port").asInt()))).isEqualTo(t.path("key").asText());
            }
            default -> throw new AssertionError("group type not covered: " + type);
        }
    }
}
