package org.sss.conformance.peer.responder;

import java.util.List;

/**
 * What the initiator IUT did on one top-level stream it opened to the responder tester peer.
 *
 * @param lsid the stream's LSID
 * @param service the service named in the connect request, or null before the request arrived
 * @param protocol the protocol named there
 * @param replyStatus the status the responder replied with, or null
 * @param received the application bytes the initiator sent after its request record
 * @param recordEnds the record boundaries in {@code received}
 * @param finished whether FIN arrived with every byte before it
 * @param reset whether the initiator reset the stream
 * @param datagrams the datagrams (completed substreams) received under the stream, in completion order
 * @param datagramsInOneFrame for each datagram, whether it came as one STREAM frame with INIT, NOACK and
 *     FIN at offset 0
 * @param replyLength the length of the responder's reply record
 * @param bytesAfterReplyAcked how far the initiator's data reached beyond where it stood when the
 *     initiator acknowledged the reply (0: nothing new after it had the reply), or -1 when it never
 *     acknowledged the reply
 */
public record ServiceExchange(long lsid, String service, String protocol, Long replyStatus, byte[] received,
        List<Long> recordEnds, boolean finished, boolean reset, List<byte[]> datagrams, List<Boolean> datagramsInOneFrame,
        long replyLength, long bytesAfterReplyAcked) {
    /** Copies. */
    public ServiceExchange {
        received = received.clone();
        recordEnds = List.copyOf(recordEnds);
        datagrams = datagrams.stream().map(byte[]::clone).toList();
        datagramsInOneFrame = List.copyOf(datagramsInOneFrame);
    }

    @Override
    public byte[] received() {
        return received.clone();
    }
}
