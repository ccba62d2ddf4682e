package org.sss.tools.vectors;

import static org.sss.tools.vectors.VectorJson.hex;
import static org.sss.tools.vectors.VectorJson.text;
import static org.sss.tools.vectors.VectorJson.unsignedDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.KeyDerivation;
import org.sss.core.crypto.Nonce;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretKey;
import org.sss.core.wire.HelloPacket;
import org.sss.core.wire.PacketCodec;
import org.sss.core.wire.PacketType;
import org.sss.core.wire.WireLimits;
import org.sss.spec.vectors.VectorCase;

/**
 * handshake.json (SPEC.md sections 5 and 6): each test is replayed from the receiving side. A
 * fresh responder and initiator, holding the group's keys, first receive the tests listed in
 * {@code after} (each must be accepted), then the test's packet; both decode with the production
 * codecs of {@code org.sss.core.wire} and open boxes with {@code org.sss.core.crypto}, in the
 * processing order of SPEC.md section 5.5 and 6.1.
 *
 * <p>A valid test must be accepted and every intermediate value it lists must equal what the
 * receiver computed (the COOKIE's cookie values are computed by the responder that made it); the
 * box key, box, vouch, cookie and the whole HELLO are also recomputed from the sender's side. An invalid test must be
 * dropped with its {@code dropReason}.
 */
public final class HandshakeVectorChecker implements VectorFileChecker {

    /** Test fields that are inputs or the verdict; every other field is an intermediate value. */
    private static final Set<String> INPUT_FIELDS = Set.of("tcId", "comment", "flags", "result", "dropReason",
            "packetType", "receiver", "after", "sourceAddress", "sourcePort", "packet");

    private final CryptoProvider crypto = CryptoProvider.bouncyCastle();

    @Override
    public List<String> areas() {
        return List.of("handshake");
    }

    @Override
    public VectorFileChecker forFile(JsonNode file) {
        return new FileChecker(file);
    }

    /** Without its file a test lacks the group's keys and the tests in {@code after}; see {@link #forFile}. */
    @Override
    public List<String> check(VectorCase test) {
        return List.of("a handshake test is checked with its file (forFile): it needs the group and earlier tests");
    }

    /** The checker of one file: its tests by tcId, each with its group. */
    private final class FileChecker implements VectorFileChecker {
        private final Map<Integer, JsonNode> tests = new HashMap<>();
        private final Map<Integer, JsonNode> groups = new HashMap<>();

        FileChecker(JsonNode file) {
            for (JsonNode group : file.path("testGroups")) {
                for (JsonNode test : group.path("tests")) {
                    tests.put(test.path("tcId").asInt(), test);
                    groups.put(test.path("tcId").asInt(), group);
                }
            }
        }

        @Override
        public List<String> areas() {
            return HandshakeVectorChecker.this.areas();
        }

        @Override
        public List<String> check(VectorCase test) {
            Comparison c = new Comparison();
            if (!test.groupType().equals("handshake")) {
                return c.fail("unknown group type " + test.groupType()).problems();
            }
            JsonNode t = test.test();
            HandshakeInputs inputs = HandshakeInputs.of(groups.get(test.tcId()));
            c.addAll(inputs.problems(crypto));
            HandshakeReplay replay = new HandshakeReplay(crypto, inputs);
            InetSocketAddress helloSource = inputs.initiatorAddress();
            for (JsonNode id : after(t)) {
                JsonNode step = tests.get(id.asInt());
                if (step == null || !step.path("result").asText().equals("valid")) {
                    return c.fail("after: tcId " + id + " is not a valid test of this file").problems();
                }
                Reception earlier = replay.deliver(step);
                if (!earlier.accepted()) {
                    return c.fail("after: tcId " + id + " (" + step.path("packetType").asText() + ") was not accepted: "
                            + earlier.verdict()).problems();
                }
                if (step.path("packetType").asText().equals("HELLO")) {
                    helloSource = HandshakeInputs.socketAddress(step, "sourceAddress", "sourcePort");
                }
            }
            Reception r = replay.deliver(t);
            c.value("packetType", text(t, "packetType"), r.packetType() == null ? "(no magic)" : r.packetType().name());
            if (test.isValid()) {
                if (!r.accepted()) {
                    c.fail("expected valid, actual dropped with " + r.verdict());
                }
            } else if (r.accepted() || !r.dropReason().name().equals(test.dropReason())) {
                c.fail("dropReason: expected " + test.dropReason() + ", actual " + r.verdict());
            }
            if (test.isValid() && r.accepted()) {
                if (r.packetType() != null && r.packetType() == PacketType.COOKIE) {
                    replay.openCookieAsResponder(r, helloSource);
                }
                new SenderView(t, inputs, c).check();
            }
            compareValues(t, r, c);
            return c.problems();
        }
    }

    /** Every intermediate value the test lists against the receiver's; unlisted ones are not compared. */
    private static void compareValues(JsonNode t, Reception r, Comparison c) {
        for (Iterator<String> names = t.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (INPUT_FIELDS.contains(name)) {
                continue;
            }
            Object actual = r.values().get(name);
            if (actual == null) {
                if (r.accepted()) {
                    c.fail(name + ": the receiver computes no such value, so the vector cannot be checked");
                }
            } else if (actual instanceof byte[] bytes) {
                c.bytes(name, hex(t, name), bytes);
            } else {
                c.value(name, Long.toUnsignedString(unsignedDecimal(t, name)), Long.toUnsignedString((Long) actual));
            }
        }
    }

