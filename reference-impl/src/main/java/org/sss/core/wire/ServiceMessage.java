package org.sss.core.wire;

/**
 * A service-request message: one record on a stream, starting with a kind byte (request or reply)
 * and an operation byte. Connect requests are the first record of a new top-level stream; list
 * requests go on a child of the root that is closed after the reply.
 */
public sealed interface ServiceMessage permits ConnectRequest, ConnectReply, ListServicesRequest,
        ListServicesReply, ListProtocolsRequest, ListProtocolsReply {
    /** Request or reply. */
    ServiceMessageKind kind();

    /** The operation. */
    ServiceOperation operation();
}
