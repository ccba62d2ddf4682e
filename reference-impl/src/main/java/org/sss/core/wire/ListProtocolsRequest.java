package org.sss.core.wire;

/**
 * List-protocols request (kind 1, operation 3): string service.
 *
 * @param service the service whose protocols are asked for
 */
public record ListProtocolsRequest(String service) implements ServiceMessage {
    /** Checks the name (1 to 255 bytes of UTF-8). */
    public ListProtocolsRequest {
        Utf8.checkName(service, "service");
    }

    @Override
    public ServiceMessageKind kind() {
        return ServiceMessageKind.REQUEST;
    }

    @Override
    public ServiceOperation operation() {
        return ServiceOperation.LIST_PROTOCOLS;
    }
}
