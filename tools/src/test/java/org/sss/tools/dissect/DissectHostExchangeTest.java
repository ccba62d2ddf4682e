package org.sss.tools.dissect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.report.CapturedDatagram;
import org.sss.conformance.report.Keylog;
import org.sss.conformance.report.PcapFile;
import org.sss.core.crypto.KeyPair;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;
import org.sss.core.testservices.TestServiceHost;
import org.sss.core.testservices.TestServices;
import org.sss.tools.capture.HostRecorder;

/**
 * Marks on real traffic. No false marks: two reference hosts exchange several concurrent echo streams of bulk
 * data and close, each host recording its own view through its capture hooks; both captures,
 * dissected with their keylogs, must open every box and mark nothing, so every plaintext check and
 * every exchange rule the dissector applies holds for the reference implementation. And the true mark:
 * a tester peer sends the reference host an undefined frame type, and only that packet is marked. The
 * seeds are printed ({@code -Dsss.seed=N}).
 */
class DissectHostExchangeTest {
    private static final long WAIT_SECONDS = 60;
    private static final int STREAMS = 4;
    private static final int BYTES = 48 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void bothEndsOfABulkExchangeHaveNoMarks() throws Exception {
        long seed = Long.getLong("sss.seed", System.nanoTime());
        System.out.println("DissectHostExchangeTest seed: " + seed + " (replay with -Dsss.seed=" + seed + ")");
        Random random = new Random(seed);
        HostRecorder serverSide = HostRecorder.open(dir.resolve("server.pcap"), CraftedChannel.keylog(dir, "server"));
        HostRecorder clientSide = HostRecorder.open(dir.resolve("client.pcap"), CraftedChannel.keylog(dir, "client"));
        try (Host server = TestServiceHost.start(b -> b.datagramTap(serverSide).channelKeyLog(serverSide));
                Host client = Host.start(HostConfig.builder(KeyPair.generate(new SecureRandom()))
                        .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).acceptChannels(false)
                        .datagramTap(clientSide).channelKeyLog(clientSide).build(), new HostListener() { })) {
            SecureChannel channel = await(client.connect(server.localAddress(), server.identity()));
            List<byte[]> payloads = new ArrayList<>();
            List<CompletableFuture<byte[]>> echoes = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                byte[] payload = new byte[BYTES];
                random.nextBytes(payload);
                payloads.add(payload);
                Stream echo = await(channel.connect(TestServices.ECHO, TestServices.PROTOCOL));
                echoes.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return echo.inputStream().readAllBytes();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
                echo.write(payload);
                echo.finish();
            }
            for (int i = 0; i < STREAMS; i++) {
                assertThat(await(echoes.get(i))).isEqualTo(payloads.get(i));
            }
            await(channel.close("done"));
        }
        for (HostRecorder side : List.of(clientSide, serverSide)) {
            String name = side == clientSide ? "client" : "server";
            side.finish();
            Path pcap = dir.resolve(name + ".pcap");
            CaptureDissection.Result result = CaptureDissection.render(pcap, CraftedChannel.keylog(dir, name),
                    new DissectOptions(true, false, true));
            assertThat(result.violations()).as(name + " side:\n" + result.output()).isEmpty();
            JsonNode all = JSON.readTree(CaptureDissection.render(pcap, CraftedChannel.keylog(dir, name), true));
            assertThat(all.size()).as(name).isGreaterThan(STREAMS * BYTES / 1232);
            for (JsonNode p : all) {
                if (p.get("kind").asText().equals("MESSAGE") || p.get("kind").asText().equals("INITIATE")) {
                    assertThat(p.get("box").asText()).as(name + " packet " + p.get("index")).startsWith("opened");
                }
            }
        }
    }

    @Test
    void aTesterPeersUndefinedFrameIsMarkedAndTheHostsAnswerIsNot() throws Exception {
        long seed = Long.getLong("sss.seed", System.nanoTime());
        System.out.println("DissectHostExchangeTest seed: " + seed + " (replay with -Dsss.seed=" + seed + ")");
        List<CapturedDatagram> captured = new ArrayList<>();
        Path keylog = CraftedChannel.keylog(dir, "undefined-frame");
        long sent;
        try (Host host = TestServiceHost.start(UnaryOperator.identity());
                TesterPeer peer = TesterPeer.connect(host.localAddress(), host.identity().bytes(), new Random(seed),
                        Duration.ofSeconds(WAIT_SECONDS))) {
            sent = peer.send(List.of(new PeerFrame.Raw(new byte[] {0x11, 0, 0})));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            long remaining;
            while (peer.closeReceived() == null && (remaining = deadline - System.nanoTime()) > 0) {
                peer.receive(Duration.ofNanos(remaining));
            }
            InetSocketAddress self = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    peer.localAddress().getPort());
            for (LoggedDatagram d : peer.datagrams()) {
                boolean out = d.direction() == LoggedDatagram.Direction.SENT;
                captured.add(new CapturedDatagram(d.wallClock(), out ? self : d.remote(), out ? d.remote() : self,
                        d.bytes()));
            }
            Files.writeString(keylog, Keylog.of(List.of(peer)), StandardCharsets.UTF_8);
        }
        Path pcap = dir.resolve("undefined-frame.pcap");
        PcapFile.write(pcap, captured);
        JsonNode array = JSON.readTree(CaptureDissection.render(pcap, keylog, true));
        boolean sawClose = false;
        for (JsonNode p : array) {
            List<String> ids = new ArrayList<>();
            p.get("violations").forEach(v -> ids.add(v.get("id").asText()));
            boolean fromPeer = p.get("src").asText().endsWith(":" + captured.get(0).source().getPort());
            if (fromPeer && p.get("kind").asText().equals("MESSAGE")
                    && p.get("counter").asText().equals(Long.toString(sent))) {
                assertThat(ids).as(p.toString()).containsExactly("FRM-GEN-5");
            } else {
                assertThat(ids).as(p.toString()).isEmpty();
            }
            if (!fromPeer && p.has("frames")) {
                for (JsonNode f : p.get("frames")) {
                    sawClose |= f.get("name").asText().equals("CLOSE");
                }
            }
        }
        assertThat(sawClose).as("the host closed the channel over the undefined frame (FRM-GEN-3)").isTrue();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
