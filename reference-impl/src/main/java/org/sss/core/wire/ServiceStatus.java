package org.sss.core.wire;

/**
 * Status codes (u32) of service replies. Replies keep the raw value; this enum names the known ones.
 */
public enum ServiceStatus {
    /** 0: success. */
    OK(0),
    /** 1: the responder offers no such service. */
    SERVICE_NOT_FOUND(1),
    /** 2: the service does not speak that protocol. */
    PROTOCOL_NOT_FOUND(2),
    /** 3: the request was refused. */
    REFUSED(3),
    /** 4: the service is too busy. */
    BUSY(4);

    private final long code;

    ServiceStatus(long code) {
        this.code = code;
    }

    /** The wire value (u32). */
    public long code() {
        return code;
    }

    /** The status with this code, or {@code null} if version 1 defines none. */
    public static ServiceStatus fromCode(long code) {
        for (ServiceStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        return null;
    }
}
