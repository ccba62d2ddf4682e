package org.sss.core.wire.vectors;

import static java.util.List.of;
import static org.sss.core.wire.DropReason.ACK_RANGE_INVALID;
import static org.sss.core.wire.DropReason.BAD_PACKET_LENGTH;
import static org.sss.core.wire.DropReason.CLOSE_WITHOUT_ACK;
import static org.sss.core.wire.DropReason.DATAGRAM_TOO_SHORT;
import static org.sss.core.wire.DropReason.FEC_NOT_SUPPORTED;
import static org.sss.core.wire.DropReason.FRAME_RESERVED_BITS;
import static org.sss.core.wire.DropReason.FRAME_TRUNCATED;
import static org.sss.core.wire.DropReason.HEADER_RESERVED_BITS;
import static org.sss.core.wire.DropReason.HEADER_TRUNCATED;
import static org.sss.core.wire.DropReason.SERVICE_MESSAGE_MALFORMED;
import static org.sss.core.wire.DropReason.SETTINGS_BAD_VALUE;
import static org.sss.core.wire.DropReason.SETTINGS_NOT_ASCENDING;
import static org.sss.core.wire.DropReason.STREAM_EMPTY_WITHOUT_FIN;
import static org.sss.core.wire.DropReason.STREAM_LSID_ZERO;
import static org.sss.core.wire.DropReason.STREAM_OFFSET_OVERFLOW;
import static org.sss.core.wire.DropReason.STREAM_USID_WITHOUT_INIT;
import static org.sss.core.wire.DropReason.STRING_NOT_UTF8;
import static org.sss.core.wire.DropReason.UNKNOWN_CONGESTION_FEEDBACK;
import static org.sss.core.wire.DropReason.UNKNOWN_FRAME_TYPE;
import static org.sss.core.wire.DropReason.UNKNOWN_MAGIC;
import static org.sss.core.wire.DropReason.UNSUPPORTED_VERSION;

import java.util.Arrays;
import java.util.List;
import org.sss.core.wire.RawBytes;
import org.sss.core.wire.WireLimits;
import org.sss.core.wire.WireUnit;

/**
 * malformed.json: inputs a receiver must drop, each with the verdict. Every input is written byte by
 * byte, independently of the encoder; a plaintext-level input also names the error code the
 * channel is closed with.
 */
final class MalformedVectors {
    private static final List<String> TRUNCATED = of("Truncated");
    private static final List<String> LENGTH = of("BadLength");
    private static final List<String> RESERVED = of("ReservedBits");
    private static final List<String> UNKNOWN = of("UnknownType");
    private static final List<String> RULE = of("BrokenRule");
    private static final List<String> UTF8 = of("BadUtf8");

    private MalformedVectors() {
    }

    static VectorFileBuilder build() {
        VectorFileBuilder file = new VectorFileBuilder("malformed", "SPEC.md appendix (Receiver verdicts)")
                .note("Truncated", "The input ends inside a field or announces more bytes than remain.")
                .note("BadLength", "A length that breaks a size rule.")
                .note("ReservedBits", "A reserved or unsupported bit is set.")
                .note("UnknownType", "A magic, type, subtype, kind or operation that version 1 does not define.")
                .note("BrokenRule", "Well-formed bytes whose values break a rule of the specification.")
                .note("BadUtf8", "A string that is not well-formed UTF-8.");
        datagrams(file.group(WireUnit.DATAGRAM));
        plaintexts(file.group(WireUnit.MESSAGE_PLAINTEXT));
        headers(file.group(WireUnit.PACKET_HEADER));
        frames(file.group(WireUnit.FRAME));
        services(file.group(WireUnit.SERVICE_MESSAGE));
        boxes(file);
        return file;
    }

    private static RawBytes raw() {
        return RawBytes.start();
    }

