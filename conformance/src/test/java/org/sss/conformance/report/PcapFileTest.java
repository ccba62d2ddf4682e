package org.sss.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.UdpPacket;

/**
 * The capture files of evidence bundles: the frames decode with Pcap4J's packet factory (valid IP and UDP
 * checksums, the payload intact), and the fallback writer writes the very bytes libpcap writes.
 */
class PcapFileTest {
    private static final Instant T = Instant.parse("2025-01-02T03:04:05.123456789Z");

    @Test
    void fallbackFramesDecodeAsEthernetIpUdpWithValidChecksums(@TempDir Path directory) throws Exception {
        InetSocketAddress peer = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 40000);
        InetSocketAddress iut = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 9);
        InetSocketAddress peer6 = new InetSocketAddress(InetAddress.getByName("::1"), 40001);
        InetSocketAddress iut6 = new InetSocketAddress(InetAddress.getByName("::1"), 9);
        byte[] odd = "rl3q5xLm odd length payload".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        List<CapturedDatagram> datagrams = List.of(new CapturedDatagram(T, peer, iut, odd),
                new CapturedDatagram(T.plusMillis(1), iut6, peer6, new byte[1200]));
        Path file = directory.resolve("x.pcap");

        PcapFile.writeWithoutLibpcap(file, datagrams);

        List<byte[]> frames = frames(Files.readAllBytes(file));
        assertThat(frames).hasSize(2);
        EthernetPacket first = EthernetPacket.newPacket(frames.get(0), 0, frames.get(0).length);
        IpV4Packet ip = first.get(IpV4Packet.class);
        UdpPacket udp = first.get(UdpPacket.class);
        assertThat(ip.getHeader().hasValidChecksum(false)).isTrue();
        assertThat(udp.hasValidChecksum(ip.getHeader().getSrcAddr(), ip.getHeader().getDstAddr(), false)).isTrue();
        assertThat(udp.getHeader().getSrcPort().valueAsInt()).isEqualTo(40000);
        assertThat(udp.getHeader().getDstPort().valueAsInt()).isEqualTo(9);
        assertThat(udp.getPayload().getRawData()).isEqualTo(odd);
        EthernetPacket second = EthernetPacket.newPacket(frames.get(1), 0, frames.get(1).length);
        IpV6Packet ip6 = second.get(IpV6Packet.class);
        UdpPacket udp6 = second.get(UdpPacket.class);
        assertThat(udp6.hasValidChecksum(ip6.getHeader().getSrcAddr(), ip6.getHeader().getDstAddr(), false)).isTrue();
        assertThat(udp6.getPayload().getRawData()).hasSize(1200);
    }

    @Test
    void theFallbackWritesTheBytesLibpcapWrites(@TempDir Path directory) throws Exception {
        List<CapturedDatagram> datagrams = new ArrayList<>();
        InetSocketAddress a = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 5000);
        InetSocketAddress b = new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 6000);
        for (int i = 0; i < 5; i++) {
            datagrams.add(new CapturedDatagram(T.plusNanos(i * 1_500_000L), i % 2 == 0 ? a : b, i % 2 == 0 ? b : a,
                    new byte[17 * i + 1]));
        }
        Path viaLibpcap = directory.resolve("libpcap.pcap");
        PcapFile.Written written = PcapFile.write(viaLibpcap, datagrams);
        assumeTrue(written.libpcap(), "libpcap is not installed here: " + written.fallbackReason());
        Path viaFallback = directory.resolve("fallback.pcap");

        PcapFile.writeWithoutLibpcap(viaFallback, datagrams);

        assertThat(Files.readAllBytes(viaFallback)).isEqualTo(Files.readAllBytes(viaLibpcap));
        assertThat(written.describe()).contains("Pcap4J");
    }

    /** The frames of a little-endian classic pcap file. */
    private static List<byte[]> frames(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(in.getInt()).isEqualTo(0xa1b2c3d4);
        in.position(20);
        assertThat(in.getInt()).as("link type Ethernet").isEqualTo(1);
        List<byte[]> frames = new ArrayList<>();
        while (in.hasRemaining()) {
            in.getInt();
            in.getInt();
            int length = in.getInt();
            assertThat(in.getInt()).isEqualTo(length);
            byte[] frame = new byte[length];
            in.get(frame);
            frames.add(frame);
        }
        return frames;
    }
}
