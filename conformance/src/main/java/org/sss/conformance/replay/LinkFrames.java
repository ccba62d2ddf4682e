package org.sss.conformance.replay;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import org.sss.conformance.report.CapturedDatagram;

/**
 * The suite's own decoding of a captured frame down to its UDP datagram, for the link types a capture of SSS
 * traffic is likely to have: Ethernet (with one optional 802.1Q tag), BSD loopback (NULL and LOOP), raw IP, Linux
 * cooked captures (SLL and SLL2). Used when libpcap cannot be loaded, and for frames Pcap4J's packet factory leaves
 * undecoded. Every length is checked against what remains; a frame that is not a whole, unfragmented UDP datagram
 * over IPv4 or IPv6 (without extension headers) yields null.
 */
final class LinkFrames {
    static final int LINKTYPE_NULL = 0;
    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_RAW = 101;
    static final int LINKTYPE_LOOP = 108;
    static final int LINKTYPE_LINUX_SLL = 113;
    static final int LINKTYPE_IPV4 = 228;
    static final int LINKTYPE_IPV6 = 229;
    static final int LINKTYPE_LINUX_SLL2 = 276;
    /** DLT_RAW as some systems number it in memory (libpcap maps file link type 101 to it). */
    private static final int DLT_RAW_12 = 12;
    private static final int DLT_RAW_14 = 14;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86dd;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int UDP = 17;

    private LinkFrames() {
    }

    /** Whether {@link #decode} knows {@code linkType}. */
    static boolean knows(int linkType) {
        return switch (linkType) {
            case LINKTYPE_NULL, LINKTYPE_ETHERNET, LINKTYPE_RAW, DLT_RAW_12, DLT_RAW_14, LINKTYPE_LOOP,
                    LINKTYPE_LINUX_SLL, LINKTYPE_IPV4, LINKTYPE_IPV6, LINKTYPE_LINUX_SLL2 -> true;
            default -> false;
        };
    }

    /** The UDP datagram in {@code frame} of link type {@code linkType}, or null. */
    static CapturedDatagram decode(int linkType, Instant time, byte[] frame) {
        ByteBuffer b = ByteBuffer.wrap(frame);
        switch (linkType) {
            case LINKTYPE_ETHERNET -> {
                if (b.remaining() < 14) {
                    return null;
                }
                b.position(12);
                int type = b.getShort() & 0xffff;
                if (type == ETHERTYPE_VLAN) {
                    if (b.remaining() < 4) {
                        return null;
                    }
                    b.getShort();
                    type = b.getShort() & 0xffff;
                }
                return byEtherType(type, time, b);
            }
            case LINKTYPE_NULL, LINKTYPE_LOOP -> {
                if (b.remaining() < 4) {
                    return null;
                }
                // NULL holds the address family in the capturing host's byte order, LOOP in network order;
                // families are small numbers, so a value with empty low bytes was written little-endian
                int family = b.getInt();
                if (linkType == LINKTYPE_NULL && family != 0 && (family & 0xffff) == 0) {
                    family = Integer.reverseBytes(family);
                }
                return family == 2 ? ipV4(time, b) : family == 24 || family == 28 || family == 30 ? ipV6(time, b) : null;
            }
            case LINKTYPE_RAW, DLT_RAW_12, DLT_RAW_14 -> {
                return ip(time, b);
            }
            case LINKTYPE_IPV4 -> {
                return ipV4(time, b);
            }
            case LINKTYPE_IPV6 -> {
                return ipV6(time, b);
            }
            case LINKTYPE_LINUX_SLL -> {
                if (b.remaining() < 16) {
                    return null;
                }
                b.position(14);
                int type = b.getShort() & 0xffff;
                return byEtherType(type, time, b);
            }
            case LINKTYPE_LINUX_SLL2 -> {
                if (b.remaining() < 20) {
                    return null;
                }
                int type = b.getShort() & 0xffff;
                b.position(20);
                return byEtherType(type, time, b);
            }
            default -> {
                return null;
            }
        }
    }

    private static CapturedDatagram byEtherType(int type, Instant time, ByteBuffer b) {
        return type == ETHERTYPE_IPV4 ? ipV4(time, b) : type == ETHERTYPE_IPV6 ? ipV6(time, b) : null;
    }

    private static CapturedDatagram ip(Instant time, ByteBuffer b) {
        if (!b.hasRemaining()) {
            return null;
        }
        int version = (b.get(b.position()) & 0xff) >> 4;
        return version == 4 ? ipV4(time, b) : version == 6 ? ipV6(time, b) : null;
    }

    private static CapturedDatagram ipV4(Instant time, ByteBuffer b) {
        int start = b.position();
        if (b.remaining() < 20 || (b.get(start) & 0xff) >> 4 != 4) {
            return null;
        }
        int headerLength = (b.get(start) & 0x0f) * 4;
        int totalLength = b.getShort(start + 2) & 0xffff;
        int fragment = b.getShort(start + 6) & 0x3fff; // the MF flag and the fragment offset
        if (headerLength < 20 || totalLength < headerLength || totalLength > b.remaining() || fragment != 0
                || (b.get(start + 9) & 0xff) != UDP) {
            return null;
        }
        byte[] src = bytes(b, start + 12, 4);
        byte[] dst = bytes(b, start + 16, 4);
        return udp(time, src, dst, b, start + headerLength, start + totalLength);
    }

    private static CapturedDatagram ipV6(Instant time, ByteBuffer b) {
        int start = b.position();
        if (b.remaining() < 40 || (b.get(start) & 0xff) >> 4 != 6 || (b.get(start + 6) & 0xff) != UDP) {
            return null;
        }
        int payloadLength = b.getShort(start + 4) & 0xffff;
        if (40 + payloadLength > b.remaining()) {
            return null;
        }
        return udp(time, bytes(b, start + 8, 16), bytes(b, start + 24, 16), b, start + 40, start + 40 + payloadLength);
    }

    private static CapturedDatagram udp(Instant time, byte[] src, byte[] dst, ByteBuffer b, int start, int end) {
        if (end - start < 8) {
            return null;
        }
        int length = b.getShort(start + 4) & 0xffff;
        if (length < 8 || start + length > end) {
            return null;
        }
        try {
            InetSocketAddress source = new InetSocketAddress(InetAddress.getByAddress(src), b.getShort(start) & 0xffff);
            InetSocketAddress target = new InetSocketAddress(InetAddress.getByAddress(dst),
                    b.getShort(start + 2) & 0xffff);
            return new CapturedDatagram(time, source, target, bytes(b, start + 8, length - 8));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of 4 or 16 bytes is always valid", e);
        }
    }

    private static byte[] bytes(ByteBuffer b, int offset, int length) {
        return Arrays.copyOfRange(b.array(), b.arrayOffset() + offset, b.arrayOffset() + offset + length);
    }
}
