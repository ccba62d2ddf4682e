package org.sss.core.wire;

import java.util.Random;

/**
 * Random valid byte layouts written field by field with {@link RawBytes}, without the codec under
 * test: the input side of the "bytes first" property tests, where the Kaitai parser and the
 * reference decoder must read the same values from the same bytes.
 */
public final class RawLayouts {
    private static final long MAX_OFFSET = (1L << 62) - 1;

    private RawLayouts() {
    }

    private static long unsigned(Random r, int bits) {
        return RandomWire.unsigned(r, bits);
    }

    /** One valid frame; its bytes end where the plaintext would. */
    public static byte[] frame(Random r) {
        return frame(r, r.nextInt(17), true).toBytes();
    }

    private static RawBytes frame(Random r, int type, boolean last) {
        RawBytes out = RawBytes.start().u8(type);
        switch (type) {
            case 0:
            case 14:
                return out;
            case 1:
                return stream(r, out, last);
            case 2:
                return ack(r, out);
            case 3: {
                int length = r.nextInt(4) == 0 ? r.nextInt(600) : r.nextInt(20);
                return out.u16(length).pattern(length, r.nextInt());
            }
            case 4:
                return decongestion(r, out);
            case 5:
                return out.u32(unsigned(r, 32));
            case 6:
                return out.u32(unsigned(r, 32)).u32(unsigned(r, 32)).string(RandomWire.string(r));
            case 7:
                return ack(r, out.u32(unsigned(r, 32)).string(RandomWire.string(r)).u8(2));
            case 8:
                return settings(r, out);
            case 9:
                return out.u32(unsigned(r, 32)).u32(unsigned(r, 32));
            case 10:
                return out.u64(unsigned(r, 64));
            case 11:
            case 12:
                return out.u32(unsigned(r, 32)).u64(unsigned(r, 64));
            case 13:
                return out.u32(unsigned(r, 32)).u32(unsigned(r, 32)).string(RandomWire.string(r));
            default:
                return out.u64(r.nextLong());
        }
    }

    private static RawBytes stream(Random r, RawBytes out, boolean last) {
        boolean init = r.nextBoolean();
        boolean usid = init && r.nextInt(3) == 0;
        int code = r.nextInt(8);
        int width = code == 0 ? 0 : code + 1;
        boolean hasLength = !last || r.nextBoolean();
        int length = r.nextInt(6) == 0 ? 0 : r.nextInt(r.nextInt(10) == 0 ? 1100 : 60);
        boolean fin = length == 0 || r.nextBoolean();
        int flags = (r.nextBoolean() ? 0x8000 : 0) | (init ? 0x4000 : 0) | (usid ? 0x2000 : 0) | (code << 10)
                | (hasLength ? 0x0200 : 0) | (fin ? 0x0100 : 0) | (r.nextBoolean() ? 0x0001 : 0);
        out.u16(flags).u32(Math.max(1, unsigned(r, 32)));
        if (init) {
            out.u32(unsigned(r, 32));
        }
        if (usid) {
            out.pattern(16, r.nextInt()).u64(unsigned(r, 64));
        }
        long offset = width == 0 ? 0 : Math.min(unsigned(r, Math.min(8 * width, 62)), MAX_OFFSET - length);
        out.uint(offset, width);
        if (hasLength) {
            out.u16(length);
        }
        return out.pattern(length, r.nextInt());
    }

    private static RawBytes ack(Random r, RawBytes out) {
        long largest = r.nextBoolean() ? r.nextInt(1 << 20) : (r.nextLong() >>> 1);
        int count = r.nextInt(6);
        long[] firsts = new long[count];
        int[] runs = new int[count];
        long bound = largest;
        int made = 0;
        for (; made < count && bound > 2; made++) {
            long last = bound - 1 - r.nextInt((int) Math.min(bound - 2, 500));
            runs[made] = 1 + r.nextInt((int) Math.min(last + 1, 40));
            firsts[made] = last - runs[made] + 1;
            bound = firsts[made];
        }
        long lowest = made == 0 ? largest : bound;
        long least = made == 0 && r.nextInt(4) == 0 ? largest + 1 : lowest - r.nextInt((int) Math.min(lowest, 5) + 1);
        out.u8(r.nextInt(8) == 0 ? r.nextInt(256) : 0).u8(0).u8(made).u64(least).u64(largest).u32(unsigned(r, 32));
        for (int i = 0; i < made; i++) {
            out.u48(firsts[i] & 0xFFFF_FFFF_FFFFL).u16(runs[i]);
        }
        return out;
    }

