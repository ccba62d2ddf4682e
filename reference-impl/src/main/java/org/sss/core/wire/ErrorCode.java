package org.sss.core.wire;

import java.util.Optional;

/**
 * The u32 error codes carried by RESET, CLOSE and GOAWAY. Codes 0x10..0xFFFF are reserved for
 * SSS and codes from 0x10000 up belong to applications; frames therefore keep the raw value and
 * this enum names the codes version 1 defines.
 */
public enum ErrorCode {
    /** 0: no error; a graceful end. */
    NO_ERROR(0),
    /** 1: the sender hit an internal fault. */
    INTERNAL_ERROR(1),
    /** 2: the peer broke a protocol rule that no more specific code covers. */
    PROTOCOL_VIOLATION(2),
    /** 3: a frame was badly formed. */
    FRAME_ENCODING_ERROR(3),
    /** 4: the peer sent more than flow control allowed. */
    FLOW_CONTROL_ERROR(4),
    /** 5: the peer opened more streams than allowed. */
    STREAM_LIMIT_ERROR(5),
    /** 6: a frame arrived for a stream in a state that does not allow it. */
    STREAM_STATE_ERROR(6),
    /** 7: the final size of a stream changed or was exceeded. */
    FINAL_SIZE_ERROR(7),
    /** 8: a SETTINGS frame was invalid. */
    SETTINGS_ERROR(8),
    /** 9: no common protocol version. */
    VERSION_MISMATCH(9),
    /** 10: the channel was idle for too long. */
    IDLE_TIMEOUT(10),
    /** 11: a newer channel to the same peer replaces this one. */
    CHANNEL_REPLACED(11),
    /** 12: the frame names a stream the receiver does not know. */
    UNKNOWN_STREAM(12),
    /** 13: the receiver refuses the new stream. */
    REFUSED_STREAM(13),
    /** 14: the stream is no longer wanted. */
    CANCELLED(14),
    /** 15: the service request was refused. */
    SERVICE_REFUSED(15);

    /** The first code of the range reserved for future SSS versions. */
    public static final long FIRST_RESERVED = 0x10;
    /** The first code of the range applications may use. */
    public static final long FIRST_APPLICATION = 0x10000;

    private static final ErrorCode[] BY_CODE = values();

    private final long code;

    ErrorCode(long code) {
        this.code = code;
    }

    /** The wire value (u32). */
    public long code() {
        return code;
    }

    /** The error code with this wire value, or empty when version 1 does not define it. */
    public static Optional<ErrorCode> lookup(long code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[(int) code]) : Optional.empty();
    }

    /**
     * The code to show for a wire value.
     * SPEC: unknown codes are accepted and treated as INTERNAL_ERROR for display.
     */
    public static ErrorCode forDisplay(long code) {
        return lookup(code).orElse(INTERNAL_ERROR);
    }

    /** Whether {@code code} lies in the application range (0x10000 and up). */
    public static boolean isApplicationCode(long code) {
        return code >= FIRST_APPLICATION;
    }
}
