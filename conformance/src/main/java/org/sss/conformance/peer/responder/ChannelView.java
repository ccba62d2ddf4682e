package org.sss.conformance.peer.responder;

import java.util.List;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * A snapshot of one channel the initiator IUT created with the responder tester peer.
 *
 * @param initiatorShortTerm I'
 * @param initiatorSettings the SETTINGS frame of its INITIATE, or null
 * @param close the CLOSE frame it sent, or null
 * @param services its top-level streams
 * @param firstMessageNanos when the responder's first MESSAGE left ({@link System#nanoTime()})
 * @param messagesBeforeSettingsAck how many MESSAGEs of the initiator arrived before the responder
 *     acknowledged a packet carrying its SETTINGS
 */
public record ChannelView(byte[] initiatorShortTerm, PeerFrame.Settings initiatorSettings, PeerFrame.Close close,
        List<ServiceExchange> services, long firstMessageNanos,
        int messagesBeforeSettingsAck) {
    /** Copies. */
    public ChannelView {
        initiatorShortTerm = initiatorShortTerm.clone();
        services = List.copyOf(services);
    }

    @Override
    public byte[] initiatorShortTerm() {
        return initiatorShortTerm.clone();
    }
}
