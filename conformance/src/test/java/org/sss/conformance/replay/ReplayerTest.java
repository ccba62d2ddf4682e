package org.sss.conformance.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sss.conformance.report.CapturedDatagram;

/**
 * The replayer against a UDP echo socket on loopback: every selected datagram reaches the target in order, no
 * earlier than its timing allows, and every reply is collected. Only lower bounds and order are asserted, never
 * speed.
 */
class ReplayerTest {
    private static final long SEED = new SecureRandom().nextLong();
    private static final Instant T = Instant.parse("2025-01-02T03:04:05Z");
    private static final Duration LINGER = Duration.ofMillis(1000);

    private DatagramSocket echo;
    private final List<InetSocketAddress> echoSources = new CopyOnWriteArrayList<>();
    private Thread echoThread;
    private InetSocketAddress captured;

    @BeforeEach
    void startEcho() throws IOException {
        System.out.println("[ReplayerTest] seed=" + SEED);
        echo = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        echoThread = new Thread(() -> {
            byte[] buffer = new byte[65_535];
            while (!echo.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                    echo.receive(p);
                    echoSources.add((InetSocketAddress) p.getSocketAddress());
                    echo.send(new DatagramPacket(p.getData(), p.getOffset(), p.getLength(), p.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        }, "echo");
        echoThread.setDaemon(true);
        echoThread.start();
        // the captured destination, deliberately not the echo socket: a replay rewrites it to the target
        captured = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
    }

    @AfterEach
    void stopEcho() throws InterruptedException {
        echo.close();
        echoThread.join(5000);
    }

    private InetSocketAddress target() {
        return (InetSocketAddress) echo.getLocalSocketAddress();
    }

    /** Datagrams captured at the given offsets in milliseconds, with seeded random payloads. */
    private List<CapturedDatagram> capturedAt(long... millis) {
        Random random = new Random(SEED);
        InetSocketAddress from = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
        List<CapturedDatagram> list = new ArrayList<>();
        for (long m : millis) {
            byte[] payload = new byte[1 + random.nextInt(1200)];
            random.nextBytes(payload);
            list.add(new CapturedDatagram(T.plusMillis(m), from, captured, payload));
        }
        return list;
    }

    private static void assertSentInOrderAndEchoed(ReplayResult result, List<CapturedDatagram> datagrams) {
        List<ReplayEvent> sent = result.sent();
        assertThat(sent).hasSameSizeAs(datagrams);
        for (int i = 0; i < sent.size(); i++) {
            assertThat(sent.get(i).index()).isEqualTo(i);
            assertThat(sent.get(i).payload()).isEqualTo(datagrams.get(i).payload());
            if (i > 0) {
                assertThat(sent.get(i).at()).isGreaterThanOrEqualTo(sent.get(i - 1).at());
            }
        }
        List<String> replies = result.replies().stream().map(e -> Arrays.toString(e.payload())).sorted().toList();
        List<String> expected = datagrams.stream().map(d -> Arrays.toString(d.payload())).sorted().toList();
        assertThat(replies).as("every datagram echoed back to the replaying socket").isEqualTo(expected);
    }

    @Test
    void preservedTimingSendsNoDatagramBeforeItsCapturedOffset() throws IOException {
        List<CapturedDatagram> datagrams = capturedAt(0, 150, 300);
        try (Replayer replayer = Replayer.open(target(), null)) {
            ReplayResult result = replayer.play(datagrams, Timing.PRESERVE, LINGER);

            assertSentInOrderAndEchoed(result, datagrams);
            assertThat(result.sent().get(1).at()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            assertThat(result.sent().get(2).at()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void compressedTimingDividesTheCapturedOffsets() throws IOException {
        List<CapturedDatagram> datagrams = capturedAt(0, 300, 600);
        try (Replayer replayer = Replayer.open(target(), null)) {
            ReplayResult result = replayer.play(datagrams, Timing.parse("compress:3"), LINGER);

            assertSentInOrderAndEchoed(result, datagrams);
            assertThat(result.sent().get(1).at()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
            assertThat(result.sent().get(2).at()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
    }

    @Test
    void asapSendsEveryDatagramInOrderAndCollectsEveryReply() throws IOException {
        long[] offsets = new long[50];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = i * 1000L;
        }
        List<CapturedDatagram> datagrams = capturedAt(offsets);
        List<ReplayEvent> told = new ArrayList<>();
        try (Replayer replayer = Replayer.open(target(), null)) {
            ReplayResult result = replayer.play(datagrams, Timing.ASAP, LINGER, told::add);

            assertSentInOrderAndEchoed(result, datagrams);
            assertThat(told).containsExactlyElementsOf(result.events());
        }
    }

    @Test
    void aReplayerBoundToAnAddressSendsFromIt() throws IOException {
        InetSocketAddress bind;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            bind = (InetSocketAddress) probe.getLocalSocketAddress();
        }
        try (Replayer replayer = Replayer.open(target(), bind)) {
            ReplayResult result = replayer.play(capturedAt(0), Timing.ASAP, LINGER);

            assertThat(result.local()).isEqualTo(bind);
            assertThat(echoSources).containsExactly(bind);
            assertThat(result.replies()).singleElement().satisfies(r -> assertThat(r.remote()).isEqualTo(target()));
        }
    }

    @Test
    void timingParsesItsThreeFormsAndRefusesOthers() {
        assertThat(Timing.parse("preserve")).isEqualTo(Timing.PRESERVE);
        assertThat(Timing.parse("asap")).isEqualTo(Timing.ASAP);
        assertThat(Timing.parse("compress:2.5").factor()).isEqualTo(2.5);
        assertThat(Timing.parse("compress:4").offset(T, T.plusMillis(400))).isEqualTo(Duration.ofMillis(100));
        assertThat(Timing.PRESERVE.offset(T, T.minusMillis(5))).as("a clock stepping back").isEqualTo(Duration.ZERO);
        assertThat(Timing.ASAP.offset(T, T.plusSeconds(60))).isEqualTo(Duration.ZERO);
        for (String bad : List.of("compress:0.5", "compress:x", "compress:", "fast", "")) {
            assertThatThrownBy(() -> Timing.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("timing");
        }
    }

    @Test
    void theResponderIsWhereCookiesComeFromAndSelectionsFilterBySourceAndKind() {
        InetSocketAddress initiator = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
        InetSocketAddress responder = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9660);
        List<CapturedDatagram> datagrams = List.of(
                datagram(initiator, responder, "qVNq5xLh", 192),
                datagram(responder, initiator, "rl3Anmxk", 168),
                datagram(initiator, responder, "qVNq5xLi", 336),
                datagram(responder, initiator, "rl3q5xLm", 96),
                datagram(initiator, responder, "rl3q5xLm", 96),
                datagram(initiator, responder, "junk", 5));
        Capture capture = new Capture(Path.of("x.pcap"), datagrams, 0, true, null);

        assertThat(capture.responder()).contains(responder);
        assertThat(capture.select(DatagramSelection.notFrom(responder))).extracting(d -> PacketKind.of(d.payload()))
                .containsExactly(PacketKind.HELLO, PacketKind.INITIATE, PacketKind.MESSAGE, PacketKind.OTHER);
        assertThat(capture.select(DatagramSelection.from(initiator).and(DatagramSelection.ofKind(PacketKind.MESSAGE))))
                .containsExactly(datagrams.get(4));
        assertThat(capture.select(DatagramSelection.all())).hasSize(6);
        Capture withoutCookie = new Capture(Path.of("y.pcap"), List.of(datagrams.get(0)), 0, true, null);
        assertThat(withoutCookie.responder()).contains(responder);
        Capture forgedCookieFirst = new Capture(Path.of("f.pcap"), List.of(datagram(initiator, responder, "rl3Anmxk", 168),
                datagrams.get(0), datagrams.get(1)), 0, true, null);
        assertThat(forgedCookieFirst.responder()).as("a COOKIE sent to the responder comes first").contains(responder);
        Capture onlyCookies = new Capture(Path.of("c.pcap"), List.of(datagrams.get(1), datagrams.get(3)), 0, true, null);
        assertThat(onlyCookies.responder()).contains(responder);
        Capture withoutNegotiation = new Capture(Path.of("z.pcap"), datagrams.subList(3, 6), 0, true, null);
        assertThat(withoutNegotiation.responder()).isEmpty();
    }

    private static CapturedDatagram datagram(InetSocketAddress from, InetSocketAddress to, String magic, int length) {
        byte[] payload = Arrays.copyOf(magic.getBytes(StandardCharsets.US_ASCII), length);
        return new CapturedDatagram(T, from, to, payload);
    }
}
