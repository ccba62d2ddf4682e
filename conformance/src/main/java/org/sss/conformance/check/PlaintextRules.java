package org.sss.conformance.check;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Rules on one decrypted plaintext of the IUT at a time (SPEC.md 2.2, 6.2, 6.3, 7): it parses as a
 * header and frames laid out as {@code sss.ksy} says, reserved bits are zero, strings are UTF-8, and
 * the frames' own fields keep their limits. Where the Kaitai parser stops, the field it names decides
 * which requirement was broken.
 */
final class PlaintextRules {
    private static final long MAX_62 = (1L << 62) - 1;
    private static final String HEADER_RESERVED = "/types/packet_header/seq/0";
    private static final String HEADER_FEC_LAST = "/types/packet_header/seq/1";
    private static final String HEADER_FEC_GROUP = "/types/packet_header/seq/3";
    private static final String HEADER_VERSION = "/types/packet_header/seq/5";
    private static final String FRAME_TYPE = "/types/frame/seq/0";
    private static final String STREAM_USID = "/types/stream_frame/seq/2";
    private static final String STREAM_RESERVED = "/types/stream_frame/seq/6";
    private static final String STREAM_LSID = "/types/stream_frame/seq/8";
    private static final List<String> NAMED_FAULTS = List.of(HEADER_RESERVED, HEADER_FEC_LAST, HEADER_FEC_GROUP,
            HEADER_VERSION, FRAME_TYPE, STREAM_USID, STREAM_RESERVED, STREAM_LSID);

    private PlaintextRules() {
    }

    static List<PacketRule> rules() {
        return List.of(
                new PacketRule("CHN-PLAIN-1", "every plaintext is a header and one or more frames, M a multiple of 16",
                        PlaintextRules::shape),
                new PacketRule("PKT-ENC-4", "reserved bits of the header (0xE0) and of STREAM flags (0x00FE) are zero",
                        (ex, f) -> faultAt(ex, f, "every reserved bit zero", HEADER_RESERVED, STREAM_RESERVED)),
                new PacketRule("CHN-HDR-3", "the header's g (0x02) and f (0x10) bits are never set",
                        (ex, f) -> faultAt(ex, f, "the FEC bits g and f clear", HEADER_FEC_LAST, HEADER_FEC_GROUP)),
                new PacketRule("NEG-VER-2", "the version field, when present, is 1",
                        (ex, f) -> faultAt(ex, f, "version 1", HEADER_VERSION)),
                new PacketRule("FRM-GEN-5", "only frame types 0x00 to 0x10 are sent",
                        (ex, f) -> faultAt(ex, f, "a frame type defined in SPEC.md 7.0", FRAME_TYPE)),
                new PacketRule("FRM-STREAM-1", "no STREAM frame has USID without INIT",
                        (ex, f) -> faultAt(ex, f, "USID only together with INIT", STREAM_USID)),
                new PacketRule("FRM-GEN-1", "every frame is laid out as SPEC.md 7 says and ends within the plaintext",
                        PlaintextRules::layout),
                new PacketRule("STR-ROOT-1", "no STREAM, RESET, DETACH, PRIORITY or MAX_STREAM_DATA names LSID 0",
                        PlaintextRules::root),
                new PacketRule("PKT-ENC-2", "every reason string is well-formed UTF-8 without a terminating zero",
                        PlaintextRules::strings),
                new PacketRule("FRM-CLOSE-1", "CLOSE is the last frame of its packet apart from trailing zero bytes",
                        PlaintextRules::closeLast),
                new PacketRule("FRM-ERR-1", "no RESET, CLOSE or GOAWAY carries a code in the reserved 0x10..0xFFFF",
                        PlaintextRules::errorCodes),
                new PacketRule("FRM-MAXD-1", "no MAX_DATA value exceeds 2^62 - 1", PlaintextRules::maxData),
                new PacketRule("FRM-MAXSD-3", "no MAX_STREAM_DATA value exceeds 2^62 - 1",
                        PlaintextRules::maxStreamData),
                new PacketRule("FRM-SET-2", "SETTINGS entries are in strictly ascending tag order",
                        PlaintextRules::settingsAscending),
                new PacketRule("FRM-ACK-1", "both entropy bytes of every ACK are 0", PlaintextRules::entropy));
    }

