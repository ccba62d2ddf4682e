package org.sss.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid values of every wire type, drawn from a {@link Random} so that jqwik's seed replays
 * them. Integers are biased toward 0, 1 and the largest value of their width, where codecs break.
 */
public final class RandomWire {
    private static final String[] STRINGS = {"", "a", "bye", "r\u00e9seau", "\u6f22\u5b57", "\ud83d\ude80 go",
        "reason with spaces", "\u0000nul"};

    private RandomWire() {
    }

    /** An unsigned value of {@code bits} bits (1..64), biased to the edges. */
    public static long unsigned(Random r, int bits) {
        long max = bits == 64 ? -1L : (1L << bits) - 1;
        switch (r.nextInt(8)) {
            case 0:
                return 0;
            case 1:
                return max;
            case 2:
                return Math.min(r.nextInt(300), max);
            case 3:
                return max - Math.min(r.nextInt(3), max);
            default:
                return r.nextLong() & max;
        }
    }

    /** Random bytes, mostly short. */
    public static byte[] bytes(Random r, int maxLength) {
        int length = r.nextInt(4) == 0 ? r.nextInt(maxLength + 1) : r.nextInt(Math.min(40, maxLength) + 1);
        byte[] bytes = new byte[length];
        r.nextBytes(bytes);
        return bytes;
    }

