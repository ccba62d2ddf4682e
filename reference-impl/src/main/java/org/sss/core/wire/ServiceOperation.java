package org.sss.core.wire;

/**
 * The operation byte of a service message.
 */
public enum ServiceOperation {
    /** 1: connect a stream to a service and protocol. */
    CONNECT(1),
    /** 2: list the responder's services. */
    LIST_SERVICES(2),
    /** 3: list the protocols of one service. */
    LIST_PROTOCOLS(3);

    private final int code;

    ServiceOperation(int code) {
        this.code = code;
    }

    /** The wire value (u8). */
    public int code() {
        return code;
    }

    /** The operation with this code, or {@code null} if version 1 defines none. */
    public static ServiceOperation fromCode(int code) {
        for (ServiceOperation operation : values()) {
            if (operation.code == code) {
                return operation;
            }
        }
        return null;
    }
}