    private static void shape(Exchange ex, Findings f) {
        for (Exchange.Packet p : ex.iutPackets()) {
            f.judged();
            Dissection d = p.dissection();
            int m = d.plaintext().length;
            if (m % 16 != 0 || m < 16) {
                f.violation("expected M a multiple of 16 and at least 16; observed M = " + m, p);
            } else if (d.header() == null && !NAMED_FAULTS.stream().anyMatch(d.fault()::at)) {
                f.violation("expected a packet header; observed one that does not parse: " + d.fault().message(), p);
            } else if (d.header() != null && d.frames().isEmpty() && d.fault() != null
                    && d.fault().offset() == m) {
                f.violation("expected at least one frame after the header; observed none", p);
            }
        }
    }

    private static void faultAt(Exchange ex, Findings f, String expected, String... paths) {
        for (Exchange.Packet p : ex.iutPackets()) {
            f.judged();
            Dissection.Fault fault = p.dissection().fault();
            for (String path : paths) {
                if (fault != null && fault.at(path)) {
                    f.violation("expected " + expected + "; observed a " + (fault.inHeader() ? "header" : "frame")
                            + " at offset " + fault.offset() + " that breaks it (" + fault.message() + ")", p);
                }
            }
        }
    }

    private static void layout(Exchange ex, Findings f) {
        for (Exchange.Packet p : ex.iutPackets()) {
            Dissection d = p.dissection();
            f.judged();
            Dissection.Fault fault = d.fault();
            if (fault != null && !fault.inHeader() && fault.offset() < d.plaintext().length
                    && NAMED_FAULTS.stream().noneMatch(fault::at)) {
                f.violation("expected the frame at offset " + fault.offset() + " to parse and end within the "
                        + d.plaintext().length + "-byte plaintext; observed: " + fault.message(), p);
            }
        }
    }

    private static void root(Exchange ex, Findings f) {
        for (Exchange.Packet p : ex.iutPackets()) {
            Dissection.Fault fault = p.dissection().fault();
            if (fault != null && fault.at(STREAM_LSID)) {
                f.judged();
                f.violation("expected no STREAM frame for LSID 0 (the root stream); observed one at offset "
                        + fault.offset(), p);
            }
            for (PeerFrame frame : p.frames()) {
                long lsid = lsidOf(frame);
                if (lsid >= 0) {
                    f.judged();
                    if (lsid == 0) {
                        f.violation("expected no " + Dissector.name(frame.type()) + " frame for LSID 0; observed "
                                + frame, p);
                    }
                }
            }
        }
    }

    private static void strings(Exchange ex, Findings f) {
        for (Exchange.Packet p : ex.iutPackets()) {
            for (Dissection.Slice s : p.dissection().frames()) {
                int at = switch (s.frame().type()) {
                    case PeerFrame.RESET, PeerFrame.GOAWAY -> 1 + 4 + 4;
                    case PeerFrame.CLOSE -> 1 + 4;
                    default -> -1;
                };
                if (at < 0) {
                    continue;
                }
                f.judged();
                byte[] b = s.bytes();
                int length = (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
                ByteBuffer value = ByteBuffer.wrap(b, at + 2, length);
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(value.duplicate());
                    if (length > 0 && b[at + 2 + length - 1] == 0) {
                        f.violation("expected the " + Dissector.name(s.frame().type())
                                + " reason without a terminating zero byte; observed one at its end", p);
                    }
                } catch (CharacterCodingException e) {
                    byte[] raw = new byte[length];
                    value.get(raw);
                    f.violation("expected the " + Dissector.name(s.frame().type()) + " reason to be well-formed "
                            + "UTF-8; observed " + Hex.of(raw), p);
                }
            }
        }
    }

