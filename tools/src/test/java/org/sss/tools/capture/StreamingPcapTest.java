package org.sss.tools.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.UdpPacket;
import org.sss.conformance.report.CapturedDatagram;
import org.sss.conformance.report.PcapFile;

/**
 * The streaming pcap writer: datagrams appended one by one, IPv4 and IPv6, odd and even lengths, come
 * back as Ethernet frames with valid IP and UDP checksums and their payloads intact, in the same bytes
 * the whole-list writer writes. Payload sizes and bytes come from a printed seed.
 */
class StreamingPcapTest {
    private static final long SEED = new SecureRandom().nextLong();
    private static final Instant T = Instant.parse("2026-01-02T03:04:05.123456Z");

    @TempDir
    Path dir;

    @Test
    void appendedDatagramsOfBothFamiliesHaveValidChecksumsAndMatchTheListWriter() throws Exception {
        System.out.println("[StreamingPcapTest] seed=" + SEED);
        Random random = new Random(SEED);
        InetSocketAddress a4 = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 40000 + random.nextInt(1000));
        InetSocketAddress b4 = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 9660);
        InetSocketAddress a6 = new InetSocketAddress(InetAddress.getByName("::1"), 50000 + random.nextInt(1000));
        InetSocketAddress b6 = new InetSocketAddress(InetAddress.getByName("fe80::1"), 9660);
        List<CapturedDatagram> datagrams = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] payload = new byte[random.nextInt(1233)];
            random.nextBytes(payload);
            boolean v6 = i % 3 == 0;
            InetSocketAddress from = v6 ? a6 : a4;
            InetSocketAddress to = v6 ? b6 : b4;
            datagrams.add(i % 2 == 0 ? new CapturedDatagram(T.plusMillis(i), from, to, payload)
                    : new CapturedDatagram(T.plusMillis(i), to, from, payload));
        }
        Path streamed = dir.resolve("streamed.pcap");
        PcapFile.Written written;
        try (PcapFile.Writer writer = PcapFile.open(streamed)) {
            for (CapturedDatagram d : datagrams) {
                writer.append(d);
            }
            assertThat(writer.count()).isEqualTo(datagrams.size());
            written = writer.written();
        }
        System.out.println("[StreamingPcapTest] " + written.describe());

        List<byte[]> frames = CaptureTestSupport.frames(streamed);
        assertThat(frames).hasSize(datagrams.size());
        for (int i = 0; i < frames.size(); i++) {
            assertThat(CaptureTestSupport.checksumProblem(frames.get(i))).as("frame %d", i).isNull();
            UdpPacket udp = EthernetPacket.newPacket(frames.get(i), 0, frames.get(i).length).get(UdpPacket.class);
            byte[] payload = udp.getPayload() == null ? new byte[0] : udp.getPayload().getRawData();
            assertThat(payload).as("payload %d", i).isEqualTo(datagrams.get(i).payload());
            assertThat(udp.getHeader().getSrcPort().valueAsInt()).isEqualTo(datagrams.get(i).source().getPort());
        }
        Path listed = dir.resolve("listed.pcap");
        PcapFile.write(listed, datagrams);
        assertThat(Files.readAllBytes(streamed)).isEqualTo(Files.readAllBytes(listed));
    }

    @Test
    void appendingAfterCloseFails() throws Exception {
        PcapFile.Writer writer = PcapFile.open(dir.resolve("closed.pcap"));
        writer.close();
        CapturedDatagram d = new CapturedDatagram(T, new InetSocketAddress("127.0.0.1", 1),
                new InetSocketAddress("127.0.0.1", 2), new byte[3]);
        assertThatThrownBy(() -> writer.append(d)).isInstanceOf(IOException.class);
        assertThat(CaptureTestSupport.frames(dir.resolve("closed.pcap"))).isEmpty();
    }
}
