package org.sss.conformance.check;

import java.util.List;
import java.util.stream.Stream;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.Packets;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Rules on the IUT's datagrams as they travel, before any box is opened: magics and sizes (SPEC.md
 * section 3), what may travel in the clear (CRY-KDF-3, SEC-ID-1) and what a responder may send before
 * a channel exists (NEG-COOKIE-2, NEG-DOS-3).
 */
final class DatagramRules {
    private DatagramRules() {
    }

    static List<PacketRule> rules() {
        return List.of(
                new PacketRule("PKT-MAGIC-1", "every datagram starts with the magic of a kind a responder sends",
                        DatagramRules::magic),
                new PacketRule("PKT-MAGIC-4", "no datagram carries the reserved INITIATE_MESSAGE magic",
                        DatagramRules::reservedMagic),
                new PacketRule("PKT-SIZE-2", "every COOKIE is exactly 168 bytes", DatagramRules::cookieSize),
                new PacketRule("PKT-SIZE-4", "every MESSAGE is 64 + M bytes, M a multiple of 16, 16 <= M <= 1168",
                        DatagramRules::messageSize),
                new PacketRule("PKT-SIZE-7", "no UDP payload exceeds 1232 bytes", DatagramRules::payloadSize),
                new PacketRule("PKT-SIZE-9", "no MESSAGE of the channel has an M above the tester's MAX_PLAINTEXT",
                        DatagramRules::peerMaxPlaintext),
                new PacketRule("SEC-ID-1", "no datagram contains a long-term public key (R or I) in the clear",
                        DatagramRules::longTermKeys),
                new PacketRule("CRY-KDF-3", "no datagram contains the channel ID (and so no USID) in the clear",
                        DatagramRules::channelId),
                new PacketRule("NEG-COOKIE-2", "no more COOKIEs than HELLOs sent so far",
                        DatagramRules::oneCookiePerHello),
                new PacketRule("NEG-DOS-3", "nothing but COOKIE before the tester peer sent an INITIATE",
                        DatagramRules::onlyCookieBeforeInitiate));
    }

    private static List<LoggedDatagram> received(Exchange ex) {
        return ex.log().stream().filter(d -> d.direction() == LoggedDatagram.Direction.RECEIVED).toList();
    }

    private static void magic(Exchange ex, Findings f) {
        for (LoggedDatagram d : received(ex)) {
            f.judged();
            Magic m = Magic.of(d.bytes());
            if (m == null) {
                f.violation("expected a COOKIE (rl3Anmxk) or MESSAGE (rl3q5xLm) magic; observed " + (d.length() < 8
                        ? "a datagram of " + d.length() + " bytes" : "an unknown magic"), d);
            } else if (m == Magic.HELLO || m == Magic.INITIATE) {
                f.violation("expected a responder's COOKIE or MESSAGE magic; observed the initiator's " + m
                        + " magic", d);
            }
        }
    }

    private static void reservedMagic(Exchange ex, Findings f) {
        for (LoggedDatagram d : received(ex)) {
            f.judged();
            if (Magic.INITIATE_MESSAGE.starts(d.bytes())) {
                f.violation("expected no packet with the reserved magic qVNq5xLo; observed one", d);
            }
        }
    }

    private static void cookieSize(Exchange ex, Findings f) {
        for (LoggedDatagram d : received(ex)) {
            if (Magic.COOKIE.starts(d.bytes())) {
                f.judged();
                if (d.length() != Packets.COOKIE_SIZE) {
                    f.violation("expected a COOKIE of exactly 168 bytes; observed " + d.length(), d);
                }
            }
        }
    }

    private static void messageSize(Exchange ex, Findings f) {
        for (LoggedDatagram d : received(ex)) {
            if (Magic.MESSAGE.starts(d.bytes())) {
                f.judged();
                int m = d.length() - Packets.MESSAGE_OVERHEAD;
                if (m < 16 || m > Packets.MAX_MESSAGE_PLAINTEXT || m % 16 != 0) {
                    f.violation("expected 64 + M bytes with M a multiple of 16, 16 <= M <= 1168; observed "
                            + d.length() + " bytes (M = " + m + ")", d);
                }
            }
        }
    }

    private static void payloadSize(Exchange ex, Findings f) {
        for (LoggedDatagram d : received(ex)) {
            f.judged();
            if (d.length() > Packets.MAX_DATAGRAM) {
                f.violation("expected at most 1232 bytes; observed " + d.length(), d);
            }
        }
    }

    private static void peerMaxPlaintext(Exchange ex, Findings f) {
        int max = ex.testerMaxPlaintext();
        for (Exchange.Packet p : concat(ex.iutPackets(), ex.iutUnopened())) {
            f.judged();
            int m = p.datagram().length() - Packets.MESSAGE_OVERHEAD;
            if (m > max) {
                f.violation("expected M <= " + max + " (the tester's MAX_PLAINTEXT "
                        + ex.testerSetting(PeerFrame.Setting.MAX_PLAINTEXT, 1168)
                        + " rounded down to 16); observed M = " + m, p);
            }
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static void longTermKeys(Exchange ex, Findings f) {
        byte[] r = ex.facts().iutLongTermKey();
        byte[] i = ex.facts().testerLongTermKey();
        for (LoggedDatagram d : received(ex)) {
            f.judged();
            byte[] b = d.bytes();
            int at = indexOf(b, r);
            if (at >= 0) {
                f.violation("expected the IUT's long-term key R only inside boxes; observed it in the clear at byte "
                        + at, d);
            }
            at = indexOf(b, i);
            if (at >= 0) {
                f.violation("expected the tester's long-term key I only inside boxes; observed it in the clear at "
                        + "byte " + at, d);
            }
        }
    }

    private static void channelId(Exchange ex, Findings f) {
        byte[] id = ex.channelId();
        for (LoggedDatagram d : received(ex)) {
            f.judged();
            int at = indexOf(d.bytes(), id);
            if (at >= 0) {
                f.violation("expected the channel ID only inside boxes; observed it in the clear at byte " + at, d);
            }
        }
    }

    private static void oneCookiePerHello(Exchange ex, Findings f) {
        int hellos = 0;
        int cookies = 0;
        for (LoggedDatagram d : ex.log()) {
            if (d.direction() == LoggedDatagram.Direction.SENT && Magic.HELLO.starts(d.bytes())) {
                hellos++;
            } else if (d.direction() == LoggedDatagram.Direction.RECEIVED && Magic.COOKIE.starts(d.bytes())) {
                f.judged();
                if (++cookies > hellos) {
                    f.violation("expected at most one COOKIE per HELLO; observed COOKIE number " + cookies + " after "
                            + hellos + " HELLO(s)", d);
                }
            }
        }
    }

    private static void onlyCookieBeforeInitiate(Exchange ex, Findings f) {
        for (LoggedDatagram d : ex.log()) {
            if (d.direction() == LoggedDatagram.Direction.SENT && Magic.INITIATE.starts(d.bytes())) {
                return;
            }
            if (d.direction() == LoggedDatagram.Direction.RECEIVED) {
                f.judged();
                if (!Magic.COOKIE.starts(d.bytes())) {
                    f.violation("expected only COOKIEs before the tester sent any INITIATE; observed another "
                            + "datagram", d);
                }
            }
        }
    }

    /** The first position of {@code needle} in {@code haystack}, or -1. */
    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
