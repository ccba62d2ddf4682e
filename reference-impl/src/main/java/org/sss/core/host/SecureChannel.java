package org.sss.core.host;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import org.sss.core.channel.ChannelClosure;
import org.sss.core.channel.ChannelState;
import org.sss.core.channel.ChannelStatistics;
import org.sss.core.crypto.PublicKey;
import org.sss.core.negotiation.Role;

/**
 * An application's handle on one established channel of a {@link Host}. Every method may be
 * called from any thread; the work happens on the host's event loop.
 */
public interface SecureChannel {

    /** The peer's authenticated long-term key. */
    PublicKey peerIdentity();

    /** The peer's UDP address. */
    InetSocketAddress peerAddress();

    /** The 16-byte channel ID both ends derived (SPEC.md section 4.5). */
    byte[] channelId();

    /** Whether this host initiated the channel. */
    Role role();

    /** The channel's state as last seen; may lag the event loop by one event. */
    ChannelState state();

    /** A snapshot of the channel's counters, taken on the event loop. */
    CompletableFuture<ChannelStatistics> statistics();

    /** Sends an ack-eliciting PING (SPEC.md section 7.15); completes once the packet is sent. */
    CompletableFuture<Void> ping();

    /**
     * Closes the channel with NO_ERROR and the given reason (SPEC.md section 6.8).
     *
     * @param reason a short UTF-8 text for the peer
     * @return completes with the closure, as {@link #closed()} does; exceptionally with
     *     {@link IllegalArgumentException}, the channel left open, if the reason does not fit in the
     *     CLOSE packet
     */
    CompletableFuture<ChannelClosure> close(String reason);

    /**
     * Closes the channel with an application's error code and reason (SPEC.md sections 6.8 and 11);
     * the peer sees both in its {@link ChannelClosure}.
     *
     * @param applicationErrorCode a code from 0x10000 to 0xFFFFFFFF (FRM-ERR-2)
     * @param reason a short UTF-8 text for the peer
     * @return completes with the closure, as {@link #closed()} does; exceptionally with
     *     {@link IllegalArgumentException}, the channel left open, if the reason does not fit in the
     *     CLOSE packet
     * @throws IllegalArgumentException if the code is not an application code
     */
    CompletableFuture<ChannelClosure> closeWithApplicationError(long applicationErrorCode, String reason);

    /** Completes when the channel stops carrying data, however that happens. */
    CompletableFuture<ChannelClosure> closed();

    // ---------------------------------------------------------------- streams (SPEC.md sections 8 and 9)

    /**
     * Opens a top-level stream to a service of the peer, at once: the connect request travels in
     * the stream's first frame and data written right away follows it (SVC-CONN-2), so the first
     * bytes arrive in the same round trip as the request.
     *
     * @param service the service name, 1 to 255 bytes of UTF-8
     * @param protocol the protocol name, 1 to 255 bytes of UTF-8
     * @return the stream; {@link #connect} waits for the reply instead. If the reply is not OK, the
     *     stream is reset with SERVICE_REFUSED and its reads fail with {@link ServiceRefusedException}
     */
    Stream openStream(String service, String protocol);

    /**
     * Opens a top-level stream to a service of the peer and waits for the reply.
     *
     * @return completes with the stream after an OK reply; exceptionally with
     *     {@link ServiceRefusedException} for any other status
     */
    CompletableFuture<Stream> connect(String service, String protocol);

    /** Asks the peer which services it offers (SPEC.md section 9.3). */
    CompletableFuture<java.util.List<org.sss.core.wire.ServiceEntry>> listServices();

    /** Asks the peer which protocols one of its services speaks (SPEC.md section 9.3). */
    CompletableFuture<java.util.List<org.sss.core.wire.ServiceEntry>> listProtocols(String service);
}
