package org.sss.tools.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.UdpPacket;

/** Reads the Ethernet frames of a classic pcap file (either byte order) and checks their checksums. */
public final class CaptureTestSupport {
    private CaptureTestSupport() {
    }

    /** The frames of {@code file}, in order. */
    public static List<byte[]> frames(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int magic = in.getInt(0);
        if (magic != 0xa1b2c3d4) {
            in.order(ByteOrder.BIG_ENDIAN);
            if (in.getInt(0) != 0xa1b2c3d4) {
                throw new IllegalArgumentException(file + ": not a classic microsecond pcap file");
            }
        }
        if (in.getInt(20) != 1) {
            throw new IllegalArgumentException(file + ": link type is not Ethernet");
        }
        in.position(24);
        List<byte[]> frames = new ArrayList<>();
        while (in.hasRemaining()) {
            in.getInt();
            in.getInt();
            int captured = in.getInt();
            int original = in.getInt();
            if (captured != original) {
                throw new IllegalArgumentException(file + ": a truncated frame");
            }
            byte[] frame = new byte[captured];
            in.get(frame);
            frames.add(frame);
        }
        return frames;
    }

    /**
     * Why {@code frame} is not an Ethernet/IP/UDP frame with valid IP and UDP checksums, or null if it is.
     */
    public static String checksumProblem(byte[] frame) {
        try {
            EthernetPacket ethernet = EthernetPacket.newPacket(frame, 0, frame.length);
            UdpPacket udp = ethernet.get(UdpPacket.class);
            if (udp == null) {
                return "no UDP packet";
            }
            IpV4Packet v4 = ethernet.get(IpV4Packet.class);
            if (v4 != null) {
                if (!v4.getHeader().hasValidChecksum(false)) {
                    return "bad IPv4 header checksum";
                }
                return udp.hasValidChecksum(v4.getHeader().getSrcAddr(), v4.getHeader().getDstAddr(), false)
                        ? null : "bad UDP checksum (IPv4)";
            }
            IpV6Packet v6 = ethernet.get(IpV6Packet.class);
            if (v6 == null) {
                return "neither IPv4 nor IPv6";
            }
            return udp.hasValidChecksum(v6.getHeader().getSrcAddr(), v6.getHeader().getDstAddr(), false)
                    ? null : "bad UDP checksum (IPv6)";
        } catch (Exception e) {
            return "does not decode: " + e;
        }
    }
}
