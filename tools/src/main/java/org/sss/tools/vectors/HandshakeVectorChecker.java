package org.sss.tools.vectors;

import static org.sss.tools.vectors.VectorJson.hex;
import static org.sss.tools.vectors.VectorJson.text;
import static org.sss.tools.vectors.VectorJson.unsignedDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.wire.PacketType;
import org.sss.spec.vectors.VectorCase;

/**
 * handshake.json (SPEC.md sections 5 and 6), judged by the reference implementation itself: for
 * each test a real {@code Responder} and {@code Initiator} are built from the group's keys and the
 * transcript's random bytes ({@link HandshakeReplay}), receive the tests listed in {@code after}
 * (each must be accepted), then the test's packet; a real {@code Channel} takes over each
 * negotiation that completes.
 *
 * <p>A valid test must be accepted, and its packet must be the one the real sender sent in that
 * state (HELLO, COOKIE and INITIATE). Every intermediate value it lists must
 * equal the one the real classes expose ({@code boxKey}, {@code channelId}, {@code packetNumber},
 * {@code messagePlaintext}) or, for the others, the one {@link TranscriptValues} recomputes from
 * the group's keys. An invalid test must be dropped with its {@code dropReason}.
 */
public final class HandshakeVectorChecker implements VectorFileChecker {

    /** Test fields that are inputs or the verdict; every other field is an intermediate value. */
    private static final Set<String> INPUT_FIELDS = Set.of("tcId", "comment", "flags", "result", "dropReason",
            "packetType", "receiver", "after", "sourceAddress", "sourcePort", "packet");

    /**
     * The packets whose bytes a valid test compares with what the real sender sent: the MESSAGEs
     * are not among them (see {@link HandshakeReplay}).
     */
    private static final Set<PacketType> SENT_BY = Set.of(PacketType.HELLO, PacketType.COOKIE, PacketType.INITIATE);

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

    /** The checker of one file: its tests by tcId, each with its group, and the transcript. */
    private final class FileChecker implements VectorFileChecker {
        private final Map<Integer, JsonNode> tests = new HashMap<>();
        private final Map<Integer, JsonNode> groups = new HashMap<>();
        /** The first valid test of each packet type: where the senders' random bytes come from. */
        private final Map<JsonNode, Map<PacketType, JsonNode>> transcripts = new HashMap<>();

        FileChecker(JsonNode file) {
            for (JsonNode group : file.path("testGroups")) {
                Map<PacketType, JsonNode> transcript = new EnumMap<>(PacketType.class);
                for (JsonNode test : group.path("tests")) {
                    tests.put(test.path("tcId").asInt(), test);
                    groups.put(test.path("tcId").asInt(), group);
                    PacketType type = packetType(test);
                    if (type != null && test.path("result").asText().equals("valid")) {
                        transcript.putIfAbsent(type, test);
                    }
                }
                transcripts.put(group, transcript);
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
            JsonNode group = groups.get(test.tcId());
            HandshakeInputs inputs = HandshakeInputs.of(group);
            c.addAll(inputs.problems(crypto));
            try {
                replay(test, inputs, new HandshakeReplay(inputs, transcripts.get(group)), c);
            } catch (MalformedVectorException e) {
                throw e;
            } catch (RuntimeException e) {
                c.fail("the reference implementation threw " + e);
            }
            return c.problems();
        }

        private void replay(VectorCase test, HandshakeInputs inputs, HandshakeReplay replay, Comparison c) {
            JsonNode t = test.test();
            InetSocketAddress helloSource = inputs.initiatorAddress();
            for (JsonNode id : after(t)) {
                JsonNode step = tests.get(id.asInt());
                if (step == null || !step.path("result").asText().equals("valid")) {
                    c.fail("after: tcId " + id + " is not a valid test of this file");
                    return;
                }
                Delivery earlier = replay.deliver(step);
                if (!earlier.accepted()) {
                    c.fail("after: tcId " + id + " (" + step.path("packetType").asText() + ") was not accepted: "
                            + earlier.verdict());
                    return;
                }
                if (step.path("packetType").asText().equals("HELLO")) {
                    helloSource = HandshakeInputs.socketAddress(step, "sourceAddress", "sourcePort");
                }
            }
            boolean toResponder = text(t, "receiver").equals("responder");
            PacketType type = packetType(t);
            byte[] sent = type == null ? null : replay.sent(!toResponder, type);
            Delivery d = replay.deliver(t);
            PacketType magic = HandshakeReplay.magicType(hex(t, "packet"));
            c.value("packetType", text(t, "packetType"), magic == null ? "(no magic)" : magic.name());
            if (test.isValid()) {
                if (!d.accepted()) {
                    c.fail("expected valid, actual dropped with " + d.verdict());
                }
                if (SENT_BY.contains(type)) {
                    c.bytes("packet (as the real " + (toResponder ? "initiator" : "responder") + " sent it)",
                            hex(t, "packet"), sent);
                }
            } else if (d.accepted() || d.dropReason() == null || !d.dropReason().name().equals(test.dropReason())) {
                c.fail("dropReason: expected " + test.dropReason() + ", actual " + d.verdict());
            }
            Map<String, Object> values = new LinkedHashMap<>(d.values());
            if (d.accepted()) {
                TranscriptValues.complete(crypto, inputs, hex(t, "packet"), toResponder, helloSource, values);
            }
            compareValues(t, d.accepted(), values, c);
        }
    }

    /** The packet type the test names, or null when it names none. */
    private static PacketType packetType(JsonNode t) {
        try {
            return PacketType.valueOf(t.path("packetType").asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Every intermediate value the test lists against the implementation's; unlisted ones are not compared. */
    private static void compareValues(JsonNode t, boolean accepted, Map<String, Object> values, Comparison c) {
        for (Iterator<String> names = t.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (INPUT_FIELDS.contains(name)) {
                continue;
            }
            Object actual = values.get(name);
            if (actual == null) {
                if (accepted) {
                    c.fail(name + ": neither the implementation nor the spec-side recomputation gives this value");
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
}
