package org.sss.core.wire;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes service messages. A message is one whole record; every fault, including
 * bytes left over at the end (SPEC SVC-GEN-3, SVC-GEN-5), is
 * {@link DropReason#SERVICE_MESSAGE_MALFORMED}. Stateless.
 */
public final class ServiceMessageCodec {
    private static final DropReason MALFORMED = DropReason.SERVICE_MESSAGE_MALFORMED;

    private ServiceMessageCodec() {
    }

    /** The encoded length of {@code message}. */
    public static int encodedLength(ServiceMessage message) {
        int length = 2;
        if (message instanceof ConnectRequest request) {
            length += Utf8.encodedLength(request.service()) + Utf8.encodedLength(request.protocol());
        } else if (message instanceof ConnectReply reply) {
            length += 4 + Utf8.encodedLength(reply.message());
        } else if (message instanceof ListServicesReply reply) {
            length += 4 + (reply.message() == null ? 4 + entriesLength(reply.entries()) : Utf8.encodedLength(reply.message()));
        } else if (message instanceof ListProtocolsRequest request) {
            length += Utf8.encodedLength(request.service());
        } else if (message instanceof ListProtocolsReply reply) {
            length += 4 + (reply.message() == null
                    ? Utf8.encodedLength(reply.service()) + 4 + entriesLength(reply.entries())
                    : Utf8.encodedLength(reply.message()));
        }
        return length;
    }

    private static int entriesLength(List<ServiceEntry> entries) {
        int length = 0;
        for (ServiceEntry entry : entries) {
            length += Utf8.encodedLength(entry.name()) + Utf8.encodedLength(entry.description());
        }
        return length;
    }

    /**
     * Writes {@code message}.
     *
     * @throws IllegalArgumentException if it exceeds the 1024-byte record limit
     */
    public static void encode(ServiceMessage message, ByteBuf out) {
        int length = encodedLength(message);
        if (length > WireLimits.MAX_SERVICE_RECORD) {
            throw new IllegalArgumentException("message is " + length + " bytes; service records are at most 1024");
        }
        out.writeByte(message.kind().code());
        out.writeByte(message.operation().code());
        if (message instanceof ConnectRequest request) {
            Utf8.write(out, request.service());
            Utf8.write(out, request.protocol());
        } else if (message instanceof ConnectReply reply) {
            out.writeInt((int) reply.status());
            Utf8.write(out, reply.message());
        } else if (message instanceof ListServicesReply reply) {
            out.writeInt((int) reply.status());
            if (reply.message() == null) {
                writeEntries(reply.entries(), out);
            } else {
                Utf8.write(out, reply.message());
            }
        } else if (message instanceof ListProtocolsRequest request) {
            Utf8.write(out, request.service());
        } else if (message instanceof ListProtocolsReply reply) {
            out.writeInt((int) reply.status());
            if (reply.message() == null) {
                Utf8.write(out, reply.service());
                writeEntries(reply.entries(), out);
            } else {
                Utf8.write(out, reply.message());
            }
        }
    }

    private static void writeEntries(List<ServiceEntry> entries, ByteBuf out) {
        out.writeInt(entries.size());
        for (ServiceEntry entry : entries) {
            Utf8.write(out, entry.name());
            Utf8.write(out, entry.description());
        }
    }

    /** Decodes the record in {@code in}'s readable bytes and consumes them on success. */
    public static DecodeResult<ServiceMessage> decode(ByteBuf in) {
        if (in.readableBytes() > WireLimits.MAX_SERVICE_RECORD) {
            return DecodeResult.failed(MALFORMED, "record of %d bytes; at most 1024", in.readableBytes());
        }
        if (in.readableBytes() < 2) {
            return DecodeResult.failed(MALFORMED, "kind and operation need 2 bytes, %d remain", in.readableBytes());
        }
        int kindCode = in.readUnsignedByte();
        int operationCode = in.readUnsignedByte();
        ServiceMessageKind kind = ServiceMessageKind.fromCode(kindCode);
        ServiceOperation operation = ServiceOperation.fromCode(operationCode);
        if (kind == null) {
            return DecodeResult.failed(MALFORMED, "unknown kind %d", kindCode);
        }
        if (operation == null) {
            return DecodeResult.failed(MALFORMED, "unknown operation %d", operationCode);
        }
        DecodeResult<ServiceMessage> message = kind == ServiceMessageKind.REQUEST
                ? request(operation, in)
                : reply(operation, in);
        if (message.isOk() && in.isReadable()) {
            return DecodeResult.failed(MALFORMED, "%d bytes after the %s %s", in.readableBytes(), operation, kind);
        }
        return message;
    }

    private static DecodeResult<ServiceMessage> request(ServiceOperation operation, ByteBuf in) {
        switch (operation) {
            case CONNECT: {
                DecodeResult<String> service = name(in, "service");
                if (!service.isOk()) {
                    return service.asFailure();
                }
                DecodeResult<String> protocol = name(in, "protocol");
                return protocol.isOk() ? DecodeResult.ok(new ConnectRequest(service.value(), protocol.value()))
                        : protocol.asFailure();
            }
            case LIST_SERVICES:
                return DecodeResult.ok(new ListServicesRequest());
            default: {
                DecodeResult<String> service = name(in, "service");
                return service.isOk() ? DecodeResult.ok(new ListProtocolsRequest(service.value())) : service.asFailure();
            }
        }
    }

    private static DecodeResult<ServiceMessage> reply(ServiceOperation operation, ByteBuf in) {
        if (in.readableBytes() < 4) {
            return DecodeResult.failed(MALFORMED, "status needs 4 bytes, %d remain", in.readableBytes());
        }
        long status = in.readUnsignedInt();
        boolean ok = status == ServiceStatus.OK.code();
        if (operation == ServiceOperation.CONNECT || !ok) {
            DecodeResult<String> message = string(in, "message");
            if (!message.isOk()) {
                return message.asFailure();
            }
            switch (operation) {
                case CONNECT:
                    return DecodeResult.ok(new ConnectReply(status, message.value()));
                case LIST_SERVICES:
                    return DecodeResult.ok(ListServicesReply.error(status, message.value()));
                default:
                    return DecodeResult.ok(ListProtocolsReply.error(status, message.value()));
            }
        }
        if (operation == ServiceOperation.LIST_SERVICES) {
            DecodeResult<List<ServiceEntry>> entries = entries(in);
            return entries.isOk() ? DecodeResult.ok(ListServicesReply.ok(entries.value())) : entries.asFailure();
        }
        DecodeResult<String> service = name(in, "service");
        if (!service.isOk()) {
            return service.asFailure();
        }
        DecodeResult<List<ServiceEntry>> entries = entries(in);
        return entries.isOk() ? DecodeResult.ok(ListProtocolsReply.ok(service.value(), entries.value()))
                : entries.asFailure();
    }

    private static DecodeResult<List<ServiceEntry>> entries(ByteBuf in) {
        if (in.readableBytes() < 4) {
            return DecodeResult.failed(MALFORMED, "entry count needs 4 bytes, %d remain", in.readableBytes());
        }
        long count = in.readUnsignedInt();
        // each entry is at least two empty strings (4 bytes): checked before sizing anything by the count
        if (count * 4 > in.readableBytes()) {
            return DecodeResult.failed(MALFORMED, "%d entries need at least %d bytes, %d remain", count, count * 4,
                    in.readableBytes());
        }
        List<ServiceEntry> entries = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            DecodeResult<String> name = name(in, "entry " + i + " name");
            if (!name.isOk()) {
                return name.asFailure();
            }
            DecodeResult<String> description = string(in, "entry " + i + " description");
            if (!description.isOk()) {
                return description.asFailure();
            }
            entries.add(new ServiceEntry(name.value(), description.value()));
        }
        return DecodeResult.ok(entries);
    }

    /** SPEC SVC-GEN-4, SVC-GEN-5: a name outside 1 to 255 bytes makes the message malformed. */
    private static DecodeResult<String> name(ByteBuf in, String field) {
        int start = in.readerIndex();
        DecodeResult<String> value = string(in, field);
        int length = in.readerIndex() - start - 2;
        if (value.isOk() && (length < 1 || length > Utf8.MAX_NAME)) {
            return DecodeResult.failed(MALFORMED, "%s of %d bytes; names are 1 to 255 bytes", field, length);
        }
        return value;
    }

    private static DecodeResult<String> string(ByteBuf in, String field) {
        DecodeResult<String> value = Utf8.read(in, MALFORMED, field);
        if (!value.isOk() && value.dropReason() != MALFORMED) {
            return DecodeResult.failed(MALFORMED, "%s", value.detail());
        }
        return value;
    }
}
