package org.sss.core.wire;

/**
 * Connect request (kind 1, operation 1): string service, string protocol.
 *
 * @param service the service name
 * @param protocol the protocol name
 */
public record ConnectRequest(String service, String protocol) implements ServiceMessage {
    /** Checks both names (1 to 255 bytes of UTF-8). */
    public ConnectRequest {
        Utf8.checkName(service, "service");
        Utf8.checkName(protocol, "protocol");
    }

    @Override
    public ServiceMessageKind kind() {
        return ServiceMessageKind.REQUEST;
    }

    @Override
    public ServiceOperation operation() {
        return ServiceOperation.CONNECT;
    }
}
