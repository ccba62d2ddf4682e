package org.sss.conformance.peer.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One frame of a message plaintext (SPEC.md section 7), as a plain immutable record whose fields are
 * the wire fields. Records hold what they are given: nothing is validated, so a scenario can build a
 * frame that breaks a rule on purpose; {@link #raw(byte[])} sends arbitrary bytes in a frame's
 * place. {@link FrameEncoder} writes a record exactly; {@link FrameDecoder} reads one through the
 * Kaitai parser. Byte-array fields are copied in and out and compared by content.
 */
public sealed interface PeerFrame {
    /** Frame type 0x00. */
    int EMPTY = 0x00;
    /** Frame type 0x01. */
    int STREAM = 0x01;
    /** Frame type 0x02. */
    int ACK = 0x02;
    /** Frame type 0x03. */
    int PADDING = 0x03;
    /** Frame type 0x04. */
    int DECONGESTION = 0x04;
    /** Frame type 0x05. */
    int DETACH = 0x05;
    /** Frame type 0x06. */
    int RESET = 0x06;
    /** Frame type 0x07. */
    int CLOSE = 0x07;
    /** Frame type 0x08. */
    int SETTINGS = 0x08;
    /** Frame type 0x09. */
    int PRIORITY = 0x09;
    /** Frame type 0x0A. */
    int MAX_DATA = 0x0A;
    /** Frame type 0x0B. */
    int MAX_STREAM_DATA = 0x0B;
    /** Frame type 0x0C. */
    int BLOCKED = 0x0C;
    /** Frame type 0x0D. */
    int GOAWAY = 0x0D;
    /** Frame type 0x0E. */
    int PING = 0x0E;
    /** Frame type 0x0F. */
    int PATH_CHALLENGE = 0x0F;
    /** Frame type 0x10. */
    int PATH_RESPONSE = 0x10;

    /** The frame type byte (for {@link Raw}, its first byte, or -1 when empty). */
    int type();

    /**
     * Whether the frame makes its packet ack-eliciting, per the registry of SPEC.md section 7.0:
     * every type but EMPTY, ACK, PADDING, DECONGESTION and CLOSE, and STREAM only without NOACK.
     */
    default boolean isAckEliciting() {
        return switch (type()) {
            case EMPTY, ACK, PADDING, DECONGESTION, CLOSE -> false;
            default -> true;
        };
    }

    /** Arbitrary bytes sent where a frame would be: for frames that are wrong on purpose. */
    static PeerFrame raw(byte[] bytes) {
        return new Raw(bytes);
    }

    /** EMPTY (7.1): one zero byte. */
    record Empty() implements PeerFrame {
        @Override
        public int type() {
            return EMPTY;
        }
    }

    /**
     * STREAM (7.2). {@code flags} is the wire u16 exactly; which optional fields the encoder writes
     * follows from it (parent with INIT, USID with USID, the offset in the width of bits 0x1C00,
     * {@code len_data = data.length} with LENGTH).
     *
     * @param flags the flags word
     * @param lsid the stream's LSID on this channel
     * @param parentLsid written when INIT is set
     * @param usid 24 bytes, written when USID is set (zeros when null)
     * @param offset the stream offset of the first data byte; its low bytes are written
     * @param data the data
     */
    record Stream(int flags, long lsid, long parentLsid, byte[] usid, long offset, byte[] data) implements PeerFrame {
        /** Flag 0x8000, best effort. */
        public static final int NOACK = 0x8000;
        /** Flag 0x4000, opens the stream. */
        public static final int INIT = 0x4000;
        /** Flag 0x2000, attaches with a USID. */
        public static final int USID = 0x2000;
        /** Bits 0x1C00, the offset width code. */
        public static final int OFFSET_MASK = 0x1C00;
        /** Flag 0x0200, length field present. */
        public static final int LENGTH = 0x0200;
        /** Flag 0x0100, FIN. */
        public static final int FIN = 0x0100;
        /** Bits 0x00FE, reserved. */
        public static final int RESERVED_MASK = 0x00FE;
        /** Flag 0x0001, the last data byte ends a record. */
        public static final int RECORD = 0x0001;

        /** Copies the arrays. */
        public Stream {
            usid = usid == null ? null : usid.clone();
            data = Objects.requireNonNull(data, "data").clone();
        }

        /**
         * A data frame with a LENGTH field and the narrowest offset width (FRM-STREAM-8).
         *
         * @param lsid the stream
         * @param offset where {@code data} starts
         * @param data the bytes
         */
        public static Stream data(long lsid, long offset, byte[] data) {
            return new Stream(LENGTH | offsetSizeCode(offset) << 10, lsid, 0, null, offset, data);
        }

        /** The narrowest {@code ooo} code for an offset: 0 for offset 0, else width − 1 (FRM-STREAM-8). */
        public static int offsetSizeCode(long offset) {
            if (offset == 0) {
                return 0;
            }
            int bytes = Math.max(2, (64 - Long.numberOfLeadingZeros(offset) + 7) / 8);
            return bytes - 1;
        }

        /** The same frame with INIT set and the given parent (STR-OPEN-1). */
        public Stream opening(long parent) {
            return new Stream(flags | INIT, lsid, parent, usid, offset, data);
        }

        /** The same frame with {@code flag} bits set. */
        public Stream with(int flag) {
            return new Stream(flags | flag, lsid, parentLsid, usid, offset, data);
        }

        /** The same frame with {@code flag} bits cleared. */
        public Stream without(int flag) {
            return new Stream(flags & ~flag, lsid, parentLsid, usid, offset, data);
        }

        /** Whether every bit of {@code flag} is set. */
        public boolean has(int flag) {
            return (flags & flag) == flag;
        }

        /** The {@code ooo} code of the flags. */
        public int offsetSizeCode() {
            return (flags & OFFSET_MASK) >>> 10;
        }

        @Override
        public int type() {
            return STREAM;
        }

        @Override
        public boolean isAckEliciting() {
            return !has(NOACK);
        }

        @Override
        public byte[] usid() {
            return usid == null ? null : usid.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** The data length without a copy. */
        public int length() {
            return data.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Stream s && s.flags == flags && s.lsid == lsid && s.parentLsid == parentLsid
                    && Arrays.equals(s.usid, usid) && s.offset == offset && Arrays.equals(s.data, data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(flags, lsid, parentLsid, offset, Arrays.hashCode(usid), Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return String.format("Stream[flags=0x%04x, lsid=%d, parent=%d, usid=%s, offset=%d, data=%s]", flags, lsid,
                    parentLsid, Hex.of(usid), offset, Hex.of(data));
        }
    }

    /**
     * ACK (7.3). {@code num_nack_ranges} is the list size (its low 8 bits).
     *
     * @param sentEntropy sent as 0 (FRM-ACK-1)
     * @param receivedEntropy sent as 0 (FRM-ACK-1)
     * @param leastUnacked the lowest packet number reported on
     * @param largestObserved the highest packet number reported on
     * @param ackDelayUs microseconds since largestObserved arrived (CHN-ACK-8)
     * @param nackRanges missing runs, highest first
     */
    record Ack(int sentEntropy, int receivedEntropy, long leastUnacked, long largestObserved, long ackDelayUs,
            List<NackRange> nackRanges) implements PeerFrame {
        /** Copies the list. */
        public Ack {
            nackRanges = List.copyOf(nackRanges);
        }

        /** An ACK with zero entropy bytes. */
        public static Ack of(long leastUnacked, long largestObserved, long ackDelayUs, List<NackRange> nackRanges) {
            return new Ack(0, 0, leastUnacked, largestObserved, ackDelayUs, nackRanges);
        }

        /**
         * Whether this ACK reports {@code packetNumber} as received (CHN-ACK-9): within
         * [least_unacked, largest_observed] and in no NACK range.
         */
        public boolean acknowledges(long packetNumber) {
            if (Long.compareUnsigned(packetNumber, leastUnacked) < 0
                    || Long.compareUnsigned(packetNumber, largestObserved) > 0) {
                return false;
            }
            for (NackRange range : nackRanges) {
                if (Long.compareUnsigned(packetNumber, range.firstMissing()) >= 0
                        && Long.compareUnsigned(packetNumber - range.firstMissing(), range.runLength()) < 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int type() {
            return ACK;
        }
    }

    /**
     * One NACK range of an ACK: a run of missing packets. The encoder writes the low 48 bits of
     * {@code firstMissing}; the decoder reconstructs it as FRM-ACK-2 says.
     *
     * @param firstMissing the lowest missing packet number of the run
     * @param runLength how many consecutive packets are missing
     */
    record NackRange(long firstMissing, int runLength) {
    }

    /**
     * PADDING (7.4): {@code len_padding} is the content length.
     *
     * @param content the padding bytes, zeros when sent by the peer (FRM-PAD-2)
     */
    record Padding(byte[] content) implements PeerFrame {
        /** Copies the array. */
        public Padding {
            content = content.clone();
        }

        /** {@code length} zero bytes of padding: a frame of 3 + length bytes. */
        public static Padding zeros(int length) {
            return new Padding(new byte[length]);
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public int type() {
            return PADDING;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Padding p && Arrays.equals(p.content, content);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "Padding[" + content.length + " bytes]";
        }
    }

    /**
     * DECONGESTION (7.5); the subtype follows from the feedback's type.
     *
     * @param feedback the body
     */
    record Decongestion(Feedback feedback) implements PeerFrame {
        @Override
        public int type() {
            return DECONGESTION;
        }
    }

    /** A DECONGESTION body (SPEC.md 7.5). */
    sealed interface Feedback {
        /** The subtype byte: 1 CUBIC, 2 CHICAGO, 3 LEDBAT, 4 INTER_ARRIVAL. */
        int subtype();
    }

    /** CUBIC feedback (subtype 1). @param lostPackets mod 2^16 @param receiveQueueKib free queue space */
    record CubicFeedback(int lostPackets, int receiveQueueKib) implements Feedback {
        @Override
        public int subtype() {
            return 1;
        }
    }

    /** CHICAGO feedback (subtype 2), microseconds. @param rttHighUs high @param rttLowUs low @param rttAverageUs mean @param rttMeanDeviationUs rttvar */
    record ChicagoFeedback(long rttHighUs, long rttLowUs, long rttAverageUs, long rttMeanDeviationUs)
            implements Feedback {
        @Override
        public int subtype() {
            return 2;
        }
    }

    /** LEDBAT feedback (subtype 3); {@code num_samples} is the list size. @param samples the receive timestamps */
    record LedbatFeedback(List<ReceiveTimestamp> samples) implements Feedback {
        /** Copies the list. */
        public LedbatFeedback {
            samples = List.copyOf(samples);
        }

        @Override
        public int subtype() {
            return 3;
        }
    }

    /** One LEDBAT sample. @param packetNumberLow low 48 bits @param receivedUs receive time */
    record ReceiveTimestamp(long packetNumberLow, long receivedUs) {
    }

    /**
     * INTER_ARRIVAL feedback (subtype 4); {@code num_received} is {@code deltas.size() + 1}.
     *
     * @param lostPackets mod 2^16
     * @param firstPacketNumberLow low 48 bits of the first packet
     * @param firstReceivedUs its receive time
     * @param deltas the K − 1 following packets
     */
    record InterArrivalFeedback(int lostPackets, long firstPacketNumberLow, long firstReceivedUs,
            List<InterArrivalDelta> deltas) implements Feedback {
        /** Copies the list. */
        public InterArrivalFeedback {
            deltas = List.copyOf(deltas);
        }

        @Override
        public int subtype() {
            return 4;
        }
    }

    /** One inter-arrival step. @param packetNumberDelta u16 @param timeDeltaUs u32 */
    record InterArrivalDelta(int packetNumberDelta, long timeDeltaUs) {
    }

    /** DETACH (7.6). @param lsid the stream */
    record Detach(long lsid) implements PeerFrame {
        @Override
        public int type() {
            return DETACH;
        }
    }

    /** RESET (7.7). @param lsid the stream @param errorCode section 11 @param reason UTF-8 text */
    record Reset(long lsid, long errorCode, String reason) implements PeerFrame {
        @Override
        public int type() {
            return RESET;
        }
    }

    /**
     * CLOSE (7.8).
     *
     * @param errorCode section 11
     * @param reason UTF-8 text
     * @param ackType the byte after the reason; 0x02 in a well-formed CLOSE (FRM-CLOSE-3)
     * @param finalAck the final ACK, written after {@code ackType}
     */
    record Close(long errorCode, String reason, int ackType, Ack finalAck) implements PeerFrame {
        /** A well-formed CLOSE with ack type 0x02. */
        public static Close of(long errorCode, String reason, Ack finalAck) {
            return new Close(errorCode, reason, ACK, finalAck);
        }

        @Override
        public int type() {
            return CLOSE;
        }
    }

    /** SETTINGS (7.9); {@code num_settings} is the list size. @param entries in the order given */
    record Settings(List<Setting> entries) implements PeerFrame {
        /** Copies the list. */
        public Settings {
            entries = List.copyOf(entries);
        }

        /** The entry with {@code tag}, or null. */
        public Setting find(int tag) {
            for (Setting s : entries) {
                if (s.tag() == tag) {
                    return s;
                }
            }
            return null;
        }

        @Override
        public int type() {
            return SETTINGS;
        }
    }

    /**
     * One SETTINGS entry; {@code len_value} is the value length.
     *
     * @param tag the tag
     * @param value the value bytes, big-endian for the numeric tags of version 1
     */
    record Setting(int tag, byte[] value) {
        /** Tag 1. */
        public static final int FEC = 1;
        /** Tag 2. */
        public static final int CONGESTION_FEEDBACK = 2;
        /** Tag 3. */
        public static final int INITIAL_MAX_DATA = 3;
        /** Tag 4. */
        public static final int INITIAL_MAX_STREAM_DATA = 4;
        /** Tag 5. */
        public static final int MAX_CONCURRENT_PEER_STREAMS = 5;
        /** Tag 6. */
        public static final int IDLE_TIMEOUT_MS = 6;
        /** Tag 7. */
        public static final int MAX_PLAINTEXT = 7;
        /** Tag 8. */
        public static final int MAX_ACK_DELAY_MS = 8;

        /** Copies the array. */
        public Setting {
            value = value.clone();
        }

        /** An entry whose value is {@code v} in {@code width} big-endian bytes. */
        public static Setting of(int tag, int width, long v) {
            byte[] b = new byte[width];
            for (int i = 0; i < width; i++) {
                b[width - 1 - i] = (byte) (v >>> (8 * i));
            }
            return new Setting(tag, b);
        }

        /** An entry of a version 1 tag in its own width (u8, u16, u64, u64, u32, u32, u16, u16 for tags 1 to 8). */
        public static Setting of(int tag, long v) {
            return of(tag, widthOf(tag), v);
        }

        /** The value width of a version 1 tag (SPEC.md 7.9), or -1 for an unknown tag. */
        public static int widthOf(int tag) {
            return switch (tag) {
                case FEC -> 1;
                case CONGESTION_FEEDBACK, MAX_PLAINTEXT, MAX_ACK_DELAY_MS -> 2;
                case INITIAL_MAX_DATA, INITIAL_MAX_STREAM_DATA -> 8;
                case MAX_CONCURRENT_PEER_STREAMS, IDLE_TIMEOUT_MS -> 4;
                default -> -1;
            };
        }

        /** The value as an unsigned big-endian number (up to 8 bytes). */
        public long numericValue() {
            if (value.length > 8) {
                throw new IllegalStateException("a " + value.length + "-byte value is not a number");
            }
            long v = 0;
            for (byte b : value) {
                v = v << 8 | (b & 0xff);
            }
            return v;
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Setting s && s.tag == tag && Arrays.equals(s.value, value);
        }

        @Override
        public int hashCode() {
            return 31 * tag + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Setting[tag=" + tag + ", value=" + Hex.of(value) + "]";
        }
    }

    /** PRIORITY (7.10). @param lsid the stream @param priority 0 highest */
    record Priority(long lsid, long priority) implements PeerFrame {
        @Override
        public int type() {
            return PRIORITY;
        }
    }

    /** MAX_DATA (7.11). @param maxData the new channel limit */
    record MaxData(long maxData) implements PeerFrame {
        @Override
        public int type() {
            return MAX_DATA;
        }
    }

    /** MAX_STREAM_DATA (7.12). @param lsid the stream @param maxStreamData the new limit */
    record MaxStreamData(long lsid, long maxStreamData) implements PeerFrame {
        @Override
        public int type() {
            return MAX_STREAM_DATA;
        }
    }

    /** BLOCKED (7.13). @param lsid the stream, 0 for the channel @param limit the blocking limit */
    record Blocked(long lsid, long limit) implements PeerFrame {
        @Override
        public int type() {
            return BLOCKED;
        }
    }

    /** GOAWAY (7.14). @param lastPeerLsid highest peer LSID served @param errorCode section 11 @param reason text */
    record Goaway(long lastPeerLsid, long errorCode, String reason) implements PeerFrame {
        @Override
        public int type() {
            return GOAWAY;
        }
    }

    /** PING (7.15): one byte. */
    record Ping() implements PeerFrame {
        @Override
        public int type() {
            return PING;
        }
    }

    /** PATH_CHALLENGE (7.16). @param data 8 bytes */
    record PathChallenge(byte[] data) implements PeerFrame {
        /** Copies the array. */
        public PathChallenge {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int type() {
            return PATH_CHALLENGE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PathChallenge p && Arrays.equals(p.data, data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "PathChallenge[" + Hex.of(data) + "]";
        }
    }

    /** PATH_RESPONSE (7.16). @param data 8 bytes copied from the challenge */
    record PathResponse(byte[] data) implements PeerFrame {
        /** Copies the array. */
        public PathResponse {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int type() {
            return PATH_RESPONSE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PathResponse p && Arrays.equals(p.data, data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "PathResponse[" + Hex.of(data) + "]";
        }
    }

    /** Arbitrary bytes in a frame's place. @param bytes written as they are */
    record Raw(byte[] bytes) implements PeerFrame {
        /** Copies the array. */
        public Raw {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public int type() {
            return bytes.length == 0 ? -1 : bytes[0] & 0xff;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Raw r && Arrays.equals(r.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Raw[" + Hex.of(bytes) + "]";
        }
    }
}
