package org.sss.core.stream;

import org.sss.core.wire.Usid;

/** What a channel's stream layer asks of the host. */
public interface ChannelStreamsListener {
    /** The peer opened a top-level stream (a child of the root): its first record is a service request. */
    void onPeerStream(StreamCore stream);

    /**
     * Finds a stream by its USID among those this host shares with the channel's peer (STR-ATTACH-2,
     * STR-ID-6), for an attach.
     *
     * @return the stream, or null when unknown
     */
    StreamCore findByUsid(Usid usid);

    /** A stream came into existence on this channel (opened by either end); the host indexes it by USID. */
    void onStreamCreated(StreamCore stream);

    /** A stream's state was freed; the host forgets it. */
    void onStreamFreed(StreamCore stream);

    /** Another channel's streams have something to send: the host flushes them soon. */
    default void wake(ChannelStreams streams) {
    }
}