    /** A plaintext: 3-byte header (packet number 1), the frames, zero padding to a multiple of 16. */
    private static byte[] plaintext(RawBytes frames) {
        return raw().u8(0x00).u16(1).bytes(frames.toBytes()).padTo16().toBytes();
    }

    private static void datagrams(VectorFileBuilder.Group g) {
        g.invalid("empty datagram", TRUNCATED, new byte[0], DATAGRAM_TOO_SHORT);
        g.invalid("7 bytes: less than a magic", TRUNCATED, raw().ascii("qVNq5xL").toBytes(), DATAGRAM_TOO_SHORT);
        g.invalid("unknown magic", UNKNOWN, raw().ascii("xxxxxxxx").zeros(184).toBytes(), UNKNOWN_MAGIC);
        g.invalid("reserved INITIATE_MESSAGE magic qVNq5xLo", UNKNOWN, raw().ascii("qVNq5xLo").zeros(248).toBytes(),
                UNKNOWN_MAGIC);
        g.invalid("CurveCP's Hello magic QvnQ5XlH (letter case flipped)", UNKNOWN,
                raw().ascii("QvnQ5XlH").zeros(184).toBytes(), UNKNOWN_MAGIC);
        g.invalid("HELLO magic in reversed byte order (little-endian u64)", UNKNOWN,
                raw().ascii("hLx5qNVq").zeros(184).toBytes(), UNKNOWN_MAGIC);
        g.invalid("HELLO of 191 bytes", LENGTH, raw().ascii("qVNq5xLh").zeros(183).toBytes(), BAD_PACKET_LENGTH);
        g.invalid("HELLO of 193 bytes", LENGTH, raw().ascii("qVNq5xLh").zeros(185).toBytes(), BAD_PACKET_LENGTH);
        g.invalid("COOKIE of 167 bytes", LENGTH, raw().ascii("rl3Anmxk").zeros(159).toBytes(), BAD_PACKET_LENGTH);
        g.invalid("COOKIE of 169 bytes", LENGTH, raw().ascii("rl3Anmxk").zeros(161).toBytes(), BAD_PACKET_LENGTH);
        g.invalid("INITIATE with M = 0 (256 bytes)", LENGTH, raw().ascii("qVNq5xLi").zeros(248).toBytes(),
                BAD_PACKET_LENGTH);
        g.invalid("INITIATE with M = 24, not a multiple of 16", LENGTH, raw().ascii("qVNq5xLi").zeros(248 + 24).toBytes(),
                BAD_PACKET_LENGTH);
        g.invalid("INITIATE with M = 992 (1248 bytes, over 1232)", LENGTH,
                raw().ascii("qVNq5xLi").zeros(248 + 992).toBytes(), BAD_PACKET_LENGTH);
        g.invalid("MESSAGE magic alone", LENGTH, raw().ascii("rl3q5xLm").toBytes(), BAD_PACKET_LENGTH);
        g.invalid("MESSAGE with M = 0 (64 bytes)", LENGTH, raw().ascii("rl3q5xLm").zeros(56).toBytes(), BAD_PACKET_LENGTH);
        g.invalid("MESSAGE with M = 15", LENGTH, raw().ascii("rl3q5xLm").zeros(56 + 15).toBytes(), BAD_PACKET_LENGTH);
        g.invalid("MESSAGE with M = 1184 (1248 bytes, over 1232)", LENGTH,
                raw().ascii("rl3q5xLm").zeros(56 + 1184).toBytes(), BAD_PACKET_LENGTH);
    }

