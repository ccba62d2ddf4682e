package org.sss.conformance.peer.responder;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.LongFunction;
import org.sss.conformance.peer.wire.ServiceMessages;
import org.sss.spec.kaitai.Sss;

/**
 * One top-level stream the initiator opened, served as SPEC.md section 9 and Appendix A say: the
 * connect request is answered (OK for the four test services under {@code sss-test/1}, else
 * SERVICE_NOT_FOUND or PROTOCOL_NOT_FOUND and FIN, SVC-CONN-3, SVC-CONN-4), then {@code echo} echoes
 * bytes and record boundaries at their offsets and FIN (A.1, on the stream itself), {@code discard}
 * discards (A.2), {@code source} answers its command record with the pattern (A.3), and
 * {@code datagram-echo} sends back every completed substream as a new datagram (A.4). What the
 * initiator sent is kept for the scenarios to compare. A scripted reply status replaces the services'
 * own (SVC-CONN-5, SVC-STATUS-1); once the initiator acknowledges the reply, the session notes how far
 * the initiator's data had come, so that data sent after a refusal can be told apart.
 */
final class TestServiceSession {
    /** The protocol of the test services. */
    static final String PROTOCOL = "sss-test/1";
    static final List<String> SERVICES = List.of("echo", "discard", "source", "datagram-echo");
    private static final long SERVICE_NOT_FOUND = 1;
    private static final long PROTOCOL_NOT_FOUND = 2;

    private final IncomingStream in;
    private final OutgoingStream out;
    private String service;
    private String protocol;
    private Long status;
    private long requestLength;
    private long replyLength;
    private long echoed;
    private boolean finished;
    private boolean sourceStarted;
    private final List<byte[]> datagrams = new ArrayList<>();
    private final List<Boolean> datagramsInOneFrame = new ArrayList<>();
    private final List<Long> datagramsDone = new ArrayList<>();
    private final Long scriptedStatus;
    private long dataEndAtReplyAck = -1;

    /** @param scriptedStatus the status to reply with whatever the request, or null for the services' own */
    TestServiceSession(IncomingStream in, OutgoingStream out, Long scriptedStatus) {
        this.in = in;
        this.out = out;
        this.scriptedStatus = scriptedStatus;
    }

    /** The initiator acknowledged a packet carrying the start of the reply: it has the reply from now on. */
    void replyAcknowledged() {
        if (status != null && dataEndAtReplyAck < 0) {
            dataEndAtReplyAck = in.highestEnd();
        }
    }

    /**
     * Advances the service after new data on the stream or its substreams.
     *
     * @param children the initiator's substreams of this stream
     * @param newDatagram opens a best-effort datagram under the stream (its LSID is the argument)
     * @return the substreams whose direction the service finished here (datagram-echo), for the caller
     *     to send their empty FIN
     */
    List<Long> advance(List<IncomingStream> children, LongFunction<OutgoingStream> newDatagram) {
        List<Long> finishedChildren = new ArrayList<>();
        if (status == null && !readRequest()) {
            return finishedChildren;
        }
        if (status != ServiceMessages.STATUS_OK || finished) {
            return finishedChildren;
        }
        switch (service) {
            case "echo" -> echo();
            case "source" -> source();
            case "datagram-echo" -> datagramEcho(children, newDatagram, finishedChildren);
            default -> { } // discard
        }
        if (in.isFinished() && !finished && !"source".equals(service)) {
            if (!"echo".equals(service) || echoed == in.length() - requestLength) {
                out.finish();
                finished = true;
            }
        }
        return finishedChildren;
    }

