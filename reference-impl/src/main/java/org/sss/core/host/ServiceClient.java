package org.sss.core.host;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.sss.core.wire.ConnectReply;
import org.sss.core.wire.ConnectRequest;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.ListProtocolsReply;
import org.sss.core.wire.ListProtocolsRequest;
import org.sss.core.wire.ListServicesReply;
import org.sss.core.wire.ListServicesRequest;
import org.sss.core.wire.ServiceEntry;
import org.sss.core.wire.ServiceMessage;
import org.sss.core.wire.ServiceMessageKind;
import org.sss.core.wire.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opener's side of service requests (SPEC.md section 9): writes the request record on a new
 * top-level stream and interprets the reply. Stateless.
 */
final class ServiceClient {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceClient.class);

    private ServiceClient() {
    }

    /**
     * How this end resets a stream and fails its pending and later operations with a local
     * exception; {@link HostStream#resetWith} in production, a stand-in in tests.
     */
    @FunctionalInterface
    interface Resetter {
        void reset(Stream stream, long errorCode, String reason, RuntimeException localFailure);
    }

    private static final Resetter HOST_STREAM = (stream, code, reason, failure) ->
            ((HostStream) stream).resetWith(code, reason, failure);

    /**
     * Starts a connect on a fresh top-level stream: writes the request record before returning (so
     * that the application's data follows it, SVC-CONN-2) and queues the read of the reply ahead of
     * any application read.
     *
     * @param connected completes with {@code stream} after an OK reply; exceptionally with
     *     {@link ServiceRefusedException} for any other status, or with the stream's failure
     * @throws IllegalArgumentException if a name is not 1 to 255 bytes of UTF-8 (SVC-GEN-4)
     */
    static void startConnect(HostStream stream, String service, String protocol, CompletableFuture<Stream> connected) {
        startConnect(stream, service, protocol, connected, HOST_STREAM);
    }

    /** {@link #startConnect(HostStream, String, String, CompletableFuture)} with the reset made pluggable. */
    static void startConnect(Stream stream, String service, String protocol, CompletableFuture<Stream> connected,
            Resetter resetter) {
        // SPEC SVC-GEN-4: checked before anything is sent; the exception names the parameter
        ConnectRequest request = new ConnectRequest(service, protocol);
        // SPEC SVC-CONN-1, SVC-GEN-1: the request is the stream's first record
        stream.writeRecord(ServiceDirectory.encode(request)).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.debug("connect request to {}/{} not sent: {}", service, protocol, failure.toString());
            }
        });
        stream.readRecord().whenComplete((record, failure) -> {
            if (failure != null) {
                connected.completeExceptionally(failure);
                return;
            }
            try {
                onConnectReply(stream, record, connected, resetter);
            } catch (RuntimeException e) {
                LOG.warn("connect reply handling failed", e);
                connected.completeExceptionally(e);
            }
        });
    }

    private static void onConnectReply(Stream stream, ReceivedRecord record, CompletableFuture<Stream> connected,
            Resetter resetter) {
        DecodeResult<ServiceMessage> decoded = decodeReply(record);
        if (decoded.isOk() && !(decoded.value() instanceof ConnectReply)) {
            // SPEC SVC-GEN-5: a reply whose operation differs from the request's
            decoded = DecodeResult.failed(DropReason.SERVICE_MESSAGE_MALFORMED, "a %s reply to a CONNECT request",
                    decoded.value().operation());
        }
        if (!decoded.isOk()) {
            String reason = "malformed connect reply: " + decoded.detail();
            // SPEC SVC-GEN-6: reset the stream with PROTOCOL_VIOLATION, not the channel
            StreamResetException failure = new StreamResetException(ErrorCode.PROTOCOL_VIOLATION.code(), reason, false);
            resetter.reset(stream, ErrorCode.PROTOCOL_VIOLATION.code(), reason, failure);
            connected.completeExceptionally(failure);
            return;
        }
        ConnectReply reply = (ConnectReply) decoded.value();
        if (reply.status() == ServiceStatus.OK.code()) {
            connected.complete(stream);
            return;
        }
        // SPEC SVC-CONN-5: stop sending and reset with SERVICE_REFUSED; reads and writes fail with the refusal
        ServiceRefusedException refusal = refusal(reply.status(), reply.message());
        resetter.reset(stream, ErrorCode.SERVICE_REFUSED.code(), "service request refused", refusal);
        connected.completeExceptionally(refusal);
    }

    /**
     * Asks for the peer's services on a fresh top-level stream (SPEC.md section 9.3).
     *
     * @return the services in the peer's order; exceptionally with {@link ServiceRefusedException}
     *     for a status other than OK, or {@link StreamResetException} for a malformed reply
     */
    static CompletableFuture<List<ServiceEntry>> listServices(Stream freshTopLevelStream) {
        return list(freshTopLevelStream, new ListServicesRequest());
    }

    /**
     * Asks for the protocols of one of the peer's services on a fresh top-level stream.
     *
     * @throws IllegalArgumentException if the name is not 1 to 255 bytes of UTF-8 (SVC-GEN-4)
     */
    static CompletableFuture<List<ServiceEntry>> listProtocols(Stream freshTopLevelStream, String service) {
        return list(freshTopLevelStream, new ListProtocolsRequest(service));
    }

    private static CompletableFuture<List<ServiceEntry>> list(Stream stream, ServiceMessage request) {
        CompletableFuture<List<ServiceEntry>> result = new CompletableFuture<>();
        // SPEC SVC-LIST-1: the request is the only record, followed by FIN
        stream.writeRecord(ServiceDirectory.encode(request));
        stream.finish();
        stream.readRecord().whenComplete((record, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            try {
                onListReply(stream, request, record, result);
            } catch (RuntimeException e) {
                LOG.warn("list reply handling failed", e);
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static void onListReply(Stream stream, ServiceMessage request, ReceivedRecord record,
            CompletableFuture<List<ServiceEntry>> result) {
        DecodeResult<ServiceMessage> decoded = decodeReply(record);
        if (decoded.isOk() && decoded.value().operation() != request.operation()) {
            // SPEC SVC-GEN-5: a reply whose operation differs from the request's
            decoded = DecodeResult.failed(DropReason.SERVICE_MESSAGE_MALFORMED, "a %s reply to a %s request",
                    decoded.value().operation(), request.operation());
        }
        if (!decoded.isOk()) {
            String reason = "malformed " + request.operation() + " reply: " + decoded.detail();
            // SPEC SVC-GEN-6
            ServiceDirectory.resetQuietly(stream, ErrorCode.PROTOCOL_VIOLATION.code(), reason);
            result.completeExceptionally(new StreamResetException(ErrorCode.PROTOCOL_VIOLATION.code(), reason, false));
            return;
        }
        long status;
        String message;
        List<ServiceEntry> entries;
        if (decoded.value() instanceof ListServicesReply reply) {
            status = reply.status();
            message = reply.message();
            entries = reply.entries();
        } else {
            ListProtocolsReply reply = (ListProtocolsReply) decoded.value();
            status = reply.status();
            message = reply.message();
            entries = reply.entries();
        }
        if (status == ServiceStatus.OK.code()) {
            result.complete(entries);
        } else {
            result.completeExceptionally(refusal(status, message));
        }
        // the reply is followed by FIN (SVC-LIST-2): read to the end so that the stream closes
        ServiceDirectory.discardToEnd(stream);
    }

    /**
     * Decodes the first record of the acceptor's direction as a reply. SPEC SVC-GEN-5: cut short by
     * FIN, over 1024 bytes, unparsable or of the wrong kind are all malformed.
     */
    private static DecodeResult<ServiceMessage> decodeReply(ReceivedRecord record) {
        if (record == null) {
            return DecodeResult.failed(DropReason.SERVICE_MESSAGE_MALFORMED,
                    "stream ended before the reply");
        }
        if (!record.complete()) {
            return DecodeResult.failed(DropReason.SERVICE_MESSAGE_MALFORMED,
                    "reply of %d bytes cut short by FIN", record.data().length);
        }
        DecodeResult<ServiceMessage> decoded = ServiceDirectory.decode(record.data());
        if (decoded.isOk() && decoded.value().kind() != ServiceMessageKind.REPLY) {
            return DecodeResult.failed(DropReason.SERVICE_MESSAGE_MALFORMED,
                    "a %s request where the reply belongs", decoded.value().operation());
        }
        return decoded;
    }

    /** SPEC SVC-STATUS-1: a status this end does not know counts as REFUSED. */
    static ServiceRefusedException refusal(long status, String message) {
        if (ServiceStatus.fromCode(status) != null) {
            return new ServiceRefusedException(status, message);
        }
        String text = "unknown status " + status + ", treated as REFUSED" + (message.isEmpty() ? "" : ": " + message);
        return new ServiceRefusedException(ServiceStatus.REFUSED.code(), text);
    }
}
