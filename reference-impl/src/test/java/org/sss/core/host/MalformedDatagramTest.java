package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.host.LoopbackHosts.connect;
import static org.sss.core.host.LoopbackHosts.statistics;
import static org.sss.core.host.LoopbackHosts.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.host.LoopbackRelay.Direction;
import org.sss.core.host.LoopbackRelay.Verdict;
import org.sss.core.negotiation.HelloRateLimiter;
import org.sss.core.negotiation.NegotiationTimers;
import org.sss.core.transport.TransportCounters;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.PacketType;
import org.sss.core.wire.WireLimits;

/**
 * Bad input sent to a live responder over UDP (SPEC.md sections 3 and 13): every datagram is
 * dropped silently under the verdict of the first check it fails, nothing throws out of the
 * pipeline, no state appears, and a genuine initiator is served right after.
 */
class MalformedDatagramTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    private static final String VECTORS = "/org/sss/spec/vectors/malformed.json";
    private static final long RESERVED_MAGIC = PacketType.RESERVED_INITIATE_MESSAGE_MAGIC;
    private static final int MAX_UDP_TEST_LENGTH = 1500;

    /** One outer-packet vector: the datagram and its verdict. */
    private record DatagramVector(int tcId, String comment, byte[] input, DropReason dropReason) {
    }

    @Test
    void everyDatagramVectorOfMalformedJsonIsCountedUnderItsVerdict() throws IOException {
        Host responder = HOSTS.start(HOSTS.config().helloRateLimiter(HelloRateLimiter.unlimited()), new HostEvents());
        RawUdp sender = HOSTS.closeAfterTest(RawUdp.bind(LoopbackHosts.IPV4));
        List<DatagramVector> vectors = datagramVectors();
        assertThat(vectors).isNotEmpty();

        for (DatagramVector vector : vectors) {
            long received = transport(responder, TransportCounters.Kind.DATAGRAMS_RECEIVED);
            Map<DropReason, Long> before = statistics(responder).drops();
            sender.send(vector.input(), responder.localAddress());
            Await.until("tcId " + vector.tcId() + " (" + vector.comment() + ") to be read",
                    () -> transport(responder, TransportCounters.Kind.DATAGRAMS_RECEIVED), n -> n == received + 1);
            Map<DropReason, Long> delta = delta(before, statistics(responder).drops());
            assertThat(delta).as("tcId %d (%s): counters moved", vector.tcId(), vector.comment())
                    .isEqualTo(Map.of(vector.dropReason(), 1L));
        }
        HostStatistics stats = statistics(responder);
        assertThat(stats.transport().get(TransportCounters.Kind.DATAGRAMS_SENT)).isZero();
        assertThat(stats.transport().get(TransportCounters.Kind.HANDLER_FAILED)).isZero();
    }

    /**
     * The same vectors at a host that both accepts channels and awaits the first MESSAGE of a
     * negotiation it started, sent from the address of that negotiation's responder: the pending
     * negotiation changes no verdict (lengths are checked before any lookup).
     */
    @Test
    void everyDatagramVectorIsCountedUnderItsVerdictAtAHostAwaitingItsFirstMessage() throws IOException {
        Host responder = HOSTS.start(HOSTS.config(), new HostEvents());
        // no retransmission within the test, so that the vectors are the only datagrams the host reads
        NegotiationTimers patient = new NegotiationTimers(Duration.ofSeconds(30), 1.5, Duration.ofSeconds(30),
                Duration.ofSeconds(60), 4);
        Host host = HOSTS.start(HOSTS.config().helloRateLimiter(HelloRateLimiter.unlimited())
                .negotiationTimers(patient), new HostEvents());
        LoopbackRelay relay = HOSTS.relay(responder);
        relay.rule(datagram -> datagram.direction() == Direction.TO_INITIATOR && datagram.type() == PacketType.MESSAGE
                ? Verdict.DROP : Verdict.FORWARD);
        CompletableFuture<SecureChannel> connect = host.connect(relay.address(), responder.identity());
        relay.awaitCaptured(Direction.TO_INITIATOR, PacketType.MESSAGE, 1);
        assertThat(statistics(host).pendingNegotiations()).isEqualTo(1);

        for (DatagramVector vector : datagramVectors()) {
            long received = transport(host, TransportCounters.Kind.DATAGRAMS_RECEIVED);
            Map<DropReason, Long> before = statistics(host).drops();
            relay.inject(Direction.TO_INITIATOR, vector.input());
            Await.until("tcId " + vector.tcId() + " (" + vector.comment() + ") to be read",
                    () -> transport(host, TransportCounters.Kind.DATAGRAMS_RECEIVED), n -> n == received + 1);
            Map<DropReason, Long> delta = delta(before, statistics(host).drops());
            assertThat(delta).as("tcId %d (%s): counters moved", vector.tcId(), vector.comment())
                    .isEqualTo(Map.of(vector.dropReason(), 1L));
        }
        assertThat(statistics(host).transport().get(TransportCounters.Kind.HANDLER_FAILED)).isZero();
        assertThat(statistics(host).pendingNegotiations()).isEqualTo(1);
        connect.cancel(false);
    }

    /**
     * Seeded random datagrams of 0 to 1500 bytes (longer than 1232 still arrives over UDP), half of
     * them with one of the four magics and a length valid for it, the rest random. The expected
     * verdict of each follows from the order of checks: length of the magic, then the magic, then
     * the kind's size rule, then the first check a random body fails.
     */
    @Test
    void seededRandomGarbageMovesTheExpectedCountersLeavesNoStateAndAHandshakeSucceedsAfterwards() {
        HostEvents responderEvents = new HostEvents();
        Host responder = HOSTS.start(HOSTS.config().helloRateLimiter(HelloRateLimiter.unlimited()),
                responderEvents);
        RawUdp sender = HOSTS.closeAfterTest(RawUdp.bind(LoopbackHosts.IPV4));
        Random random = HOSTS.random();
        Map<DropReason, Long> expected = new EnumMap<>(DropReason.class);

        long sent = 0;
        for (int i = 0; i < 1500; i++) {
            byte[] datagram = garbage(random);
            expected.merge(verdictAtAResponderWithoutChannels(datagram), 1L, Long::sum);
            sent = HelloAmplificationTest.sendPaced(sender, datagram, responder, sent);
        }
        long total = sent;
        Await.until("the responder to read all " + total + " datagrams",
                () -> transport(responder, TransportCounters.Kind.DATAGRAMS_RECEIVED), n -> n == total);

        HostStatistics stats = statistics(responder);
        assertThat(stats.drops()).isEqualTo(expected);
        assertThat(stats.channels()).isZero();
        assertThat(stats.pendingNegotiations()).isZero();
        assertThat(stats.transport().get(TransportCounters.Kind.HANDLER_FAILED)).isZero();
        // SPEC NEG-ERR-1: nothing is sent in response to a dropped packet
        assertThat(stats.transport().get(TransportCounters.Kind.DATAGRAMS_SENT)).isZero();

        Host initiator = HOSTS.start(HOSTS.config().acceptChannels(false), new HostEvents());
        SecureChannel client = connect(initiator, responder.localAddress(), responder);
        Pings.bothWays(client, responderEvents.nextOpened().channel());
        assertThat(statistics(responder).drops()).isEqualTo(expected);
    }

    private static byte[] garbage(Random random) {
        long magic = switch (random.nextInt(6)) {
            case 0 -> PacketType.HELLO.magic();
            case 1 -> PacketType.COOKIE.magic();
            case 2 -> PacketType.INITIATE.magic();
            case 3 -> PacketType.MESSAGE.magic();
            case 4 -> RESERVED_MAGIC;
            default -> random.nextLong();
        };
        PacketType type = PacketType.fromMagic(magic);
        int length = random.nextBoolean() || type == null
                ? random.nextInt(MAX_UDP_TEST_LENGTH + 1) : validLength(type, random);
        byte[] datagram = new byte[length];
        random.nextBytes(datagram);
        ByteBuffer magicBytes = ByteBuffer.allocate(Long.BYTES).putLong(magic);
        System.arraycopy(magicBytes.array(), 0, datagram, 0, Math.min(Long.BYTES, length));
        return datagram;
    }

    private static int validLength(PacketType type, Random random) {
        return switch (type) {
            case HELLO -> WireLimits.HELLO_LENGTH;
            case COOKIE -> WireLimits.COOKIE_LENGTH;
            case INITIATE -> WireLimits.INITIATE_OVERHEAD + randomM(random, WireLimits.MAX_INITIATE_PLAINTEXT);
            case MESSAGE -> WireLimits.MESSAGE_OVERHEAD + randomM(random, WireLimits.MAX_PLAINTEXT);
        };
    }

    /** A valid M: a multiple of 16 from 16 to {@code max}. */
    private static int randomM(Random random, int max) {
        return WireLimits.PLAINTEXT_BLOCK * (1 + random.nextInt(max / WireLimits.PLAINTEXT_BLOCK));
    }

    /**
     * The verdict of a random datagram at a responder with no channel and no negotiation of its own:
     * SPEC PKT-MAGIC-3, PKT-MAGIC-2, PKT-SIZE-5, then the first check of the kind that random bytes
     * fail (the HELLO box, the INITIATE cookie, the lookup of a COOKIE's negotiation or a MESSAGE's
     * channel).
     */
    private static DropReason verdictAtAResponderWithoutChannels(byte[] datagram) {
        if (datagram.length < PacketType.MAGIC_LENGTH) {
            return DropReason.DATAGRAM_TOO_SHORT;
        }
        PacketType type = PacketType.fromMagic(ByteBuffer.wrap(datagram).getLong());
        if (type == null) {
            return DropReason.UNKNOWN_MAGIC;
        }
        int length = datagram.length;
        boolean validLength = switch (type) {
            case HELLO -> length == WireLimits.HELLO_LENGTH;
            case COOKIE -> length == WireLimits.COOKIE_LENGTH;
            case INITIATE -> isValidM(length - WireLimits.INITIATE_OVERHEAD, WireLimits.MAX_INITIATE_PLAINTEXT);
            case MESSAGE -> isValidM(length - WireLimits.MESSAGE_OVERHEAD, WireLimits.MAX_PLAINTEXT);
        };
        if (!validLength) {
            return DropReason.BAD_PACKET_LENGTH;
        }
        return switch (type) {
            case HELLO -> DropReason.BOX_OPEN_FAILED;
            case INITIATE -> DropReason.COOKIE_INVALID;
            case COOKIE, MESSAGE -> DropReason.UNKNOWN_CHANNEL;
        };
    }

    /** SPEC PKT-SIZE-3, PKT-SIZE-4: M a multiple of 16 with 16 <= M <= max. */
    private static boolean isValidM(int m, int max) {
        return m >= 16 && m <= max && m % 16 == 0;
    }

    private static Map<DropReason, Long> delta(Map<DropReason, Long> before, Map<DropReason, Long> after) {
        Map<DropReason, Long> delta = new EnumMap<>(DropReason.class);
        after.forEach((reason, count) -> {
            long moved = count - before.getOrDefault(reason, 0L);
            if (moved != 0) {
                delta.put(reason, moved);
            }
        });
        return delta;
    }

    private static List<DatagramVector> datagramVectors() throws IOException {
        JsonNode root;
        try (InputStream in = MalformedDatagramTest.class.getResourceAsStream(VECTORS)) {
            assertThat(in).as("the spec module's %s on the test class path", VECTORS).isNotNull();
            root = new ObjectMapper().readTree(in);
        }
        List<DatagramVector> vectors = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            if (!group.get("type").asText().equals("datagram")) {
                continue;
            }
            for (JsonNode test : group.get("tests")) {
                assertThat(test.get("result").asText()).isEqualTo("invalid");
                vectors.add(new DatagramVector(test.get("tcId").asInt(), test.get("comment").asText(),
                        HexFormat.of().parseHex(test.get("input").asText()),
                        DropReason.valueOf(test.get("dropReason").asText())));
            }
        }
        return vectors;
    }
}
