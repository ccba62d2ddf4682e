package org.sss.conformance.replay;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.UdpPacket;
import org.sss.conformance.report.CapturedDatagram;

/**
 * Reads the UDP datagrams of a capture file. The reader is Pcap4J over the system's libpcap (DESIGN.md section 6),
 * so every file format and link type libpcap opens is accepted (pcap and pcapng); Pcap4J's packet factory decodes
 * Ethernet, IPv4, IPv6 and UDP, and frames it leaves undecoded (raw IP, loopback, Linux cooked link types) are
 * decoded by {@link LinkFrames}. Where libpcap cannot be loaded (not installed: {@code scripts/lib/prereqs.sh}
 * installs Debian's libpcap0.8), {@link #readWithoutLibpcap} reads the classic pcap format itself, the counterpart
 * of {@link org.sss.conformance.report.PcapFile}'s fallback writer; the result says which reader ran and why.
 */
public final class PcapReader {
    private static final int MAGIC_MICROS = 0xa1b2c3d4;
    private static final int MAGIC_NANOS = 0xa1b23c4d;
    private static final int PCAPNG = 0x0a0d0d0a;
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    private PcapReader() {
    }

    /** The UDP datagrams of {@code file}, in capture order, through libpcap when it loads. */
    public static Capture read(Path file) throws CaptureReadException {
        requireFile(file);
        try {
            return readWithLibpcap(file);
        } catch (LinkageError e) {
            // JNA throws UnsatisfiedLinkError, and class initialisation errors follow on later calls
            return readWithoutLibpcap(file, e.toString());
        }
    }

    /**
     * Reads through Pcap4J and libpcap only.
     *
     * @throws LinkageError when libpcap cannot be loaded
     */
    public static Capture readWithLibpcap(Path file) throws CaptureReadException {
        requireFile(file);
        PcapHandle handle;
        try {
            handle = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO);
        } catch (PcapNativeException e) {
            throw new CaptureReadException(file + ": not a readable capture file: " + e.getMessage());
        }
        try {
            int linkType = handle.getDlt().value();
            List<CapturedDatagram> datagrams = new ArrayList<>();
            int skipped = 0;
            while (true) {
                Packet packet;
                try {
                    packet = handle.getNextPacketEx();
                } catch (EOFException e) {
                    return new Capture(file, datagrams, skipped, true, null);
                } catch (TimeoutException e) {
                    continue;
                }
                Instant time = handle.getTimestamp().toInstant();
                CapturedDatagram datagram = decoded(packet, time);
                if (datagram == null) {
                    datagram = LinkFrames.decode(linkType, time, packet.getRawData());
                }
                if (datagram == null) {
                    skipped++;
                } else {
                    datagrams.add(datagram);
                }
            }
        } catch (PcapNativeException | NotOpenException e) {
            throw new CaptureReadException(file + ": " + e.getMessage());
        } finally {
            handle.close();
        }
    }

    /** The datagram Pcap4J's packet factory decoded, or null when it found no UDP over IPv4 or IPv6. */
    private static CapturedDatagram decoded(Packet packet, Instant time) {
        UdpPacket udp = packet.get(UdpPacket.class);
        if (udp == null) {
            return null;
        }
        InetAddress src;
        InetAddress dst;
        IpV4Packet v4 = packet.get(IpV4Packet.class);
        IpV6Packet v6 = packet.get(IpV6Packet.class);
        if (v4 != null) {
            if (v4.getHeader().getMoreFragmentFlag() || v4.getHeader().getFragmentOffset() != 0) {
                return null;
            }
            src = v4.getHeader().getSrcAddr();
            dst = v4.getHeader().getDstAddr();
        } else if (v6 != null) {
            src = v6.getHeader().getSrcAddr();
            dst = v6.getHeader().getDstAddr();
        } else {
            return null;
        }
        byte[] payload = udp.getPayload() == null ? new byte[0] : udp.getPayload().getRawData();
        return new CapturedDatagram(time, new InetSocketAddress(src, udp.getHeader().getSrcPort().valueAsInt()),
                new InetSocketAddress(dst, udp.getHeader().getDstPort().valueAsInt()), payload);
    }

    /**
     * Reads the classic pcap format (either byte order, microsecond or nanosecond timestamps) without libpcap.
     *
     * @param why why libpcap is not used, recorded in the result
     */
    public static Capture readWithoutLibpcap(Path file, String why) throws CaptureReadException {
        requireFile(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CaptureReadException(file + ": " + e.getMessage());
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < FILE_HEADER) {
            throw new CaptureReadException(file + ": not a pcap file: " + bytes.length + " bytes, shorter than the "
                    + FILE_HEADER + "-byte file header");
        }
        int magic = b.getInt(0);
        if (magic == PCAPNG) {
            throw new CaptureReadException(file + ": a pcapng file; without libpcap only the classic pcap format is "
                    + "read (install libpcap0.8: scripts/lib/prereqs.sh)");
        }
        if (Integer.reverseBytes(magic) == MAGIC_MICROS || Integer.reverseBytes(magic) == MAGIC_NANOS) {
            b.order(ByteOrder.BIG_ENDIAN);
            magic = Integer.reverseBytes(magic);
        }
        if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
            throw new CaptureReadException(file + ": not a pcap file: magic " + Integer.toHexString(b.getInt(0)));
        }
        long fractionNanos = magic == MAGIC_NANOS ? 1 : 1000;
        int linkType = b.getInt(20) & 0x0fff_ffff; // the upper bits may hold an FCS length
        if (!LinkFrames.knows(linkType)) {
            throw new CaptureReadException(file + ": link type " + linkType + " is not read without libpcap");
        }
        b.position(FILE_HEADER);
        List<CapturedDatagram> datagrams = new ArrayList<>();
        int skipped = 0;
        while (b.hasRemaining()) {
            if (b.remaining() < RECORD_HEADER) {
                throw new CaptureReadException(file + ": truncated record header at offset " + b.position());
            }
            long seconds = b.getInt() & 0xffff_ffffL;
            long fraction = b.getInt() & 0xffff_ffffL;
            int included = b.getInt();
            b.getInt();
            if (included < 0 || included > b.remaining()) {
                throw new CaptureReadException(file + ": truncated record at offset " + (b.position() - RECORD_HEADER)
                        + ": " + Integer.toUnsignedString(included) + " bytes announced, " + b.remaining() + " left");
            }
            byte[] frame = new byte[included];
            b.get(frame);
            CapturedDatagram datagram = LinkFrames.decode(linkType,
                    Instant.ofEpochSecond(seconds, fraction * fractionNanos), frame);
            if (datagram == null) {
                skipped++;
            } else {
                datagrams.add(datagram);
            }
        }
        return new Capture(file, datagrams, skipped, false, why);
    }

    private static void requireFile(Path file) throws CaptureReadException {
        if (!Files.isRegularFile(file)) {
            throw new CaptureReadException(file + ": no such file");
        }
    }
}