    private static void closeLast(Exchange ex, Findings f) {
        for (Exchange.Packet p : ex.iutPackets()) {
            if (p.framesOf(PeerFrame.Close.class).isEmpty()) {
                continue;
            }
            f.judged();
            for (byte b : p.dissection().afterClose()) {
                if (b != 0) {
                    f.violation("expected only zero bytes after the CLOSE frame; observed "
                            + Hex.of(p.dissection().afterClose()), p);
                    break;
                }
            }
        }
    }

    private static void errorCodes(Exchange ex, Findings f) {
        for (Exchange.Packet p : ex.iutPackets()) {
            for (PeerFrame frame : p.frames()) {
                long code = frame instanceof PeerFrame.Reset r ? r.errorCode()
                        : frame instanceof PeerFrame.Close c ? c.errorCode()
                        : frame instanceof PeerFrame.Goaway g ? g.errorCode() : -1;
                if (code < 0) {
                    continue;
                }
                f.judged();
                if (code >= 0x10 && code <= 0xFFFF) {
                    f.violation(String.format("expected a code of section 11 (0x00..0x0F) or an application code "
                            + "(0x10000 up); observed 0x%x in %s", code, Dissector.name(frame.type())), p);
                }
            }
        }
    }

    private static void maxData(Exchange ex, Findings f) {
        for (Exchange.Packet p : ex.iutPackets()) {
            for (PeerFrame.MaxData m : p.framesOf(PeerFrame.MaxData.class)) {
                f.judged();
                if (Long.compareUnsigned(m.maxData(), MAX_62) > 0) {
                    f.violation("expected MAX_DATA <= 2^62 - 1; observed " + Long.toUnsignedString(m.maxData()), p);
                }
            }
        }
    }

    private static void maxStreamData(Exchange ex, Findings f) {
        for (Exchange.Packet p : ex.iutPackets()) {
            for (PeerFrame.MaxStreamData m : p.framesOf(PeerFrame.MaxStreamData.class)) {
                f.judged();
                if (Long.compareUnsigned(m.maxStreamData(), MAX_62) > 0) {
                    f.violation("expected MAX_STREAM_DATA <= 2^62 - 1; observed "
                            + Long.toUnsignedString(m.maxStreamData()) + " for LSID " + m.lsid(), p);
                }
            }
        }
    }

    private static void settingsAscending(Exchange ex, Findings f) {
        for (Exchange.Packet p : ex.iutPackets()) {
            for (PeerFrame.Settings s : p.framesOf(PeerFrame.Settings.class)) {
                f.judged();
                int previous = -1;
                for (PeerFrame.Setting e : s.entries()) {
                    if (e.tag() <= previous) {
                        f.violation("expected strictly ascending tags; observed tag " + e.tag() + " after " + previous,
                                p);
                        break;
                    }
                    previous = e.tag();
                }
            }
        }
    }

    private static void entropy(Exchange ex, Findings f) {
        for (Exchange.Packet p : ex.iutPackets()) {
            for (PeerFrame.Ack a : p.acks()) {
                f.judged();
                if (a.sentEntropy() != 0 || a.receivedEntropy() != 0) {
                    f.violation("expected sent_entropy 0 and received_entropy 0; observed " + a.sentEntropy() + " and "
                            + a.receivedEntropy(), p);
                }
            }
        }
    }

    /** The LSID a STREAM, RESET, DETACH, PRIORITY or MAX_STREAM_DATA frame names, or -1 for other frames. */
    static long lsidOf(PeerFrame frame) {
        return frame instanceof PeerFrame.Stream s ? s.lsid()
                : frame instanceof PeerFrame.Reset r ? r.lsid()
                : frame instanceof PeerFrame.Detach d ? d.lsid()
                : frame instanceof PeerFrame.Priority p ? p.lsid()
                : frame instanceof PeerFrame.MaxStreamData m ? m.lsid() : -1;
    }

    /** Whether a header was read with the version field (for the rules on NEG-VER-1). */
    static boolean hasVersion(Exchange.Packet p) {
        PacketHeader h = p.dissection() == null ? null : p.dissection().header();
        return h != null && h.hasVersion();
    }
}
