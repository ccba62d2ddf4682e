package org.sss.conformance.report;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * Wraps a UDP datagram into the Ethernet II frame, IPv4 or IPv6 header and UDP header (with correct
 * checksums) that a capture on an Ethernet-like interface would have shown, so that tshark and Wireshark
 * dissect the capture down to the UDP payload (and, with the SSS dissector, further). The MAC addresses
 * are zero, as on Linux loopback captures.
 */
final class EthernetFrames {
    private static final int ETHERNET = 14;
    private static final int IPV4 = 20;
    private static final int IPV6 = 40;
    private static final int UDP = 8;
    private static final int PROTOCOL_UDP = 17;

    private EthernetFrames() {
    }

    /** The frame of {@code datagram}. */
    static byte[] frame(CapturedDatagram datagram) {
        InetAddress src = datagram.source().getAddress();
        InetAddress dst = datagram.target().getAddress();
        byte[] payload = datagram.payload();
        boolean v6 = src instanceof Inet6Address || dst instanceof Inet6Address;
        byte[] srcBytes = v6 ? v6Bytes(src) : src.getAddress();
        byte[] dstBytes = v6 ? v6Bytes(dst) : dst.getAddress();
        int udpLength = UDP + payload.length;
        ByteBuffer frame = ByteBuffer.allocate(ETHERNET + (v6 ? IPV6 : IPV4) + udpLength);
        frame.put(new byte[12]).putShort((short) (v6 ? 0x86dd : 0x0800));
        if (v6) {
            frame.putInt(0x6000_0000).putShort((short) udpLength).put((byte) PROTOCOL_UDP).put((byte) 64)
                    .put(srcBytes).put(dstBytes);
        } else {
            int ipStart = frame.position();
            frame.put((byte) 0x45).put((byte) 0).putShort((short) (IPV4 + udpLength)).putShort((short) 0)
                    .putShort((short) 0x4000).put((byte) 64).put((byte) PROTOCOL_UDP).putShort((short) 0)
                    .put(srcBytes).put(dstBytes);
            frame.putShort(ipStart + 10, (short) checksum(0, frame.array(), ipStart, IPV4));
        }
        int udpStart = frame.position();
        frame.putShort((short) datagram.source().getPort()).putShort((short) datagram.target().getPort())
                .putShort((short) udpLength).putShort((short) 0).put(payload);
        long pseudo = sum(srcBytes) + sum(dstBytes) + PROTOCOL_UDP + udpLength;
        int udpChecksum = checksum(pseudo, frame.array(), udpStart, udpLength);
        frame.putShort(udpStart + 6, (short) (udpChecksum == 0 ? 0xffff : udpChecksum));
        return frame.array();
    }

    /** An IPv4 address as its IPv4-mapped IPv6 form, so that one frame never mixes families. */
    private static byte[] v6Bytes(InetAddress address) {
        if (address instanceof Inet4Address) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(address.getAddress(), 0, mapped, 12, 4);
            return mapped;
        }
        return address.getAddress();
    }

    private static long sum(byte[] bytes) {
        long sum = 0;
        for (int i = 0; i < bytes.length; i += 2) {
            sum += (bytes[i] & 0xff) << 8 | (i + 1 < bytes.length ? bytes[i + 1] & 0xff : 0);
        }
        return sum;
    }

    /** The Internet checksum (RFC 1071) of {@code length} bytes at {@code offset}, starting from {@code initial}. */
    private static int checksum(long initial, byte[] bytes, int offset, int length) {
        long sum = initial;
        for (int i = 0; i < length; i += 2) {
            int hi = bytes[offset + i] & 0xff;
            int lo = i + 1 < length ? bytes[offset + i + 1] & 0xff : 0;
            sum += hi << 8 | lo;
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
