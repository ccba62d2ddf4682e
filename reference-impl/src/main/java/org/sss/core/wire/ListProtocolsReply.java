package org.sss.core.wire;

import java.util.List;

/**
 * List-protocols reply (kind 2, operation 3): u32 status, then on OK the service string, a u32
 * count and the entries, otherwise a string message.
 *
 * @param status the raw status (u32)
 * @param service the service when the status is OK; {@code null} otherwise
 * @param entries the protocols when the status is OK; empty otherwise
 * @param message the message when the status is not OK; {@code null} on OK
 */
public record ListProtocolsReply(long status, String service, List<ServiceEntry> entries, String message)
        implements ServiceMessage {
    /** Checks that the fields match the status branch. */
    public ListProtocolsReply {
        Wire.u32(status, "status");
        entries = List.copyOf(Wire.present(entries, "entries"));
        if (status == ServiceStatus.OK.code()) {
            Utf8.checkName(service, "service");
            if (message != null) {
                throw new IllegalArgumentException("message must be null when the status is OK");
            }
        } else {
            if (service != null || !entries.isEmpty()) {
                throw new IllegalArgumentException("service and entries must be absent when the status is not OK");
            }
            Utf8.checkEncodable(message, "message");
        }
    }

    /** A successful reply. */
    public static ListProtocolsReply ok(String service, List<ServiceEntry> entries) {
        return new ListProtocolsReply(ServiceStatus.OK.code(), service, entries, null);
    }

    /** A failed reply. */
    public static ListProtocolsReply error(long status, String message) {
        return new ListProtocolsReply(status, null, List.of(), message);
    }

    @Override
    public ServiceMessageKind kind() {
        return ServiceMessageKind.REPLY;
    }

    @Override
    public ServiceOperation operation() {
        return ServiceOperation.LIST_PROTOCOLS;
    }
}