    private boolean readRequest() {
        TreeSet<Long> ends = in.recordEnds();
        if (ends.isEmpty() || ends.first() > in.length()) {
            return false;
        }
        requestLength = ends.first();
        byte[] record = Arrays.copyOf(in.bytes(), (int) requestLength);
        try {
            Sss.ServiceMessage m = ServiceMessages.parse(record);
            Sss.ConnectRequest request = (Sss.ConnectRequest) ((Sss.ServiceRequest) m.body()).body();
            service = request.service().value();
            protocol = request.protocol().value();
        } catch (RuntimeException e) {
            service = "(not a connect request: " + e + ")";
            protocol = "";
        }
        status = !SERVICES.contains(service) ? SERVICE_NOT_FOUND
                : !PROTOCOL.equals(protocol) ? PROTOCOL_NOT_FOUND : ServiceMessages.STATUS_OK;
        if (scriptedStatus != null) {
            status = scriptedStatus;
        }
        byte[] reply = ServiceMessages.connectReply(status, status == ServiceMessages.STATUS_OK ? "" : "not offered");
        out.write(reply, true);
        replyLength = reply.length;
        if (status != ServiceMessages.STATUS_OK) {
            out.finish();
            finished = true;
        }
        return true;
    }

    /** A.1: every byte back at its offset, every boundary at its offset. */
    private void echo() {
        byte[] all = in.bytes();
        long available = all.length - requestLength;
        if (available > echoed) {
            TreeSet<Long> ends = in.recordEnds();
            long from = echoed;
            while (from < available) {
                Long boundary = ends.higher(requestLength + from);
                long to = boundary != null && boundary - requestLength <= available ? boundary - requestLength
                        : available;
                out.write(Arrays.copyOfRange(all, (int) (requestLength + from), (int) (requestLength + to)),
                        boundary != null && boundary - requestLength == to);
                from = to;
            }
            echoed = available;
        }
    }

    /** A.3: the 12-byte command record, then N bytes of {@code i mod 251}, boundaries every S, FIN. */
    private void source() {
        if (sourceStarted) {
            return;
        }
        Long end = in.recordEnds().higher(requestLength);
        if (end == null || end > in.length()) {
            return;
        }
        sourceStarted = true;
        if (end - requestLength != 12) {
            out.finish(); // the reference resets here (TST-SRC-3); the initiator-role scenarios never ask for it
            finished = true;
            return;
        }
        ByteBuffer command = ByteBuffer.wrap(in.bytes(), (int) requestLength, 12);
        long n = command.getLong();
        long s = command.getInt() & 0xFFFF_FFFFL;
        byte[] pattern = new byte[(int) n];
        for (int i = 0; i < n; i++) {
            pattern[i] = (byte) (i % 251);
        }
        long at = 0;
        while (at < n) {
            long to = s == 0 ? n : Math.min(n, at + s);
            out.write(Arrays.copyOfRange(pattern, (int) at, (int) to), s != 0);
            at = to;
        }
        out.finish();
        finished = true;
    }

    /** A.4: each completed substream comes back as a new datagram; its own direction gets an empty FIN. */
    private void datagramEcho(List<IncomingStream> children, LongFunction<OutgoingStream> newDatagram,
            List<Long> finishedChildren) {
        for (IncomingStream child : children) {
            if (child.isFinished() && !datagramsDone.contains(child.lsid)) {
                datagramsDone.add(child.lsid);
                byte[] message = child.bytes();
                datagrams.add(message);
                datagramsInOneFrame.add(child.isSingleFrameDatagram());
                OutgoingStream echo = newDatagram.apply(in.lsid);
                long start = 0;
                for (long end : child.recordEnds()) {
                    echo.write(Arrays.copyOfRange(message, (int) start, (int) end), true);
                    start = end;
                }
                echo.write(Arrays.copyOfRange(message, (int) start, message.length), false);
                echo.finish();
                finishedChildren.add(child.lsid);
            }
        }
    }

    /** What the initiator did on this stream. */
    ServiceExchange snapshot() {
        byte[] all = in.bytes();
        byte[] data = all.length >= requestLength && status != null
                ? Arrays.copyOfRange(all, (int) requestLength, all.length) : new byte[0];
        List<Long> ends = new ArrayList<>();
        for (long e : in.recordEnds()) {
            if (status != null && e > requestLength) {
                ends.add(e - requestLength);
            }
        }
        return new ServiceExchange(in.lsid, service, protocol, status, data, ends, in.isFinished(), in.isReset(),
                datagrams, datagramsInOneFrame, replyLength,
                dataEndAtReplyAck < 0 ? -1 : in.highestEnd() - dataEndAtReplyAck);
    }
}