    private static RawBytes decongestion(Random r, RawBytes out) {
        int subtype = 1 + r.nextInt(4);
        out.u8(subtype);
        switch (subtype) {
            case 1:
                return out.u16(unsigned(r, 16)).u16(unsigned(r, 16));
            case 2:
                return out.u32(unsigned(r, 32)).u32(unsigned(r, 32)).u32(unsigned(r, 32)).u32(unsigned(r, 32));
            case 3: {
                int count = 1 + r.nextInt(6);
                out.u8(count);
                for (int i = 0; i < count; i++) {
                    out.u48(unsigned(r, 48)).u64(unsigned(r, 64));
                }
                return out;
            }
            default: {
                int count = 1 + r.nextInt(6);
                out.u16(unsigned(r, 16)).u8(count).u48(unsigned(r, 48)).u64(unsigned(r, 64));
                for (int i = 1; i < count; i++) {
                    out.u16(unsigned(r, 16)).u32(unsigned(r, 32));
                }
                return out;
            }
        }
    }

    private static RawBytes settings(Random r, RawBytes out) {
        int[] lengths = {0, 1, 2, 8, 8, 4, 4, 2, 2};
        RawBytes entries = RawBytes.start();
        int count = 0;
        for (int tag = r.nextInt(3); tag <= 0xFFFF && count < 10; tag += 1 + r.nextInt(r.nextInt(4) == 0 ? 5000 : 2)) {
            if (tag >= 1 && tag <= 8) {
                // valid ranges of SPEC.md section 7.9, written out here rather than taken from the codec
                long value;
                switch (tag) {
                    case 1:
                        value = 0;
                        break;
                    case 3:
                    case 4:
                        value = unsigned(r, 62);
                        break;
                    case 7:
                        value = 256 + r.nextInt(1168 - 256 + 1);
                        break;
                    case 8:
                        value = r.nextInt(16_384);
                        break;
                    default:
                        value = unsigned(r, 8 * lengths[tag]);
                }
                entries.u16(tag).u16(lengths[tag]).uint(value, lengths[tag]);
            } else {
                int length = r.nextInt(12);
                entries.u16(tag).u16(length).pattern(length, r.nextInt());
            }
            count++;
        }
        return out.u16(count).bytes(entries.toBytes());
    }

    /** A valid packet header. */
    public static byte[] header(Random r) {
        int code = r.nextInt(4);
        boolean version = r.nextBoolean();
        RawBytes out = RawBytes.start().u8((code << 2) | (version ? 1 : 0));
        if (version) {
            out.u16(1);
        }
        return out.uint(unsigned(r, 16 * (code + 1)), 2 * (code + 1)).toBytes();
    }

    /** A valid message plaintext: header, frames (CLOSE or a length-less STREAM only last), zero padding. */
    public static byte[] plaintext(Random r) {
        RawBytes out = RawBytes.start().bytes(header(r));
        int count = r.nextInt(6);
        for (int i = 0; i < count; i++) {
            boolean last = i == count - 1;
            int type = r.nextInt(17);
            if (type == 7 && !last) {
                continue;
            }
            byte[] frame = frame(r, type, false).toBytes();
            if (out.length() + frame.length > 1152) {
                break;
            }
            out.bytes(frame);
        }
        return out.padTo16().toBytes();
    }

    /** A valid datagram; keys, nonces and boxes are random. */
    public static byte[] datagram(Random r) {
        switch (r.nextInt(4)) {
            case 0:
                return RawBytes.start().ascii("qVNq5xLh").pattern(32, r.nextInt()).pattern(64, r.nextInt())
                        .u64(unsigned(r, 64)).pattern(80, r.nextInt()).toBytes();
            case 1:
                return RawBytes.start().ascii("rl3Anmxk").pattern(16, r.nextInt()).pattern(144, r.nextInt()).toBytes();
            case 2:
                return RawBytes.start().ascii("qVNq5xLi").pattern(32, r.nextInt()).pattern(96, r.nextInt())
                        .u64(unsigned(r, 64)).pattern(112 + 16 * (1 + r.nextInt(61)), r.nextInt()).toBytes();
            default:
                return RawBytes.start().ascii("rl3q5xLm").pattern(32, r.nextInt()).u64(unsigned(r, 64))
                        .pattern(16 + 16 * (1 + r.nextInt(73)), r.nextInt()).toBytes();
        }
    }

    /** A valid service message. */
    public static byte[] serviceMessage(Random r) {
        RawBytes out = RawBytes.start();
        int operation = 1 + r.nextInt(3);
        boolean request = r.nextBoolean();
        out.u8(request ? 1 : 2).u8(operation);
        if (request) {
            if (operation == 1) {
                out.string(RandomWire.name(r)).string(RandomWire.name(r));
            } else if (operation == 3) {
                out.string(RandomWire.name(r));
            }
            return out.toBytes();
        }
        long status = r.nextBoolean() ? 0 : unsigned(r, 32);
        out.u32(status);
        if (operation == 1 || status != 0) {
            return out.string(RandomWire.string(r)).toBytes();
        }
        if (operation == 3) {
            out.string(RandomWire.name(r));
        }
        int count = r.nextInt(5);
        out.u32(count);
        for (int i = 0; i < count; i++) {
            out.string(RandomWire.name(r)).string(RandomWire.string(r));
        }
        return out.toBytes();
    }
}
