package org.sss.core.wire;

import java.util.Optional;

/**
 * Why a receiver rejects input: the verdicts of SPEC.md section 13, whose names the code, the test
 * vectors and the conformance suite share.
 *
 * <p>Each verdict maps to one {@link Action}: outer-packet verdicts drop the datagram silently;
 * plaintext verdicts (the contents of an authenticated box) close the channel with
 * {@link #errorCode()}; the service-message verdict resets the stream with {@link #errorCode()}.
 */
public enum DropReason {
    /** A datagram shorter than the 8-byte magic. */
    DATAGRAM_TOO_SHORT(Scope.PACKET, null),
    /** The magic names no packet kind of version 1. */
    UNKNOWN_MAGIC(Scope.PACKET, null),
    /** The datagram (or box plaintext) length breaks its packet kind's size rule. */
    BAD_PACKET_LENGTH(Scope.PACKET, null),
    /** A box or secretbox did not authenticate. */
    BOX_OPEN_FAILED(Scope.PACKET, null),
    /** The cookie did not open under the current or previous minute key. */
    COOKIE_INVALID(Scope.PACKET, null),
    /** The short-term key inside the cookie differs from the INITIATE's. */
    COOKIE_MISMATCH(Scope.PACKET, null),
    /** The cookie was already used by an accepted INITIATE. */
    COOKIE_REPLAYED(Scope.PACKET, null),
    /** The vouch did not open or does not hold the INITIATE's short-term key. */
    VOUCH_INVALID(Scope.PACKET, null),
    /** No channel is known for the MESSAGE's short-term key. */
    UNKNOWN_CHANNEL(Scope.PACKET, null),
    /** The nonce counter was already seen or lies below the replay window. */
    PACKET_REPLAYED(Scope.PACKET, null),
    /** The packet number in the header differs from the low bits of the nonce counter. */
    PACKET_NUMBER_MISMATCH(Scope.PACKET, null),

    /** The plaintext ends inside the packet header. */
    HEADER_TRUNCATED(Scope.PLAINTEXT, ErrorCode.FRAME_ENCODING_ERROR),
    /** A reserved bit (0xE0) of the header flags is set. */
    HEADER_RESERVED_BITS(Scope.PLAINTEXT, ErrorCode.FRAME_ENCODING_ERROR),
    /** A FEC flag (0x02 or 0x10) of the header is set; version 1 has no FEC. */
    FEC_NOT_SUPPORTED(Scope.PLAINTEXT, ErrorCode.FRAME_ENCODING_ERROR),
    /** The header carries a version this implementation does not speak. */
    UNSUPPORTED_VERSION(Scope.PLAINTEXT, ErrorCode.VERSION_MISMATCH),
    /** A frame type byte names no frame of version 1. */
    UNKNOWN_FRAME_TYPE(Scope.PLAINTEXT, ErrorCode.FRAME_ENCODING_ERROR),
    /** A frame runs past the end of the plaintext. */
    FRAME_TRUNCATED(Scope.PLAINTEXT, ErrorCode.FRAME_ENCODING_ERROR),
    /** A reserved bit of a frame is set. */
    FRAME_RESERVED_BITS(Scope.PLAINTEXT, ErrorCode.FRAME_ENCODING_ERROR),
    /** A STREAM frame has the USID flag without the INIT flag. */
    STREAM_USID_WITHOUT_INIT(Scope.PLAINTEXT, ErrorCode.FRAME_ENCODING_ERROR),
    /** A STREAM frame names LSID 0. */
    STREAM_LSID_ZERO(Scope.PLAINTEXT, ErrorCode.FRAME_ENCODING_ERROR),
    /** A STREAM frame carries no data and no FIN. */
    STREAM_EMPTY_WITHOUT_FIN(Scope.PLAINTEXT, ErrorCode.FRAME_ENCODING_ERROR),
    /** A STREAM frame's offset plus length exceeds 2^62 - 1. */
    STREAM_OFFSET_OVERFLOW(Scope.PLAINTEXT, ErrorCode.FRAME_ENCODING_ERROR),
    /** An ACK frame's bounds or NACK ranges break the ordering rules. */
    ACK_RANGE_INVALID(Scope.PLAINTEXT, ErrorCode.FRAME_ENCODING_ERROR),
    /** SETTINGS tags are not strictly ascending (includes duplicates). */
    SETTINGS_NOT_ASCENDING(Scope.PLAINTEXT, ErrorCode.FRAME_ENCODING_ERROR),
    /** A known SETTINGS tag has the wrong value length or a forbidden value. */
    SETTINGS_BAD_VALUE(Scope.PLAINTEXT, ErrorCode.SETTINGS_ERROR),
    /** The byte after CLOSE's reason is not the ACK frame type 0x02. */
    CLOSE_WITHOUT_ACK(Scope.PLAINTEXT, ErrorCode.FRAME_ENCODING_ERROR),
    /** A string is not well-formed UTF-8. */
    STRING_NOT_UTF8(Scope.PLAINTEXT, ErrorCode.FRAME_ENCODING_ERROR),
    /** A DECONGESTION frame has an unknown subtype, or a sample count of 0. */
    UNKNOWN_CONGESTION_FEEDBACK(Scope.PLAINTEXT, ErrorCode.FRAME_ENCODING_ERROR),

    /** A service request or reply record is badly formed. */
    SERVICE_MESSAGE_MALFORMED(Scope.SERVICE_MESSAGE, ErrorCode.PROTOCOL_VIOLATION);

    /** Where a drop reason applies. */
    public enum Scope {
        /** The outer datagram. */
        PACKET,
        /** The plaintext of an authenticated box. */
        PLAINTEXT,
        /** One service-request record on a stream. */
        SERVICE_MESSAGE
    }

    /** What the receiver does besides counting the verdict. */
    public enum Action {
        /** Discard the datagram silently; no state changes. */
        DROP,
        /** Close the channel with CLOSE carrying {@link DropReason#errorCode()}. */
        CLOSE_CHANNEL,
        /** Reset the stream with RESET carrying {@link DropReason#errorCode()}; the channel stays open. */
        RESET_STREAM
    }

    private final Scope scope;
    private final ErrorCode errorCode;

    DropReason(Scope scope, ErrorCode errorCode) {
        this.scope = scope;
        this.errorCode = errorCode;
    }

    /** Where this reason applies. */
    public Scope scope() {
        return scope;
    }

    /** What the receiver does. */
    public Action action() {
        switch (scope) {
            case PLAINTEXT:
                return Action.CLOSE_CHANNEL;
            case SERVICE_MESSAGE:
                return Action.RESET_STREAM;
            default:
                return Action.DROP;
        }
    }

    /** The error code of the CLOSE or RESET the verdict causes; empty for a silent drop. */
    public Optional<ErrorCode> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}
