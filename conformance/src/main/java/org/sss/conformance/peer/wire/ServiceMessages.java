package org.sss.conformance.peer.wire;

import io.kaitai.struct.ByteBufferKaitaiStream;
import org.sss.spec.kaitai.Sss;

/**
 * Service messages of SPEC.md section 9: each is one record on a top-level stream, {@code kind},
 * {@code operation} and a body. Encoding is plain; decoding goes through the Kaitai parser.
 */
public final class ServiceMessages {
    /** Kind 1. */
    public static final int REQUEST = 1;
    /** Kind 2. */
    public static final int REPLY = 2;
    /** Operation 1. */
    public static final int CONNECT = 1;
    /** Operation 2. */
    public static final int LIST_SERVICES = 2;
    /** Operation 3. */
    public static final int LIST_PROTOCOLS = 3;
    /** Status 0 (section 9.4). */
    public static final long STATUS_OK = 0;

    private ServiceMessages() {
    }

    /** A connect request (9.2): {@code 01 01}, the service and the protocol as utf8 strings. */
    public static byte[] connectRequest(String service, String protocol) {
        return new ByteWriter().u8(REQUEST).u8(CONNECT).utf8(service).utf8(protocol).toByteArray();
    }

    /** A list-services request (9.3): {@code 01 02}, no body. */
    public static byte[] listServicesRequest() {
        return new ByteWriter().u8(REQUEST).u8(LIST_SERVICES).toByteArray();
    }

    /** A list-protocols request (9.3): {@code 01 03} and the service. */
    public static byte[] listProtocolsRequest(String service) {
        return new ByteWriter().u8(REQUEST).u8(LIST_PROTOCOLS).utf8(service).toByteArray();
    }

    /** A connect reply (9.2): {@code 02 01}, the u32 status and a message. */
    public static byte[] connectReply(long status, String message) {
        return new ByteWriter().u8(REPLY).u8(CONNECT).u32(status).utf8(message).toByteArray();
    }

    /**
     * Parses one service message that fills {@code record}.
     *
     * @throws RuntimeException what Kaitai throws, or {@link IllegalStateException} on trailing bytes
     */
    public static Sss.ServiceMessage parse(byte[] record) {
        ByteBufferKaitaiStream io = new ByteBufferKaitaiStream(record);
        Sss.ServiceMessage message = new Sss.ServiceMessage(io);
        if (!io.isEof()) {
            throw new IllegalStateException((io.size() - io.pos()) + " bytes after the service message");
        }
        return message;
    }

    /** The status of a connect reply, or throws when {@code record} is not one. */
    public static long connectReplyStatus(byte[] record) {
        Sss.ServiceMessage m = parse(record);
        if (m.kind() != Sss.ServiceMessageKind.REPLY || m.operation() != Sss.ServiceOperation.CONNECT) {
            throw new IllegalArgumentException("not a connect reply: kind " + m.kind() + ", operation " + m.operation());
        }
        Sss.ServiceReply reply = (Sss.ServiceReply) m.body();
        return ((Sss.ConnectReply) reply.body()).status();
    }
}
