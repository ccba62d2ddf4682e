package org.sss.core.wire;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * The units of the wire format that can be decoded on their own, each named after its ksy type,
 * with one entry point to decode, re-encode and dissect it. Used by dissectors, the vector checker
 * and the tests; protocol code calls the specific codecs.
 */
public enum WireUnit {
    /** One frame ({@code frame}); its bytes end where the plaintext would. */
    FRAME("frame") {
        @Override
        public DecodeResult<?> decode(ByteBuf in) {
            return FrameCodec.decode(in);
        }

        @Override
        public void encode(Object value, ByteBuf out) {
            FrameCodec.encode((Frame) value, out);
        }

        @Override
        public Map<String, Object> fields(Object value) {
            return WireFields.of((Frame) value);
        }
    },
    /** A packet header ({@code packet_header}). */
    PACKET_HEADER("packet_header") {
        @Override
        public DecodeResult<?> decode(ByteBuf in) {
            return PacketHeaderCodec.decode(in);
        }

        @Override
        public void encode(Object value, ByteBuf out) {
            PacketHeaderCodec.encode((PacketHeader) value, out);
        }

        @Override
        public Map<String, Object> fields(Object value) {
            return WireFields.of((PacketHeader) value);
        }
    },
    /** A whole message plaintext ({@code message_plaintext}). */
    MESSAGE_PLAINTEXT("message_plaintext") {
        @Override
        public DecodeResult<?> decode(ByteBuf in) {
            return FrameReader.decode(in);
        }

        @Override
        public void encode(Object value, ByteBuf out) {
            PlaintextWriter.writeExactly((MessagePlaintext) value, out);
        }

        @Override
        public Map<String, Object> fields(Object value) {
            return WireFields.of((MessagePlaintext) value);
        }
    },
    /** A UDP datagram (the ksy root type). */
    DATAGRAM("datagram") {
        @Override
        public DecodeResult<?> decode(ByteBuf in) {
            return PacketCodec.decode(in);
        }

        @Override
        public void encode(Object value, ByteBuf out) {
            PacketCodec.encode((Packet) value, out);
        }

        @Override
        public Map<String, Object> fields(Object value) {
            return WireFields.of((Packet) value);
        }
    },
    /** A service request or reply record ({@code service_message}). */
    SERVICE_MESSAGE("service_message") {
        @Override
        public DecodeResult<?> decode(ByteBuf in) {
            return ServiceMessageCodec.decode(in);
        }

        @Override
        public void encode(Object value, ByteBuf out) {
            ServiceMessageCodec.encode((ServiceMessage) value, out);
        }

        @Override
        public Map<String, Object> fields(Object value) {
            return WireFields.of((ServiceMessage) value);
        }
    },
    /** The plaintext of a COOKIE box ({@code cookie_box_plaintext}). */
    COOKIE_BOX_PLAINTEXT("cookie_box_plaintext") {
        @Override
        public DecodeResult<?> decode(ByteBuf in) {
            return BoxPlaintextCodec.decodeCookieBox(in);
        }

        @Override
        public void encode(Object value, ByteBuf out) {
            BoxPlaintextCodec.encode((CookieBoxPlaintext) value, out);
        }

        @Override
        public Map<String, Object> fields(Object value) {
            return WireFields.of((CookieBoxPlaintext) value);
        }
    },
    /** The plaintext of a cookie's secretbox ({@code cookie_plaintext}). */
    COOKIE_PLAINTEXT("cookie_plaintext") {
        @Override
        public DecodeResult<?> decode(ByteBuf in) {
            return BoxPlaintextCodec.decodeCookie(in);
        }

        @Override
        public void encode(Object value, ByteBuf out) {
            BoxPlaintextCodec.encode((CookiePlaintext) value, out);
        }

        @Override
        public Map<String, Object> fields(Object value) {
            return WireFields.of((CookiePlaintext) value);
        }
    },
    /** The plaintext of an INITIATE box ({@code initiate_box_plaintext}), its message included. */
    INITIATE_BOX_PLAINTEXT("initiate_box_plaintext") {
        @Override
        public DecodeResult<?> decode(ByteBuf in) {
            DecodeResult<InitiateBoxPlaintext> box = BoxPlaintextCodec.decodeInitiateBox(in);
            if (!box.isOk()) {
                return box;
            }
            DecodeResult<MessagePlaintext> message = FrameReader.decode(box.value().message().duplicate());
            return message.isOk() ? box : message;
        }

        @Override
        public void encode(Object value, ByteBuf out) {
            BoxPlaintextCodec.encode((InitiateBoxPlaintext) value, out);
        }

        @Override
        public Map<String, Object> fields(Object value) {
            return WireFields.of((InitiateBoxPlaintext) value);
        }
    },
    /** The plaintext of a vouch box ({@code vouch_plaintext}). */
    VOUCH_PLAINTEXT("vouch_plaintext") {
        @Override
        public DecodeResult<?> decode(ByteBuf in) {
            return BoxPlaintextCodec.decodeVouch(in);
        }

        @Override
        public void encode(Object value, ByteBuf out) {
            BoxPlaintextCodec.encode((VouchPlaintext) value, out);
        }

        @Override
        public Map<String, Object> fields(Object value) {
            return WireFields.of((VouchPlaintext) value);
        }
    };

    private final String ksyType;

    WireUnit(String ksyType) {
        this.ksyType = ksyType;
    }

    /** The unit's name: its ksy type id ({@code datagram} for the root type). */
    public String ksyType() {
        return ksyType;
    }

    /** The unit named {@code ksyType}, or {@code null}. */
    public static WireUnit fromKsyType(String ksyType) {
        for (WireUnit unit : values()) {
            if (unit.ksyType.equals(ksyType)) {
                return unit;
            }
        }
        return null;
    }

    /** Decodes one unit at the reader index of {@code in}; never throws on any input. */
    public abstract DecodeResult<?> decode(ByteBuf in);

    /**
     * Encodes a value this unit decodes.
     *
     * @throws ClassCastException if {@code value} is not of this unit's type
     */
    public abstract void encode(Object value, ByteBuf out);

    /** The ksy-shaped field tree of a value this unit decodes (see {@link WireFields}). */
    public abstract Map<String, Object> fields(Object value);
}
