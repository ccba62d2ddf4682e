package org.sss.core.wire;

/**
 * Connect reply (kind 2, operation 1): u32 status, string message.
 *
 * @param status the raw status (u32); see {@link ServiceStatus}
 * @param message a human-readable message
 */
public record ConnectReply(long status, String message) implements ServiceMessage {
    /** Checks the status width and the message. */
    public ConnectReply {
        Wire.u32(status, "status");
        Utf8.checkEncodable(message, "message");
    }

    @Override
    public ServiceMessageKind kind() {
        return ServiceMessageKind.REPLY;
    }

    @Override
    public ServiceOperation operation() {
        return ServiceOperation.CONNECT;
    }
}