    private static void plaintexts(VectorFileBuilder.Group g) {
        g.invalid("plaintext of 0 bytes", LENGTH, new byte[0], BAD_PACKET_LENGTH);
        g.invalid("plaintext of 17 bytes, not a multiple of 16", LENGTH,
                raw().u8(0).u16(1).u8(14).zeros(13).toBytes(), BAD_PACKET_LENGTH);
        g.invalid("plaintext of 1184 bytes, over 1168", LENGTH, raw().u8(0).u16(1).zeros(1181).toBytes(),
                BAD_PACKET_LENGTH);
        g.invalid("header reserved bit 0x80", RESERVED, raw().u8(0x80).u16(1).padTo16().toBytes(), HEADER_RESERVED_BITS);
        g.invalid("header reserved bit 0x20", RESERVED, raw().u8(0x20).u16(1).padTo16().toBytes(), HEADER_RESERVED_BITS);
        g.invalid("header FEC group bit g (0x02)", RESERVED, raw().u8(0x02).u8(7).u16(1).padTo16().toBytes(),
                FEC_NOT_SUPPORTED);
        g.invalid("header FEC last bit f (0x10)", RESERVED, raw().u8(0x10).u16(1).padTo16().toBytes(), FEC_NOT_SUPPORTED);
        g.invalid("header version 2", RULE, raw().u8(0x01).u16(2).u16(1).padTo16().toBytes(), UNSUPPORTED_VERSION);
        g.invalid("header version 0", RULE, raw().u8(0x01).u16(0).u16(1).padTo16().toBytes(), UNSUPPORTED_VERSION);
        g.invalid("frame type 17", UNKNOWN, plaintext(raw().u8(17)), UNKNOWN_FRAME_TYPE);
        g.invalid("frame type 0xff", UNKNOWN, plaintext(raw().u8(0xFF)), UNKNOWN_FRAME_TYPE);
        g.invalid("a valid STREAM frame, then frame type 0x80: the whole packet is dropped", UNKNOWN,
                plaintext(raw().u8(1).u16(0x0200).u32(1).u16(2).ascii("ok").u8(0x80)), UNKNOWN_FRAME_TYPE);
        g.invalid("STREAM with USID without INIT and a reserved bit: the USID rule comes first", RULE,
                plaintext(raw().u8(1).u16(0x2202).u32(1).zeros(24).u16(1).ascii("a")), STREAM_USID_WITHOUT_INIT);
        g.invalid("STREAM with a reserved bit and LSID 0: the flags come first", RESERVED,
                plaintext(raw().u8(1).u16(0x0204).u32(0).u16(1).ascii("a")), FRAME_RESERVED_BITS);
        g.invalid("STREAM with reserved flag 0x0002", RESERVED,
                plaintext(raw().u8(1).u16(0x0202).u32(1).u16(1).ascii("a")), FRAME_RESERVED_BITS);
        g.invalid("STREAM with reserved flag 0x0080", RESERVED,
                plaintext(raw().u8(1).u16(0x0280).u32(1).u16(1).ascii("a")), FRAME_RESERVED_BITS);
        g.invalid("STREAM with USID but without INIT", RULE,
                plaintext(raw().u8(1).u16(0x2200).u32(1).zeros(24).u16(1).ascii("a")), STREAM_USID_WITHOUT_INIT);
        g.invalid("STREAM on LSID 0", RULE, plaintext(raw().u8(1).u16(0x0200).u32(0).u16(1).ascii("a")), STREAM_LSID_ZERO);
        g.invalid("STREAM with a length field of 0 and no FIN", RULE,
                plaintext(raw().u8(1).u16(0x0200).u32(1).u16(0)), STREAM_EMPTY_WITHOUT_FIN);
        g.invalid("STREAM without length at the very end, no data and no FIN", RULE,
                raw().u8(0).u16(1).u8(3).u16(3).zeros(3).u8(1).u16(0x0000).u32(1).toBytes(), STREAM_EMPTY_WITHOUT_FIN);
        g.invalid("STREAM at offset 2^62 - 1 with one byte: offset + length > 2^62 - 1", RULE,
                plaintext(raw().u8(1).u16(0x1E00).u32(1).u64(WireLimits.MAX_STREAM_OFFSET).u16(1).ascii("a")),
                STREAM_OFFSET_OVERFLOW);
        g.invalid("STREAM with offset 2^64 - 1", RULE,
                plaintext(raw().u8(1).u16(0x1F00).u32(1).u64(-1L).u16(0)), STREAM_OFFSET_OVERFLOW);
        g.invalid("STREAM whose data length exceeds the plaintext", TRUNCATED,
                plaintext(raw().u8(1).u16(0x0200).u32(1).u16(100).ascii("ab")), FRAME_TRUNCATED);
        g.invalid("ACK with a run length of 0", RULE,
                plaintext(ack(1, 10, 1).u48(5).u16(0)), ACK_RANGE_INVALID);
        g.invalid("ACK ranges in increasing order", RULE,
                plaintext(ack(1, 10, 2).u48(3).u16(1).u48(7).u16(1)), ACK_RANGE_INVALID);
        g.invalid("ACK with overlapping ranges", RULE,
                plaintext(ack(1, 10, 2).u48(7).u16(2).u48(6).u16(2)), ACK_RANGE_INVALID);
        g.invalid("ACK range reaching largest_observed", RULE,
                plaintext(ack(1, 10, 1).u48(9).u16(2)), ACK_RANGE_INVALID);
        g.invalid("ACK range below least_unacked", RULE,
                plaintext(ack(5, 10, 1).u48(3).u16(1)), ACK_RANGE_INVALID);
        g.invalid("ACK with least_unacked > largest_observed + 1", RULE, plaintext(ack(12, 10, 0)), ACK_RANGE_INVALID);
        g.invalid("SETTINGS tags out of order", RULE,
                plaintext(raw().u8(8).u16(2).u16(3).u16(8).u64(1000).u16(2).u16(2).u16(1)), SETTINGS_NOT_ASCENDING);
        g.invalid("SETTINGS with a duplicate tag", RULE,
                plaintext(raw().u8(8).u16(2).u16(6).u16(4).u32(1000).u16(6).u16(4).u32(2000)), SETTINGS_NOT_ASCENDING);
        g.invalid("SETTINGS INITIAL_MAX_DATA with a 4-byte value", RULE,
                plaintext(raw().u8(8).u16(1).u16(3).u16(4).u32(65536)), SETTINGS_BAD_VALUE);
        g.invalid("SETTINGS FEC with a 2-byte value", RULE,
                plaintext(raw().u8(8).u16(1).u16(1).u16(2).u16(0)), SETTINGS_BAD_VALUE);
        g.invalid("SETTINGS FEC = 1 (no FEC in version 1)", RULE,
                plaintext(raw().u8(8).u16(1).u16(1).u16(1).u8(1)), SETTINGS_BAD_VALUE);
        g.invalid("SETTINGS MAX_PLAINTEXT = 1169", RULE,
                plaintext(raw().u8(8).u16(1).u16(7).u16(2).u16(1169)), SETTINGS_BAD_VALUE);
        g.invalid("SETTINGS INITIAL_MAX_DATA = 2^62, above 2^62 - 1", RULE,
                plaintext(raw().u8(8).u16(1).u16(3).u16(8).u64(1L << 62)), SETTINGS_BAD_VALUE);
        g.invalid("SETTINGS MAX_PLAINTEXT = 255, below 256", RULE,
                plaintext(raw().u8(8).u16(1).u16(7).u16(2).u16(255)), SETTINGS_BAD_VALUE);
        g.invalid("SETTINGS MAX_ACK_DELAY_MS = 16384, above 16383", RULE,
                plaintext(raw().u8(8).u16(1).u16(8).u16(2).u16(16384)), SETTINGS_BAD_VALUE);
        g.invalid("SETTINGS entry whose value runs past the plaintext", TRUNCATED,
                plaintext(raw().u8(8).u16(1).u16(9).u16(255).u8(1)), FRAME_TRUNCATED);
        g.invalid("CLOSE whose reason is followed by 0x00, not an ACK frame", RULE,
                plaintext(raw().u8(7).u32(0).string("").u8(0)), CLOSE_WITHOUT_ACK);
        g.invalid("CLOSE whose reason is followed by a STREAM type byte", RULE,
                plaintext(raw().u8(7).u32(2).string("x").u8(1).u16(0x0100).u32(1)), CLOSE_WITHOUT_ACK);
        g.invalid("RESET reason with an overlong encoding (C0 80)", UTF8,
                plaintext(raw().u8(6).u32(1).u32(14).u16(2).hex("c080")), STRING_NOT_UTF8);
        g.invalid("GOAWAY reason with an encoded surrogate (ED A0 80)", UTF8,
                plaintext(raw().u8(13).u32(1).u32(0).u16(3).hex("eda080")), STRING_NOT_UTF8);
        g.invalid("CLOSE reason not UTF-8 and no ACK type after it: the reason comes first", UTF8,
                plaintext(raw().u8(7).u32(0).u16(1).hex("80").u8(0)), STRING_NOT_UTF8);
        g.invalid("CLOSE reason with byte FF", UTF8,
                plaintext(raw().u8(7).u32(0).u16(1).hex("ff").u8(2).u8(0).u8(0).u8(0).u64(1).u64(1).u32(0)),
                STRING_NOT_UTF8);
        g.invalid("RESET reason ending inside a multi-byte sequence (E2 82)", UTF8,
                plaintext(raw().u8(6).u32(1).u32(14).u16(3).hex("41e282")), STRING_NOT_UTF8);
        g.invalid("RESET reason above U+10FFFF (F4 90 80 80)", UTF8,
                plaintext(raw().u8(6).u32(1).u32(14).u16(4).hex("f4908080")), STRING_NOT_UTF8);
        g.invalid("DECONGESTION subtype 0", UNKNOWN, plaintext(raw().u8(4).u8(0).u16(1).u16(2)),
                UNKNOWN_CONGESTION_FEEDBACK);
        g.invalid("DECONGESTION subtype 5", UNKNOWN, plaintext(raw().u8(4).u8(5).u16(1).u16(2)),
                UNKNOWN_CONGESTION_FEEDBACK);
        g.invalid("DECONGESTION LEDBAT with 0 samples", RULE, plaintext(raw().u8(4).u8(3).u8(0)),
                UNKNOWN_CONGESTION_FEEDBACK);
        g.invalid("DECONGESTION INTER_ARRIVAL with 0 packets", RULE,
                plaintext(raw().u8(4).u8(4).u16(0).u8(0).u48(1).u64(1)), UNKNOWN_CONGESTION_FEEDBACK);
        g.invalid("PADDING longer than the rest of the plaintext", TRUNCATED, plaintext(raw().u8(3).u16(256)),
                FRAME_TRUNCATED);
    }

