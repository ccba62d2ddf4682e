package org.sss.tools.dissect;

import java.io.EOFException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
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
 * Reads the UDP datagrams of a pcap file through Pcap4J and the system's libpcap, the same library
 * that writes the conformance suite's evidence captures, so that any link type and IP version libpcap
 * and Pcap4J understand is accepted. Frames that carry no UDP datagram are skipped.
 */
final class CaptureReader {
    private CaptureReader() {
    }

    /** The UDP datagrams of {@code file}, in capture order. */
    static List<CapturedDatagram> read(Path file) throws UnreadableCaptureException {
        PcapHandle handle;
        try {
            handle = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO);
        } catch (PcapNativeException e) {
            throw new UnreadableCaptureException(file + ": not a readable pcap file: " + e.getMessage());
        }
        try {
            List<CapturedDatagram> datagrams = new ArrayList<>();
            while (true) {
                Packet packet;
                try {
                    packet = handle.getNextPacketEx();
                } catch (EOFException e) {
                    return datagrams;
                } catch (TimeoutException e) {
                    continue;
                }
                CapturedDatagram datagram = udp(packet, handle);
                if (datagram != null) {
                    datagrams.add(datagram);
                }
            }
        } catch (PcapNativeException | NotOpenException e) {
            throw new UnreadableCaptureException(file + ": " + e.getMessage());
        } finally {
            handle.close();
        }
    }

    private static CapturedDatagram udp(Packet packet, PcapHandle handle) {
        UdpPacket udp = packet.get(UdpPacket.class);
        if (udp == null) {
            return null;
        }
        InetAddress src;
        InetAddress dst;
        IpV4Packet v4 = packet.get(IpV4Packet.class);
        if (v4 != null) {
            src = v4.getHeader().getSrcAddr();
            dst = v4.getHeader().getDstAddr();
        } else {
            IpV6Packet v6 = packet.get(IpV6Packet.class);
            if (v6 == null) {
                return null;
            }
            src = v6.getHeader().getSrcAddr();
            dst = v6.getHeader().getDstAddr();
        }
        byte[] payload = udp.getPayload() == null ? new byte[0] : udp.getPayload().getRawData();
        return new CapturedDatagram(handle.getTimestamp().toInstant(),
                new InetSocketAddress(src, udp.getHeader().getSrcPort().valueAsInt()),
                new InetSocketAddress(dst, udp.getHeader().getDstPort().valueAsInt()), payload);
    }
}
