package org.sss.core.wire;

/**
 * List-services request (kind 1, operation 2): no body.
 */
public record ListServicesRequest() implements ServiceMessage {
    @Override
    public ServiceMessageKind kind() {
        return ServiceMessageKind.REQUEST;
    }

    @Override
    public ServiceOperation operation() {
        return ServiceOperation.LIST_SERVICES;
    }
}
