package org.sss.core.wire;

import io.netty.buffer.ByteBuf;

/**
 * Encodes and decodes the outer packets (boxes stay sealed). Stateless.
 */
public final class PacketCodec {
    private PacketCodec() {
    }

    /** The number of bytes {@link #encode(Packet, ByteBuf)} writes. */
    public static int encodedLength(Packet packet) {
        switch (packet.type()) {
            case HELLO:
                return WireLimits.HELLO_LENGTH;
            case COOKIE:
                return WireLimits.COOKIE_LENGTH;
            case INITIATE:
                return WireLimits.INITIATE_OVERHEAD + ((InitiatePacket) packet).messageLength();
            case MESSAGE:
                return WireLimits.MESSAGE_OVERHEAD + ((MessagePacket) packet).messageLength();
            default:
                throw new AssertionError(packet.type());
        }
    }

    /** Writes {@code packet}, magic first, at the writer index of {@code out}. */
    public static void encode(Packet packet, ByteBuf out) {
        out.writeLong(packet.type().magic());
        if (packet instanceof HelloPacket hello) {
            Wire.writeBytes(out, hello.initiatorShortTermPk());
            Wire.writeBytes(out, hello.antiAmplificationPadding());
            out.writeLong(hello.nonceCounter());
            Wire.writeBytes(out, hello.box());
        } else if (packet instanceof CookiePacket cookie) {
            Wire.writeBytes(out, cookie.nonceRandom());
            Wire.writeBytes(out, cookie.box());
        } else if (packet instanceof InitiatePacket initiate) {
            Wire.writeBytes(out, initiate.initiatorShortTermPk());
            initiate.cookie().writeTo(out);
            out.writeLong(initiate.nonceCounter());
            Wire.writeBytes(out, initiate.box());
        } else {
            MessagePacket message = (MessagePacket) packet;
            Wire.writeBytes(out, message.senderShortTermPk());
            out.writeLong(message.nonceCounter());
            Wire.writeBytes(out, message.box());
        }
    }

    /**
     * Decodes the datagram in {@code datagram}'s readable bytes and consumes them on success.
     * Byte fields of the packet are slices of {@code datagram}.
     */
    public static DecodeResult<Packet> decode(ByteBuf datagram) {
        int length = datagram.readableBytes();
        // SPEC PKT-MAGIC-3, PKT-MAGIC-2: shorter than 8 bytes, or an unknown magic, is dropped silently
        if (length < PacketType.MAGIC_LENGTH) {
            return DecodeResult.failed(DropReason.DATAGRAM_TOO_SHORT, "%d bytes; the magic alone is 8", length);
        }
        long magic = datagram.getLong(datagram.readerIndex());
        PacketType type = PacketType.fromMagic(magic);
        if (type == null) {
            return DecodeResult.failed(DropReason.UNKNOWN_MAGIC, "magic 0x%016x%s", magic,
                    magic == PacketType.RESERVED_INITIATE_MESSAGE_MAGIC ? " (INITIATE_MESSAGE, reserved)" : "");
        }
        String problem = lengthProblem(type, length);
        if (problem != null) {
            return DecodeResult.failed(DropReason.BAD_PACKET_LENGTH, "%s of %d bytes: %s", type, length, problem);
        }
        datagram.skipBytes(PacketType.MAGIC_LENGTH);
        switch (type) {
            case HELLO:
                return DecodeResult.ok(new HelloPacket(datagram.readSlice(32), datagram.readSlice(HelloPacket.PADDING_LENGTH),
                        datagram.readLong(), datagram.readSlice(HelloPacket.BOX_LENGTH)));
            case COOKIE:
                return DecodeResult.ok(new CookiePacket(datagram.readSlice(16), datagram.readSlice(CookiePacket.BOX_LENGTH)));
            case INITIATE:
                return DecodeResult.ok(new InitiatePacket(datagram.readSlice(32), ResponderCookie.read(datagram),
                        datagram.readLong(), datagram.readSlice(datagram.readableBytes())));
            default:
                return DecodeResult.ok(new MessagePacket(datagram.readSlice(32), datagram.readLong(),
                        datagram.readSlice(datagram.readableBytes())));
        }
    }

    /**
     * What is wrong with a datagram length for its packet type, or {@code null}.
     * SPEC PKT-SIZE-1 to PKT-SIZE-5: HELLO exactly 192; COOKIE exactly 168; INITIATE = 256 + M, M a multiple of 16 in
     * [16, 976]; MESSAGE = 64 + M, M a multiple of 16 in [16, 1168].
     */
    static String lengthProblem(PacketType type, int length) {
        switch (type) {
            case HELLO:
                return length == WireLimits.HELLO_LENGTH ? null : "HELLO is exactly 192 bytes";
            case COOKIE:
                return length == WireLimits.COOKIE_LENGTH ? null : "COOKIE is exactly 168 bytes";
            case INITIATE:
                return mProblem(length - WireLimits.INITIATE_OVERHEAD, WireLimits.MAX_INITIATE_PLAINTEXT, "256 + M");
            default:
                return mProblem(length - WireLimits.MESSAGE_OVERHEAD, WireLimits.MAX_PLAINTEXT, "64 + M");
        }
    }

    private static String mProblem(int m, int maxM, String form) {
        if (m < WireLimits.MIN_PLAINTEXT || m > maxM || m % WireLimits.PLAINTEXT_BLOCK != 0) {
            return "length must be " + form + " with M a multiple of 16 in [16, " + maxM + "], M = " + m;
        }
        return null;
    }
}