    /** An ACK frame up to its ranges: entropy 0, the count, least_unacked, largest_observed, delay 0. */
    private static RawBytes ack(long leastUnacked, long largestObserved, int ranges) {
        return raw().u8(2).u8(0).u8(0).u8(ranges).u64(leastUnacked).u64(largestObserved).u32(0);
    }

    private static void headers(VectorFileBuilder.Group g) {
        g.invalid("empty header", TRUNCATED, new byte[0], HEADER_TRUNCATED);
        g.invalid("flags byte only", TRUNCATED, raw().u8(0x00).toBytes(), HEADER_TRUNCATED);
        g.invalid("8-byte packet number announced, 4 present", TRUNCATED, raw().u8(0x0C).u32(1).toBytes(), HEADER_TRUNCATED);
        g.invalid("version announced, 1 byte present", TRUNCATED, raw().u8(0x01).u8(0).toBytes(), HEADER_TRUNCATED);
        g.invalid("reserved bit 0x40", RESERVED, raw().u8(0x40).u16(1).toBytes(), HEADER_RESERVED_BITS);
    }

    private static void frames(VectorFileBuilder.Group g) {
        g.invalid("no type byte", TRUNCATED, new byte[0], FRAME_TRUNCATED);
        g.invalid("STREAM: flags only", TRUNCATED, raw().u8(1).u16(0x0200).toBytes(), FRAME_TRUNCATED);
        g.invalid("STREAM: INIT without the parent LSID", TRUNCATED, raw().u8(1).u16(0x4100).u32(1).toBytes(),
                FRAME_TRUNCATED);
        g.invalid("STREAM: USID cut short", TRUNCATED, raw().u8(1).u16(0x6100).u32(1).u32(0).zeros(10).toBytes(),
                FRAME_TRUNCATED);
        g.invalid("STREAM: 4-byte offset announced, 2 present", TRUNCATED,
                raw().u8(1).u16(0x0D00).u32(1).u16(0).toBytes(), FRAME_TRUNCATED);
        g.invalid("STREAM: length field missing", TRUNCATED, raw().u8(1).u16(0x0200).u32(1).u8(0).toBytes(),
                FRAME_TRUNCATED);
        g.invalid("ACK: 23 of 24 bytes", TRUNCATED, Arrays.copyOf(ack(1, 1, 0).toBytes(), 23),
                FRAME_TRUNCATED);
        g.invalid("ACK: two ranges announced, one present", TRUNCATED, ack(1, 10, 2).u48(8).u16(1).toBytes(),
                FRAME_TRUNCATED);
        g.invalid("PADDING: length cut short", TRUNCATED, raw().u8(3).u8(0).toBytes(), FRAME_TRUNCATED);
        g.invalid("DECONGESTION: no subtype", TRUNCATED, raw().u8(4).toBytes(), FRAME_TRUNCATED);
        g.invalid("DECONGESTION CUBIC: 3 of 4 body bytes", TRUNCATED, raw().u8(4).u8(1).u16(1).u8(0).toBytes(),
                FRAME_TRUNCATED);
        g.invalid("DECONGESTION CHICAGO: 12 of 16 body bytes", TRUNCATED, raw().u8(4).u8(2).u32(1).u32(2).u32(3).toBytes(),
                FRAME_TRUNCATED);
        g.invalid("DECONGESTION LEDBAT: two samples announced, one present", TRUNCATED,
                raw().u8(4).u8(3).u8(2).u48(1).u64(5).toBytes(), FRAME_TRUNCATED);
        g.invalid("DECONGESTION INTER_ARRIVAL: two packets announced, no delta", TRUNCATED,
                raw().u8(4).u8(4).u16(0).u8(2).u48(1).u64(5).toBytes(), FRAME_TRUNCATED);
        g.invalid("DETACH: 3 of 4 body bytes", TRUNCATED, raw().u8(5).u16(0).u8(1).toBytes(), FRAME_TRUNCATED);
        g.invalid("RESET: reason length 10, 3 bytes present", TRUNCATED,
                raw().u8(6).u32(1).u32(0).u16(10).ascii("abc").toBytes(), FRAME_TRUNCATED);
        g.invalid("RESET: error code cut short", TRUNCATED, raw().u8(6).u32(1).u16(0).toBytes(), FRAME_TRUNCATED);
        g.invalid("CLOSE: ends after the reason, no ACK", TRUNCATED, raw().u8(7).u32(0).string("bye").toBytes(),
                FRAME_TRUNCATED);
        g.invalid("CLOSE: final ACK cut short", TRUNCATED, raw().u8(7).u32(0).string("").u8(2).u8(0).u8(0).toBytes(),
                FRAME_TRUNCATED);
        g.invalid("SETTINGS: count cut short", TRUNCATED, raw().u8(8).u8(0).toBytes(), FRAME_TRUNCATED);
        g.invalid("SETTINGS: two entries announced, one present", TRUNCATED,
                raw().u8(8).u16(2).u16(8).u16(2).u16(25).toBytes(), FRAME_TRUNCATED);
        g.invalid("STREAM: USID without INIT, then nothing: the flags rule comes before truncation", RULE,
                raw().u8(1).u16(0x2200).toBytes(), STREAM_USID_WITHOUT_INIT);
        g.invalid("STREAM: LSID 0, then nothing: the LSID rule comes before truncation", RULE,
                raw().u8(1).u16(0x4200).u32(0).toBytes(), STREAM_LSID_ZERO);
        g.invalid("ACK: least_unacked > largest_observed + 1, then nothing", RULE,
                raw().u8(2).u8(0).u8(0).u8(0).u64(30).u64(10).toBytes(), ACK_RANGE_INVALID);
        g.invalid("ACK: an invalid first range wins over a truncated second", RULE,
                ack(1, 10, 2).u48(10).u16(1).u48(2).toBytes(), ACK_RANGE_INVALID);
        g.invalid("SETTINGS: a tag out of order wins over a truncated value", RULE,
                raw().u8(8).u16(2).u16(5).u16(4).u32(9).u16(4).u16(4).u16(0).toBytes(), SETTINGS_NOT_ASCENDING);
        g.invalid("SETTINGS: a known tag's short value runs past the end before its length is judged", TRUNCATED,
                raw().u8(8).u16(1).u16(3).u16(8).u32(1).toBytes(), FRAME_TRUNCATED);
        g.invalid("DECONGESTION LEDBAT: 0 samples, then nothing", RULE, raw().u8(4).u8(3).u8(0).toBytes(),
                UNKNOWN_CONGESTION_FEEDBACK);
        g.invalid("DECONGESTION INTER_ARRIVAL: cut inside lost_packets", TRUNCATED, raw().u8(4).u8(4).u8(0).toBytes(),
                FRAME_TRUNCATED);
        g.invalid("PRIORITY: 7 of 8 body bytes", TRUNCATED, raw().u8(9).u32(1).u16(0).u8(0).toBytes(), FRAME_TRUNCATED);
        g.invalid("MAX_DATA: 7 of 8 body bytes", TRUNCATED, raw().u8(10).zeros(7).toBytes(), FRAME_TRUNCATED);
        g.invalid("MAX_STREAM_DATA: 11 of 12 body bytes", TRUNCATED, raw().u8(11).zeros(11).toBytes(), FRAME_TRUNCATED);
        g.invalid("BLOCKED: 11 of 12 body bytes", TRUNCATED, raw().u8(12).zeros(11).toBytes(), FRAME_TRUNCATED);
        g.invalid("GOAWAY: no reason", TRUNCATED, raw().u8(13).u32(1).u32(0).toBytes(), FRAME_TRUNCATED);
        g.invalid("PATH_CHALLENGE: 7 of 8 bytes", TRUNCATED, raw().u8(15).zeros(7).toBytes(), FRAME_TRUNCATED);
        g.invalid("PATH_RESPONSE: 7 of 8 bytes", TRUNCATED, raw().u8(16).zeros(7).toBytes(), FRAME_TRUNCATED);
    }

