package org.sss.core.wire;

import java.util.List;

/**
 * List-services reply (kind 2, operation 2): u32 status, then on OK a u32 count and the entries,
 * otherwise a string message.
 *
 * @param status the raw status (u32)
 * @param entries the services when the status is OK; empty otherwise
 * @param message the message when the status is not OK; {@code null} on OK
 */
public record ListServicesReply(long status, List<ServiceEntry> entries, String message) implements ServiceMessage {
    /** Checks that the fields match the status branch. */
    public ListServicesReply {
        Wire.u32(status, "status");
        entries = List.copyOf(Wire.present(entries, "entries"));
        if (status == ServiceStatus.OK.code()) {
            if (message != null) {
                throw new IllegalArgumentException("message must be null when the status is OK");
            }
        } else {
            if (!entries.isEmpty()) {
                throw new IllegalArgumentException("entries must be empty when the status is not OK");
            }
            Utf8.checkEncodable(message, "message");
        }
    }

    /** A successful reply. */
    public static ListServicesReply ok(List<ServiceEntry> entries) {
        return new ListServicesReply(ServiceStatus.OK.code(), entries, null);
    }

    /** A failed reply. */
    public static ListServicesReply error(long status, String message) {
        return new ListServicesReply(status, List.of(), message);
    }

    @Override
    public ServiceMessageKind kind() {
        return ServiceMessageKind.REPLY;
    }

    @Override
    public ServiceOperation operation() {
        return ServiceOperation.LIST_SERVICES;
    }
}