    /** A string that encodes (sometimes random code points). */
    public static String string(Random r) {
        if (r.nextBoolean()) {
            return STRINGS[r.nextInt(STRINGS.length)];
        }
        StringBuilder text = new StringBuilder();
        int count = r.nextInt(12);
        for (int i = 0; i < count; i++) {
            int codePoint;
            do {
                codePoint = r.nextInt(4) == 0 ? r.nextInt(0x110000) : 0x20 + r.nextInt(0x60);
            } while (codePoint >= 0xD800 && codePoint <= 0xDFFF);
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    /** A service or protocol name: 1 to 255 bytes of UTF-8. */
    public static String name(Random r) {
        String name;
        do {
            name = r.nextInt(10) == 0 ? "n".repeat(1 + r.nextInt(255)) : string(r);
        } while (io.netty.buffer.ByteBufUtil.utf8Bytes(name) < 1 || io.netty.buffer.ByteBufUtil.utf8Bytes(name) > 255);
        return name;
    }

    /** Any valid frame. */
    public static Frame frame(Random r) {
        FrameType type = FrameType.values()[r.nextInt(FrameType.values().length)];
        switch (type) {
            case EMPTY:
                return EmptyFrame.INSTANCE;
            case PING:
                return PingFrame.INSTANCE;
            case STREAM:
                return stream(r);
            case ACK:
                return ack(r);
            case PADDING:
                return new PaddingFrame(Unpooled.wrappedBuffer(bytes(r, 300)));
            case DECONGESTION:
                return new DecongestionFrame(feedback(r));
            case DETACH:
                return new DetachFrame(unsigned(r, 32));
            case RESET:
                return new ResetFrame(unsigned(r, 32), unsigned(r, 32), string(r));
            case CLOSE:
                return new CloseFrame(unsigned(r, 32), string(r), ack(r));
            case SETTINGS:
                return settings(r);
            case PRIORITY:
                return new PriorityFrame(unsigned(r, 32), unsigned(r, 32));
            case MAX_DATA:
                return new MaxDataFrame(unsigned(r, 64));
            case MAX_STREAM_DATA:
                return new MaxStreamDataFrame(unsigned(r, 32), unsigned(r, 64));
            case BLOCKED:
                return new BlockedFrame(unsigned(r, 32), unsigned(r, 64));
            case GOAWAY:
                return new GoawayFrame(unsigned(r, 32), unsigned(r, 32), string(r));
            case PATH_CHALLENGE:
                return new PathChallengeFrame(r.nextLong());
            default:
                return new PathResponseFrame(r.nextLong());
        }
    }

    /** A valid STREAM frame. */
    public static StreamFrame stream(Random r) {
        boolean init = r.nextBoolean();
        Usid usid = init && r.nextInt(3) == 0 ? new Usid(bytes16(r), unsigned(r, 64)) : null;
        byte[] data = r.nextInt(20) == 0 ? randomBytes(r, WireLimits.MAX_STREAM_FRAME_DATA - r.nextInt(3))
                : bytes(r, 200);
        boolean fin = data.length == 0 || r.nextBoolean();
        int[] widths = {0, 2, 3, 4, 5, 6, 7, 8};
        int width = widths[r.nextInt(widths.length)];
        long offset = width == 0 ? 0 : unsigned(r, Math.min(8 * width, 62));
        offset = Math.min(offset, WireLimits.MAX_STREAM_OFFSET - data.length);
        return new StreamFrame(r.nextBoolean(), init, usid, width, r.nextBoolean(), fin, r.nextBoolean(),
                Math.max(1, unsigned(r, 32)), init ? unsigned(r, 32) : 0, offset, Unpooled.wrappedBuffer(data));
    }

    private static byte[] bytes16(Random r) {
        return randomBytes(r, 16);
    }

    private static byte[] randomBytes(Random r, int length) {
        byte[] bytes = new byte[length];
        r.nextBytes(bytes);
        return bytes;
    }

    /** A valid ACK frame with ranges that follow every rule. */
    public static AckFrame ack(Random r) {
        long largest = unsigned(r, r.nextBoolean() ? 20 : 64);
        List<NackRange> ranges = new ArrayList<>();
        long bound = largest;
        int wanted = r.nextInt(5) == 0 ? r.nextInt(30) : r.nextInt(5);
        // each run [first, last] lies below bound; all stay well within 2^48 of largest
        for (int i = 0; i < wanted && Long.compareUnsigned(bound, 2) >= 0
                && Long.compareUnsigned(largest - bound, 1L << 40) < 0; i++) {
            long gap = 1 + r.nextInt((int) cap(bound - 1, 1000));
            long last = bound - gap;
            int run = 1 + r.nextInt((int) cap(last + 1, 50));
            long first = last - run + 1;
            ranges.add(NackRange.of(first, run));
            bound = first;
        }
        long least;
        if (ranges.isEmpty() && largest != -1L && r.nextInt(4) == 0) {
            least = largest + 1;
        } else {
            long lowest = ranges.isEmpty() ? largest : bound;
            long back = Long.compareUnsigned(lowest, 10) > 0 ? 10 : lowest;
            least = lowest - r.nextInt((int) back + 1);
        }
        return new AckFrame(r.nextInt(8) == 0 ? r.nextInt(256) : 0, r.nextInt(8) == 0 ? r.nextInt(256) : 0,
                least, largest, unsigned(r, 32), ranges);
    }

    /** {@code min(value, limit)} with {@code value} unsigned; at least 1 so that it can bound nextInt. */
    private static long cap(long value, long limit) {
        return Math.max(1, Long.compareUnsigned(value, limit) > 0 ? limit : value);
    }

    /** A valid DECONGESTION body. */
    public static FeedbackBody feedback(Random r) {
        switch (r.nextInt(4)) {
            case 0:
                return new CubicFeedback((int) unsigned(r, 16), (int) unsigned(r, 16));
            case 1:
                return new ChicagoFeedback(unsigned(r, 32), unsigned(r, 32), unsigned(r, 32), unsigned(r, 32));
            case 2: {
                List<ReceiveTimestamp> samples = new ArrayList<>();
                int count = 1 + (r.nextInt(10) == 0 ? r.nextInt(255) : r.nextInt(5));
                for (int i = 0; i < count; i++) {
                    samples.add(new ReceiveTimestamp(unsigned(r, 48), unsigned(r, 64)));
                }
                return new LedbatFeedback(samples);
            }
            default: {
                List<InterArrivalDelta> deltas = new ArrayList<>();
                int count = r.nextInt(10) == 0 ? r.nextInt(255) : r.nextInt(5);
                for (int i = 0; i < count; i++) {
                    deltas.add(new InterArrivalDelta((int) unsigned(r, 16), unsigned(r, 32)));
                }
                return new InterArrivalFeedback((int) unsigned(r, 16), unsigned(r, 48), unsigned(r, 64), deltas);
            }
        }
    }

    /** A valid SETTINGS frame, unknown tags included. */
    public static SettingsFrame settings(Random r) {
        List<Setting> settings = new ArrayList<>();
        int tag = r.nextInt(3);
        int count = r.nextInt(12);
        for (int i = 0; i < count && tag <= 0xFFFF; i++) {
            SettingsTag known = SettingsTag.fromCode(tag);
            if (known == null) {
                settings.add(Setting.raw(tag, bytes(r, 20)));
            } else {
                long value = unsigned(r, 8 * known.valueLength());
                if (Long.compareUnsigned(value, known.minValue()) < 0 || Long.compareUnsigned(value, known.maxValue()) > 0) {
                    value = r.nextBoolean() ? known.minValue() : known.maxValue();
                }
                settings.add(Setting.of(known, value));
            }
            tag += 1 + (r.nextInt(4) == 0 ? r.nextInt(20000) : r.nextInt(2));
        }
        return new SettingsFrame(settings);
    }

    /** A valid packet header. */
    public static PacketHeader header(Random r) {
        int width = 2 * (1 + r.nextInt(4));
        return new PacketHeader(r.nextBoolean() ? WireLimits.VERSION_1 : PacketHeader.NO_VERSION, width,
                unsigned(r, 8 * width));
    }

    /** A valid message plaintext: frames that fit, zero padding, maybe a closing CLOSE. */
    public static MessagePlaintext plaintext(Random r) {
        PacketHeader header = header(r);
        List<Frame> frames = new ArrayList<>();
        int length = header.encodedLength();
        int count = r.nextInt(6);
        for (int i = 0; i < count; i++) {
            Frame frame = frame(r);
            if (frame instanceof CloseFrame || frame instanceof StreamFrame stream && !stream.explicitLength()) {
                continue;
            }
            int frameLength = FrameCodec.encodedLength(frame);
            if (length + frameLength > WireLimits.MAX_PLAINTEXT) {
                break;
            }
            frames.add(frame);
            length += frameLength;
        }
        for (int i = length; i < PlaintextWriter.paddedLength(length); i++) {
            frames.add(EmptyFrame.INSTANCE);
        }
        return new MessagePlaintext(header, frames);
    }

    /** A valid packet; boxes are random bytes. */
    public static Packet packet(Random r) {
        switch (r.nextInt(4)) {
            case 0:
                return new HelloPacket(buf(r, 32), buf(r, 64), unsigned(r, 64), buf(r, 80));
            case 1:
                return new CookiePacket(buf(r, 16), buf(r, 144));
            case 2:
                return new InitiatePacket(buf(r, 32), new ResponderCookie(buf(r, 16), buf(r, 80)), unsigned(r, 64),
                        buf(r, InitiatePacket.BOX_OVERHEAD + 16 * (1 + r.nextInt(61))));
            default:
                return new MessagePacket(buf(r, 32), unsigned(r, 64),
                        buf(r, MessagePacket.BOX_OVERHEAD + 16 * (1 + r.nextInt(73))));
        }
    }

    private static ByteBuf buf(Random r, int length) {
        return Unpooled.wrappedBuffer(randomBytes(r, length));
    }

    /** A valid service message that fits a record. */
    public static ServiceMessage serviceMessage(Random r) {
        long status = r.nextInt(3) == 0 ? ServiceStatus.OK.code() : unsigned(r, 32);
        switch (r.nextInt(6)) {
            case 0:
                return new ConnectRequest(name(r), name(r));
            case 1:
                return new ConnectReply(status, string(r));
            case 2:
                return new ListServicesRequest();
            case 3:
                return status == ServiceStatus.OK.code() ? ListServicesReply.ok(entries(r))
                        : ListServicesReply.error(status, string(r));
            case 4:
                return new ListProtocolsRequest(name(r));
            default:
                return status == ServiceStatus.OK.code() ? ListProtocolsReply.ok(name(r), entries(r))
                        : ListProtocolsReply.error(status, string(r));
        }
    }

    private static List<ServiceEntry> entries(Random r) {
        List<ServiceEntry> entries = new ArrayList<>();
        int count = r.nextInt(6);
        for (int i = 0; i < count; i++) {
            entries.add(new ServiceEntry(name(r), string(r)));
        }
        return entries;
    }
}