    private static void services(VectorFileBuilder.Group g) {
        g.invalid("empty record", TRUNCATED, new byte[0], SERVICE_MESSAGE_MALFORMED);
        g.invalid("kind byte only", TRUNCATED, raw().u8(1).toBytes(), SERVICE_MESSAGE_MALFORMED);
        g.invalid("kind 0", UNKNOWN, raw().u8(0).u8(1).string("a").string("b").toBytes(), SERVICE_MESSAGE_MALFORMED);
        g.invalid("kind 3", UNKNOWN, raw().u8(3).u8(1).string("a").string("b").toBytes(), SERVICE_MESSAGE_MALFORMED);
        g.invalid("operation 0", UNKNOWN, raw().u8(1).u8(0).toBytes(), SERVICE_MESSAGE_MALFORMED);
        g.invalid("operation 4", UNKNOWN, raw().u8(1).u8(4).toBytes(), SERVICE_MESSAGE_MALFORMED);
        g.invalid("connect request without the protocol", TRUNCATED, raw().u8(1).u8(1).string("echo").toBytes(),
                SERVICE_MESSAGE_MALFORMED);
        g.invalid("connect request whose service length exceeds the record", TRUNCATED,
                raw().u8(1).u8(1).u16(50).ascii("echo").toBytes(), SERVICE_MESSAGE_MALFORMED);
        g.invalid("connect request with a service name that is not UTF-8", UTF8,
                raw().u8(1).u8(1).u16(2).hex("c328").string("p").toBytes(), SERVICE_MESSAGE_MALFORMED);
        g.invalid("list services request followed by a stray byte", LENGTH, raw().u8(1).u8(2).u8(0).toBytes(),
                SERVICE_MESSAGE_MALFORMED);
        g.invalid("connect reply with a 3-byte status", TRUNCATED, raw().u8(2).u8(1).u16(0).u8(0).toBytes(),
                SERVICE_MESSAGE_MALFORMED);
        g.invalid("list services reply announcing 1000 entries", TRUNCATED,
                raw().u8(2).u8(2).u32(0).u32(1000).string("a").string("b").toBytes(), SERVICE_MESSAGE_MALFORMED);
        g.invalid("list protocols reply OK without the entry count", TRUNCATED,
                raw().u8(2).u8(3).u32(0).string("echo").toBytes(), SERVICE_MESSAGE_MALFORMED);
        g.invalid("connect request with an empty service name (names are 1 to 255 bytes)", RULE,
                raw().u8(1).u8(1).string("").string("p").toBytes(), SERVICE_MESSAGE_MALFORMED);
        g.invalid("connect request with a 256-byte protocol name", RULE,
                raw().u8(1).u8(1).string("echo").string("p".repeat(256)).toBytes(), SERVICE_MESSAGE_MALFORMED);
        g.invalid("list services reply whose entry has an empty name", RULE,
                raw().u8(2).u8(2).u32(0).u32(1).string("").string("nameless").toBytes(), SERVICE_MESSAGE_MALFORMED);
        g.invalid("connect reply of 1025 bytes (records are at most 1024)", LENGTH,
                raw().u8(2).u8(1).u32(0).string("s".repeat(1017)).toBytes(), SERVICE_MESSAGE_MALFORMED);
    }