    private static Iterable<JsonNode> after(JsonNode t) {
        JsonNode after = t.get("after");
        if (after == null || !after.isArray()) {
            throw new MalformedVectorException("field after is missing or not an array");
        }
        List<JsonNode> ids = new ArrayList<>();
        after.forEach(ids::add);
        return ids;
    }

    /** A valid test's values as its sender computes them from the group's keys. */
    private final class SenderView {
        private final JsonNode t;
        private final HandshakeInputs in;
        private final Comparison c;

        SenderView(JsonNode t, HandshakeInputs in, Comparison c) {
            this.t = t;
            this.in = in;
            this.c = c;
        }

        void check() {
            boolean toResponder = text(t, "receiver").equals("responder");
            switch (text(t, "packetType")) {
                case "HELLO":
                    box(in.responderLongTerm(), in.initiatorShortTermPrivate(), "boxPlaintext");
                    hello();
                    break;
                case "COOKIE":
                    box(in.initiatorShortTerm(), in.responderLongTermPrivate(), "boxPlaintext");
                    cookie();
                    break;
                case "INITIATE":
                    box(in.responderShortTerm(), in.initiatorShortTermPrivate(), "boxPlaintext");
                    vouch();
                    c.bytes("channelId (the initiator's)", hex(t, "channelId"), KeyDerivation.channelId(
                            beforenm(in.responderShortTerm(), in.initiatorShortTermPrivate()), in.initiatorShortTerm(),
                            in.responderShortTerm()));
                    break;
                case "MESSAGE":
                    if (toResponder) {
                        box(in.responderShortTerm(), in.initiatorShortTermPrivate(), "messagePlaintext");
                    } else {
                        box(in.initiatorShortTerm(), in.responderShortTermPrivate(), "messagePlaintext");
                    }
                    break;
                default:
                    c.fail("packetType: " + text(t, "packetType") + " is not a packet of the handshake");
            }
        }

        /** boxKey = beforenm(recipient, sender's secret) and box = its seal of the plaintext. */
        private void box(PublicKey recipient, SecretKey sender, String plaintextField) {
            BoxKey key = beforenm(recipient, sender);
            c.bytes("boxKey (the sender's beforenm)", hex(t, "boxKey"), key.bytes());
            byte[] sealed = crypto.newSecretBox().seal(key, Nonce.of(hex(t, "nonce")), hex(t, plaintextField));
            c.bytes("box (sealed by the sender)", hex(t, "box"), sealed);
        }

        /**
         * The whole HELLO as its initiator builds it, which the receiver cannot check: SPEC NEG-HELLO-1
         * has it send 64 zero bytes, and NEG-HELLO-2 forbids the responder to reject other bytes there.
         */
        private void hello() {
            ByteBuf built = Unpooled.buffer(WireLimits.HELLO_LENGTH);
            PacketCodec.encode(HelloPacket.of(Unpooled.wrappedBuffer(in.initiatorShortTerm().bytes()),
                    unsignedDecimal(t, "nonceCounter"), Unpooled.wrappedBuffer(hex(t, "box"))), built);
            c.bytes("packet (as the initiator builds it)", hex(t, "packet"), ByteBufUtil.getBytes(built));
        }

        /** The cookie holds I' || r' of the group, sealed under t_addr with cookieNonce. */
        private void cookie() {
            byte[] expected = new byte[64];
            System.arraycopy(in.initiatorShortTerm().bytes(), 0, expected, 0, 32);
            in.responderShortTermPrivate().writeTo(expected, 32);
            c.bytes("cookiePlaintext (I' || r' of the group)", hex(t, "cookiePlaintext"), expected);
            byte[] secretbox = crypto.newSecretBox().seal(BoxKey.of(hex(t, "addressBoundMinuteKey")),
                    Nonce.of(hex(t, "cookieNonce")), hex(t, "cookiePlaintext"));
            byte[] cookie = hex(t, "cookie");
            byte[] sealed = new byte[16 + secretbox.length];
            System.arraycopy(hex(t, "cookieNonce"), 8, sealed, 0, 16);
            System.arraycopy(secretbox, 0, sealed, 16, secretbox.length);
            c.bytes("cookie (sealed by the responder)", cookie, sealed);
        }

        /** vouch = box(I') from i to R. */
        private void vouch() {
            BoxKey key = beforenm(in.responderLongTerm(), in.initiatorLongTermPrivate());
            c.bytes("vouchKey (the initiator's beforenm(R, i))", hex(t, "vouchKey"), key.bytes());
            c.bytes("vouchPlaintext (I' of the group)", hex(t, "vouchPlaintext"), in.initiatorShortTerm().bytes());
            c.bytes("vouch (sealed by the initiator)", hex(t, "vouch"),
                    crypto.newSecretBox().seal(key, Nonce.of(hex(t, "vouchNonce")), hex(t, "vouchPlaintext")));
        }

        private BoxKey beforenm(PublicKey peer, SecretKey own) {
            Optional<BoxKey> key = crypto.beforenm(peer, own);
            if (key.isEmpty()) {
                throw new MalformedVectorException("the group's keys give an all-zero X25519 result");
            }
            return key.get();
        }
    }
}
