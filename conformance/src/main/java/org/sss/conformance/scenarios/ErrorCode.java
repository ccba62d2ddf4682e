package org.sss.conformance.scenarios;

/** The error codes of SPEC.md section 11, as scenarios name them. */
enum ErrorCode {
    NO_ERROR(0x00),
    INTERNAL_ERROR(0x01),
    PROTOCOL_VIOLATION(0x02),
    FRAME_ENCODING_ERROR(0x03),
    FLOW_CONTROL_ERROR(0x04),
    STREAM_LIMIT_ERROR(0x05),
    STREAM_STATE_ERROR(0x06),
    FINAL_SIZE_ERROR(0x07),
    SETTINGS_ERROR(0x08),
    VERSION_MISMATCH(0x09),
    IDLE_TIMEOUT(0x0A),
    CHANNEL_REPLACED(0x0B),
    UNKNOWN_STREAM(0x0C),
    REFUSED_STREAM(0x0D),
    CANCELLED(0x0E),
    SERVICE_REFUSED(0x0F);

    private final long code;

    ErrorCode(long code) {
        this.code = code;
    }

    /** The u32 on the wire. */
    long code() {
        return code;
    }

    /** The name of a code, or its hex value when section 11 does not define it. */
    static String nameOf(long code) {
        for (ErrorCode e : values()) {
            if (e.code == code) {
                return e.name();
            }
        }
        return "0x" + Long.toHexString(code);
    }
}
