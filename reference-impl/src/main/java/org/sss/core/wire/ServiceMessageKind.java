package org.sss.core.wire;

/**
 * The kind byte of a service message: request or reply.
 */
public enum ServiceMessageKind {
    /** 1: a request from the stream's opener. */
    REQUEST(1),
    /** 2: the responder's reply. */
    REPLY(2);

    private final int code;

    ServiceMessageKind(int code) {
        this.code = code;
    }

    /** The wire value (u8). */
    public int code() {
        return code;
    }

    /** The kind with this code, or {@code null} if version 1 defines none. */
    public static ServiceMessageKind fromCode(int code) {
        for (ServiceMessageKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return null;
    }
}
