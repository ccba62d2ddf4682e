package org.sss.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.conformance.replay.Capture;
import org.sss.conformance.replay.CaptureReadException;
import org.sss.conformance.replay.PcapReader;

/**
 * The replay's pcap reader reads back what the evidence writer ({@link PcapFile}) writes, through both writers
 * (libpcap and the fallback) and both readers (libpcap and the fallback), and reads the other link types a capture
 * of SSS traffic may have: raw IP, BSD loopback and Linux cooked, in a big-endian nanosecond file.
 */
class PcapReaderRoundTripTest {
    private static final long SEED = new SecureRandom().nextLong();
    private static final Instant T = Instant.parse("2025-01-02T03:04:05.123456Z");

    @TempDir
    Path directory;

    @BeforeAll
    static void printSeed() {
        System.out.println("[PcapReaderRoundTripTest] seed=" + SEED);
    }

    private static List<CapturedDatagram> datagrams() throws Exception {
        Random random = new Random(SEED);
        InetSocketAddress a = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 40000 + random.nextInt(1000));
        InetSocketAddress b = new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 9660);
        InetSocketAddress a6 = new InetSocketAddress(InetAddress.getByName("::1"), 50000 + random.nextInt(1000));
        InetSocketAddress b6 = new InetSocketAddress(InetAddress.getByName("fe80::1"), 9661);
        List<CapturedDatagram> list = new ArrayList<>();
        int[] sizes = {0, 1, 17, 192, 1200, 1471};
        for (int i = 0; i < sizes.length; i++) {
            byte[] payload = new byte[sizes[i]];
            random.nextBytes(payload);
            boolean v6 = i % 3 == 2;
            boolean reply = i % 2 == 1;
            InetSocketAddress from = v6 ? (reply ? b6 : a6) : reply ? b : a;
            InetSocketAddress to = v6 ? (reply ? a6 : b6) : reply ? a : b;
            list.add(new CapturedDatagram(T.plusNanos(i * 1_234_000L + random.nextInt(1000) * 1000L), from, to, payload));
        }
        return list;
    }

    private static void assertSame(Capture capture, List<CapturedDatagram> expected) {
        assertThat(capture.skipped()).as("skipped frames").isZero();
        List<CapturedDatagram> read = capture.datagrams();
        assertThat(read).hasSameSizeAs(expected);
        for (int i = 0; i < read.size(); i++) {
            CapturedDatagram r = read.get(i);
            CapturedDatagram e = expected.get(i);
            assertThat(r.time()).as("time of %d", i).isEqualTo(e.time());
            assertThat(r.source()).as("source of %d", i).isEqualTo(e.source());
            assertThat(r.target()).as("target of %d", i).isEqualTo(e.target());
            assertThat(r.payload()).as("payload of %d", i).isEqualTo(e.payload());
        }
    }

    private static boolean libpcapLoads(Path file) {
        try {
            PcapReader.readWithLibpcap(file);
            return true;
        } catch (LinkageError e) {
            return false;
        } catch (CaptureReadException e) {
            return true;
        }
    }

    @Test
    void theFallbackReaderReadsWhatTheFallbackWriterWrote() throws Exception {
        List<CapturedDatagram> datagrams = datagrams();
        Path file = directory.resolve("fallback.pcap");
        PcapFile.writeWithoutLibpcap(file, datagrams);

        Capture capture = PcapReader.readWithoutLibpcap(file, "test");

        assertSame(capture, datagrams);
        assertThat(capture.libpcap()).isFalse();
        assertThat(capture.describe()).contains("own pcap reader", "test");
    }

    @Test
    void bothReadersReadWhatBothWritersWrote() throws Exception {
        List<CapturedDatagram> datagrams = datagrams();
        Path viaFallback = directory.resolve("fallback.pcap");
        PcapFile.writeWithoutLibpcap(viaFallback, datagrams);
        assumeTrue(libpcapLoads(viaFallback), "libpcap is not installed here");
        Path viaLibpcap = directory.resolve("libpcap.pcap");
        PcapFile.Written written = PcapFile.write(viaLibpcap, datagrams);
        assumeTrue(written.libpcap(), "libpcap did not write: " + written.fallbackReason());

        for (Path file : List.of(viaFallback, viaLibpcap)) {
            Capture withLibpcap = PcapReader.readWithLibpcap(file);
            assertSame(withLibpcap, datagrams);
            assertThat(withLibpcap.libpcap()).isTrue();
            assertSame(PcapReader.readWithoutLibpcap(file, "test"), datagrams);
            assertSame(PcapReader.read(file), datagrams);
        }
    }

    @Test
    void rawLoopbackAndCookedLinkTypesAreReadByBothReaders() throws Exception {
        List<CapturedDatagram> datagrams = datagrams();
        // each frame: the IP packet of EthernetFrames without its 14-byte Ethernet header, under another link header
        int[][] linkTypes = {{101}, {0}, {108}, {113}, {12}};
        for (int[] linkType : linkTypes) {
            List<byte[]> frames = new ArrayList<>();
            for (CapturedDatagram d : datagrams) {
                byte[] eth = EthernetFrames.frame(d);
                byte[] ip = Arrays.copyOfRange(eth, 14, eth.length);
                boolean v6 = (ip[0] & 0xf0) == 0x60;
                frames.add(switch (linkType[0]) {
                    case 0 -> concat(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v6 ? 30 : 2).array(), ip);
                    case 108 -> concat(ByteBuffer.allocate(4).putInt(v6 ? 24 : 2).array(), ip);
                    case 113 -> concat(ByteBuffer.allocate(16).putShort(14, (short) (v6 ? 0x86dd : 0x0800)).array(), ip);
                    default -> ip;
                });
            }
            Path file = directory.resolve("link" + linkType[0] + ".pcap");
            Files.write(file, bigEndianNanosecondPcap(linkType[0], datagrams, frames));

            assertSame(PcapReader.readWithoutLibpcap(file, "test"), datagrams);
            if (linkType[0] != 12 && libpcapLoads(file)) {
                // 12 is DLT_RAW in memory on some systems, never a link type written to files
                assertSame(PcapReader.readWithLibpcap(file), datagrams);
            }
        }
    }

    @Test
    void framesWithoutUdpAreSkippedAndCounted() throws Exception {
        List<CapturedDatagram> datagrams = datagrams().subList(0, 2);
        List<byte[]> frames = new ArrayList<>();
        frames.add(EthernetFrames.frame(datagrams.get(0)));
        byte[] arp = new byte[42];
        arp[12] = 0x08;
        arp[13] = 0x06;
        frames.add(arp);
        byte[] tcp = EthernetFrames.frame(datagrams.get(1));
        tcp[14 + 9] = 6; // IPv4 protocol: TCP
        frames.add(tcp);
        Path file = directory.resolve("mixed.pcap");
        List<CapturedDatagram> stamps = List.of(datagrams.get(0), datagrams.get(1), datagrams.get(1));
        Files.write(file, bigEndianNanosecondPcap(1, stamps, frames));

        List<Capture> captures = new ArrayList<>(List.of(PcapReader.readWithoutLibpcap(file, "test")));
        if (libpcapLoads(file)) {
            captures.add(PcapReader.readWithLibpcap(file));
        }
        for (Capture capture : captures) {
            assertThat(capture.datagrams()).hasSize(1);
            assertThat(capture.datagrams().get(0).payload()).isEqualTo(datagrams.get(0).payload());
            assertThat(capture.skipped()).as("ARP and TCP frames, %s", capture.describe()).isEqualTo(2);
        }
    }

    @Test
    void truncatedMissingAndForeignFilesAreRefusedNamingTheFile() throws Exception {
        Path good = directory.resolve("good.pcap");
        PcapFile.writeWithoutLibpcap(good, datagrams());
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = directory.resolve("truncated.pcap");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 5));
        Path foreign = directory.resolve("foreign.pcap");
        Files.writeString(foreign, "this is not a capture file at all, just text");
        Path missing = directory.resolve("missing.pcap");

        for (Path file : List.of(truncated, foreign, missing)) {
            assertThatThrownBy(() -> PcapReader.readWithoutLibpcap(file, "test"))
                    .isInstanceOf(CaptureReadException.class).hasMessageContaining(file.toString());
            assertThatThrownBy(() -> PcapReader.read(file))
                    .isInstanceOf(CaptureReadException.class).hasMessageContaining(file.toString());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** A classic pcap file in big-endian byte order with nanosecond timestamps. */
    private static byte[] bigEndianNanosecondPcap(int linkType, List<CapturedDatagram> stamps, List<byte[]> frames) {
        int size = 24 + frames.stream().mapToInt(f -> 16 + f.length).sum();
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(0xa1b23c4d).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262_144)
                .putInt(linkType);
        for (int i = 0; i < frames.size(); i++) {
            Instant t = stamps.get(i).time();
            out.putInt((int) t.getEpochSecond()).putInt(t.getNano()).putInt(frames.get(i).length)
                    .putInt(frames.get(i).length).put(frames.get(i));
        }
        return out.array();
    }
}
