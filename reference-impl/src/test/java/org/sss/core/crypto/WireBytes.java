package org.sss.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Packets and frames assembled by hand with {@link ByteBuffer}, field by field as spec/sss.ksy lays
 * them out. Deliberately independent of the production codecs in {@code org.sss.core.wire}: the
 * vectors these bytes go into are what those codecs are checked against.
 */
final class WireBytes {
    static final byte[] MAGIC_HELLO = ascii("qVNq5xLh");
    static final byte[] MAGIC_COOKIE = ascii("rl3Anmxk");
    static final byte[] MAGIC_INITIATE = ascii("qVNq5xLi");
    static final byte[] MAGIC_MESSAGE = ascii("rl3q5xLm");

    static final int HELLO_LENGTH = 192;
    static final int COOKIE_LENGTH = 168;
    static final int INITIATE_OVERHEAD = 256;
    static final int MESSAGE_OVERHEAD = 64;

    // frame types (sss.ksy enum frame_type)
    static final int FRAME_STREAM = 1;
    static final int FRAME_ACK = 2;
    static final int FRAME_SETTINGS = 8;

    // STREAM flags (sss.ksy stream_frame)
    static final int STREAM_INIT = 0x4000;
    static final int STREAM_HAS_LENGTH = 0x0200;
    static final int STREAM_RECORD_END = 0x0001;
    static final int STREAM_OFFSET_SHIFT = 10;

    private WireBytes() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    /** HELLO: magic, I', 64 zero bytes, u64 nonce counter, box (80). */
    static byte[] hello(byte[] initiatorShortTermPk, long nonceCounter, byte[] box) {
        return ByteBuffer.allocate(8 + 32 + 64 + 8 + box.length)
                .put(MAGIC_HELLO)
                .put(initiatorShortTermPk)
                .put(new byte[64]) // anti_amplification_padding
                .putLong(nonceCounter)
                .put(box)
                .array();
    }

    /** COOKIE: magic, nonce random (16), box (144). */
    static byte[] cookiePacket(byte[] nonceRandom, byte[] box) {
        return ByteBuffer.allocate(8 + 16 + box.length).put(MAGIC_COOKIE).put(nonceRandom).put(box).array();
    }

    /** The responder cookie: nonce random (16), secretbox (80). */
    static byte[] responderCookie(byte[] nonceRandom, byte[] secretbox) {
        return concat(nonceRandom, secretbox);
    }

    /** INITIATE: magic, I', cookie (96), u64 nonce counter, box. */
    static byte[] initiate(byte[] initiatorShortTermPk, byte[] cookie, long nonceCounter, byte[] box) {
        return ByteBuffer.allocate(8 + 32 + 96 + 8 + box.length)
                .put(MAGIC_INITIATE)
                .put(initiatorShortTermPk)
                .put(cookie)
                .putLong(nonceCounter)
                .put(box)
                .array();
    }

    /** INITIATE box plaintext: I, vouch nonce random (16), vouch (48), message plaintext. */
    static byte[] initiateBoxPlaintext(byte[] initiatorLongTermPk, byte[] vouchNonceRandom, byte[] vouch, byte[] message) {
        return concat(initiatorLongTermPk, vouchNonceRandom, vouch, message);
    }

    /** MESSAGE: magic, sender's short-term key, u64 nonce counter, box. */
    static byte[] message(byte[] senderShortTermPk, long nonceCounter, byte[] box) {
        return ByteBuffer.allocate(8 + 32 + 8 + box.length)
                .put(MAGIC_MESSAGE)
                .put(senderShortTermPk)
                .putLong(nonceCounter)
                .put(box)
                .array();
    }

