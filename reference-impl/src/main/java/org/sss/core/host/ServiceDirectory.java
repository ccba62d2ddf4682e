package org.sss.core.host;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.sss.core.wire.ConnectReply;
import org.sss.core.wire.ConnectRequest;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.ListProtocolsReply;
import org.sss.core.wire.ListProtocolsRequest;
import org.sss.core.wire.ListServicesReply;
import org.sss.core.wire.ListServicesRequest;
import org.sss.core.wire.ServiceEntry;
import org.sss.core.wire.ServiceMessage;
import org.sss.core.wire.ServiceMessageCodec;
import org.sss.core.wire.ServiceMessageKind;
import org.sss.core.wire.ServiceStatus;
import org.sss.core.wire.WireLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services a host offers and the acceptor's side of service requests (SPEC.md section 9): it
 * reads the first record of every top-level stream the peer opens, answers it, and hands connected
 * streams to their {@link ServiceHandler}.
 *
 * <p>A service is listed (list services) with the description of the earliest registered of its
 * protocols that is still offered; each protocol is listed (list protocols) with its own
 * description. Registration and withdrawal are thread-safe; {@link #onPeerStream} runs on the
 * event loop and never blocks.
 */
final class ServiceDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceDirectory.class);

    /** How many bytes one read takes while discarding. */
    private static final int DISCARD_CHUNK = 64 * 1024;

    /** Reasons go into a RESET frame: kept short. */
    private static final int MAX_REASON_CHARS = 200;

    /** SPEC SVC-GEN-4, SVC-LIST-4: names compare and sort byte for byte (UTF-8, unsigned). */
    static final Comparator<String> BYTE_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /** Service name -> its protocols in registration order. Guarded by {@code this}. */
    private final Map<String, Map<String, Offer>> services = new TreeMap<>(BYTE_ORDER);

    /**
     * Offers a service under one protocol.
     *
     * @param description the protocol's description (and the service's, if it is the first protocol)
     * @return the offer; closing it withdraws it
     * @throws IllegalArgumentException if a name is not 1 to 255 bytes of UTF-8 (SVC-GEN-4) or the
     *     description is not encodable
     * @throws IllegalStateException if the pair is offered already
     */
    Server register(String service, String protocol, String description, ServiceHandler handler) {
        // SPEC SVC-GEN-4: the request's own checks name the offending parameter
        new ConnectRequest(service, protocol);
        new ServiceEntry(protocol, description);
        Objects.requireNonNull(handler, "handler");
        Offer offer = new Offer(service, protocol, description, handler);
        synchronized (this) {
            Map<String, Offer> protocols = services.computeIfAbsent(service, s -> new LinkedHashMap<>());
            if (protocols.containsKey(protocol)) {
                throw new IllegalStateException("service '" + service + "' is offered with protocol '" + protocol
                        + "' already");
            }
            protocols.put(protocol, offer);
        }
        return offer;
    }

    private synchronized void withdraw(Offer offer) {
        Map<String, Offer> protocols = services.get(offer.service);
        if (protocols != null && protocols.get(offer.protocol) == offer) {
            protocols.remove(offer.protocol);
            if (protocols.isEmpty()) {
                services.remove(offer.service);
            }
        }
    }

    /**
     * Serves a new top-level stream that the peer opened: reads its service request and answers it.
     * Never throws; faults of the peer reset the stream, never the channel (SVC-GEN-6).
     */
    void onPeerStream(Stream stream) {
        stream.readRecord().whenComplete((record, failure) -> {
            if (failure != null) {
                LOG.debug("stream ended before its service request: {}", failure.toString());
                return;
            }
            try {
                onRequestRecord(stream, record);
            } catch (RuntimeException e) {
                LOG.warn("service request handling failed", e);
                resetQuietly(stream, ErrorCode.INTERNAL_ERROR.code(), "internal error");
            }
        });
    }

    private void onRequestRecord(Stream stream, ReceivedRecord record) {
        // SPEC SVC-GEN-5: cut short by FIN (nothing, or bytes without a record boundary)
        if (record == null) {
            malformed(stream, "stream ended before a service request");
            return;
        }
        if (!record.complete()) {
            malformed(stream, "service request of " + record.data().length + " bytes cut short by FIN");
            return;
        }
        DecodeResult<ServiceMessage> decoded = decode(record.data());
        if (!decoded.isOk()) {
            malformed(stream, decoded.detail());
            return;
        }
        ServiceMessage message = decoded.value();
        // SPEC SVC-GEN-5: a reply where a request belongs has the wrong kind for its direction
        if (message.kind() != ServiceMessageKind.REQUEST) {
            malformed(stream, "a " + message.operation() + " reply where a request belongs");
            return;
        }
        if (message instanceof ConnectRequest request) {
            connect(stream, request);
        } else if (message instanceof ListServicesRequest) {
            // SPEC SVC-LIST-2: one reply record followed by FIN
            replyAndFinish(stream, listServices());
        } else if (message instanceof ListProtocolsRequest request) {
            replyAndFinish(stream, listProtocols(request.service()));
        }
    }

    private void connect(Stream stream, ConnectRequest request) {
        Offer offer;
        boolean serviceKnown;
        synchronized (this) {
            Map<String, Offer> protocols = services.get(request.service());
            serviceKnown = protocols != null;
            offer = serviceKnown ? protocols.get(request.protocol()) : null;
        }
        if (offer == null) {
            // SPEC SVC-STATUS-2: PROTOCOL_NOT_FOUND, not SERVICE_NOT_FOUND, when the service exists
            ConnectReply reply = serviceKnown
                    ? new ConnectReply(ServiceStatus.PROTOCOL_NOT_FOUND.code(),
                            "service '" + request.service() + "' does not speak '" + request.protocol() + "'")
                    : new ConnectReply(ServiceStatus.SERVICE_NOT_FOUND.code(),
                            "no service '" + request.service() + "'");
            // SPEC SVC-CONN-4: FIN right after the reply record, and discard the opener's data
            replyAndFinish(stream, reply);
            return;
        }
        // SPEC SVC-CONN-3: OK only when the service is offered with that protocol; the data after the
        // request record goes to the service (the request record has been consumed)
        stream.writeRecord(encode(new ConnectReply(ServiceStatus.OK.code(), "")))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        LOG.debug("connect reply not sent: {}", failure.toString());
                    }
                });
        try {
            offer.handler.onStream(stream);
        } catch (RuntimeException e) {
            LOG.warn("handler of {}/{} failed", offer.service, offer.protocol, e);
            resetQuietly(stream, ErrorCode.INTERNAL_ERROR.code(), "service handler failed");
        }
    }

    /** SPEC SVC-LIST-4: ascending byte order of name, the longest prefix that fits 1024 bytes. */
    ListServicesReply listServices() {
        List<ServiceEntry> all = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<String, Map<String, Offer>> service : services.entrySet()) {
                Offer first = service.getValue().values().iterator().next();
                all.add(new ServiceEntry(service.getKey(), first.description));
            }
        }
        // 2 (kind, operation) + 4 (status) + 4 (count)
        return ListServicesReply.ok(prefixThatFits(all, 10));
    }

    /** SPEC SVC-LIST-3, SVC-LIST-4: SERVICE_NOT_FOUND for an unknown service; sorted, truncated. */
    ListProtocolsReply listProtocols(String service) {
        List<ServiceEntry> all = new ArrayList<>();
        synchronized (this) {
            Map<String, Offer> protocols = services.get(service);
            if (protocols == null) {
                return ListProtocolsReply.error(ServiceStatus.SERVICE_NOT_FOUND.code(), "no service '" + service + "'");
            }
            for (Offer offer : protocols.values()) {
                all.add(new ServiceEntry(offer.protocol, offer.description));
            }
        }
        all.sort(Comparator.comparing(ServiceEntry::name, BYTE_ORDER));
        // 2 (kind, operation) + 4 (status) + the service string + 4 (count)
        return ListProtocolsReply.ok(service, prefixThatFits(all, 10 + 2 + ByteBufUtil.utf8Bytes(service)));
    }

    private static List<ServiceEntry> prefixThatFits(List<ServiceEntry> sorted, int fixedLength) {
        int length = fixedLength;
        int count = 0;
        for (ServiceEntry entry : sorted) {
            length += 4 + ByteBufUtil.utf8Bytes(entry.name()) + ByteBufUtil.utf8Bytes(entry.description());
            if (length > WireLimits.MAX_SERVICE_RECORD) {
                break;
            }
            count++;
        }
        return sorted.subList(0, count);
    }

    private static void replyAndFinish(Stream stream, ServiceMessage reply) {
        stream.writeRecord(encode(reply));
        stream.finish().whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.debug("service reply not delivered: {}", failure.toString());
            }
        });
        discardToEnd(stream);
    }

    private static void malformed(Stream stream, String detail) {
        // SPEC SVC-GEN-6: reset the stream with PROTOCOL_VIOLATION; the channel stays open
        LOG.debug("malformed service request: {}", detail);
        resetQuietly(stream, ErrorCode.PROTOCOL_VIOLATION.code(), "malformed service message: " + detail);
    }

    static void resetQuietly(Stream stream, long code, String reason) {
        try {
            stream.reset(code, reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason);
        } catch (RuntimeException e) {
            LOG.debug("reset failed: {}", e.toString());
        }
    }

    static DecodeResult<ServiceMessage> decode(byte[] record) {
        ByteBuf in = Unpooled.wrappedBuffer(record);
        return ServiceMessageCodec.decode(in);
    }

    static byte[] encode(ServiceMessage message) {
        // Netty's UTF-8 writer reserves room for the worst case, so the buffer may grow past the length
        ByteBuf out = Unpooled.buffer(ServiceMessageCodec.encodedLength(message));
        ServiceMessageCodec.encode(message, out);
        return ByteBufUtil.getBytes(out);
    }

    /** Reads and drops everything that arrives on the stream until its end, a reset or a failure. */
    static CompletableFuture<Void> discardToEnd(Stream stream) {
        return AsyncLoop.run(() -> stream.read(DISCARD_CHUNK).thenApply(bytes -> bytes.length > 0))
                .exceptionally(failure -> null);
    }


    /** One offered (service, protocol). */
    private final class Offer implements Server {
        final String service;
        final String protocol;
        final String description;
        final ServiceHandler handler;

        Offer(String service, String protocol, String description, ServiceHandler handler) {
            this.service = service;
            this.protocol = protocol;
            this.description = description;
            this.handler = handler;
        }

        @Override
        public String service() {
            return service;
        }

        @Override
        public String protocol() {
            return protocol;
        }

        @Override
        public void close() {
            withdraw(this);
        }

        @Override
        public String toString() {
            return "Server[" + service + "/" + protocol + "]";
        }
    }
}