    private static void boxes(VectorFileBuilder file) {
        file.group(WireUnit.COOKIE_BOX_PLAINTEXT).invalid("COOKIE box plaintext of 127 bytes", LENGTH,
                raw().zeros(127).toBytes(), BAD_PACKET_LENGTH);
        file.group(WireUnit.COOKIE_PLAINTEXT).invalid("cookie plaintext of 65 bytes", LENGTH,
                raw().zeros(65).toBytes(), BAD_PACKET_LENGTH);
        file.group(WireUnit.VOUCH_PLAINTEXT).invalid("vouch plaintext of 31 bytes", LENGTH,
                raw().zeros(31).toBytes(), BAD_PACKET_LENGTH);
        VectorFileBuilder.Group initiate = file.group(WireUnit.INITIATE_BOX_PLAINTEXT);
        initiate.invalid("INITIATE box plaintext with M = 8", LENGTH, raw().zeros(96 + 8).toBytes(), BAD_PACKET_LENGTH);
        initiate.invalid("INITIATE box plaintext with M = 992, over 976", LENGTH, raw().zeros(96 + 992).toBytes(),
                BAD_PACKET_LENGTH);
        initiate.invalid("INITIATE box plaintext whose message has reserved header bits", RESERVED,
                raw().zeros(96).u8(0x80).u16(1).zeros(13).toBytes(), HEADER_RESERVED_BITS);
    }
}