    /**
     * Packet header: flags {@code 000fssgv}, version (u16) when {@code withVersion}, then the low
     * {@code numberWidth} (2, 4, 6 or 8) bytes of the packet number.
     */
    static byte[] packetHeader(boolean withVersion, int version, long packetNumber, int numberWidth) {
        int ss;
        switch (numberWidth) {
            case 2: ss = 0; break;
            case 4: ss = 1; break;
            case 6: ss = 2; break;
            case 8: ss = 3; break;
            default: throw new IllegalArgumentException("numberWidth " + numberWidth);
        }
        int flags = (ss << 2) | (withVersion ? 0x01 : 0);
        ByteBuffer b = ByteBuffer.allocate(1 + (withVersion ? 2 : 0) + numberWidth);
        b.put((byte) flags);
        if (withVersion) {
            b.putShort((short) version);
        }
        for (int i = numberWidth - 1; i >= 0; i--) {
            b.put((byte) (packetNumber >>> (8 * i)));
        }
        return b.array();
    }

    /** One SETTINGS entry: u16 tag, u16 length, value as {@code width} big-endian bytes. */
    static byte[] setting(int tag, int width, long value) {
        ByteBuffer b = ByteBuffer.allocate(4 + width).putShort((short) tag).putShort((short) width);
        for (int i = width - 1; i >= 0; i--) {
            b.put((byte) (value >>> (8 * i)));
        }
        return b.array();
    }

    /** SETTINGS frame: type 8, u16 count, entries (already in ascending tag order). */
    static byte[] settingsFrame(byte[]... entries) {
        byte[] body = concat(entries);
        return ByteBuffer.allocate(3 + body.length)
                .put((byte) FRAME_SETTINGS)
                .putShort((short) entries.length)
                .put(body)
                .array();
    }

    /**
     * STREAM frame with an explicit data length: type 1, u16 flags, LSID, parent LSID if
     * {@code init}, offset in {@code offsetWidth} bytes (0 = absent), u16 length, data.
     */
    static byte[] streamFrame(boolean init, boolean recordEnd, long lsid, long parentLsid, int offsetWidth, long offset,
            byte[] data) {
        int code = offsetWidth == 0 ? 0 : offsetWidth - 1;
        if (offsetWidth == 1 || offsetWidth > 8) {
            throw new IllegalArgumentException("offsetWidth " + offsetWidth);
        }
        int flags = (init ? STREAM_INIT : 0) | (code << STREAM_OFFSET_SHIFT) | STREAM_HAS_LENGTH
                | (recordEnd ? STREAM_RECORD_END : 0);
        ByteBuffer b = ByteBuffer.allocate(1 + 2 + 4 + (init ? 4 : 0) + offsetWidth + 2 + data.length);
        b.put((byte) FRAME_STREAM).putShort((short) flags).putInt((int) lsid);
        if (init) {
            b.putInt((int) parentLsid);
        }
        for (int i = offsetWidth - 1; i >= 0; i--) {
            b.put((byte) (offset >>> (8 * i)));
        }
        b.putShort((short) data.length).put(data);
        return b.array();
    }

    /** ACK frame without NACK ranges: type 2, entropy 0, entropy 0, count 0, least unacked, largest observed, delay. */
    static byte[] ackFrame(long leastUnacked, long largestObserved, long ackDelayUs) {
        return ByteBuffer.allocate(24)
                .put((byte) FRAME_ACK)
                .put((byte) 0) // sent_entropy
                .put((byte) 0) // received_entropy
                .put((byte) 0) // num_nack_ranges
                .putLong(leastUnacked)
                .putLong(largestObserved)
                .putInt((int) ackDelayUs)
                .array();
    }

    /** A u16-length UTF-8 string. */
    static byte[] utf8String(String s) {
        byte[] v = s.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + v.length).putShort((short) v.length).put(v).array();
    }

    /** Service connect request: kind 1 (request), operation 1 (connect), service, protocol. */
    static byte[] connectRequest(String service, String protocol) {
        return concat(new byte[] {1, 1}, utf8String(service), utf8String(protocol));
    }

    /** Header and frames followed by zero bytes (EMPTY frames) up to a multiple of 16, at least 16. */
    static byte[] messagePlaintext(byte[] header, byte[]... frames) {
        byte[] content = concat(header, concat(frames));
        int padded = Math.max(16, (content.length + 15) / 16 * 16);
        return Arrays.copyOf(content, padded);
    }
}
