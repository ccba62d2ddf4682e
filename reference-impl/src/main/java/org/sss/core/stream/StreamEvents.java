package org.sss.core.stream;

/**
 * What a stream tells the layer above it (the host's public {@code Stream}). Called on the event
 * loop, from inside the stream layer: implementations record and schedule, and must not call back
 * into the channel's receive path.
 */
public interface StreamEvents {
    /** Data, a record or the end of the stream became readable. */
    void onReadable();

    /** Buffered data was acknowledged or sent: blocked writes may proceed. */
    void onWritable();

    /** The peer opened a substream of this stream. */
    void onChild(StreamCore child);

    /**
     * The stream was reset (SPEC.md section 8.5).
     *
     * @param errorCode the RESET's code
     * @param reason its reason
     * @param byPeer whether the peer sent it
     */
    void onReset(long errorCode, String reason, boolean byPeer);

    /** Every byte and the FIN of this end's direction were acknowledged. */
    void onSendFinished();

    /** Both directions finished (STR-FIN-3); the stream's state is freed. */
    void onClosed();

    /** The stream lost its last channel and cannot continue (STR-ATTACH-8). */
    void onFailed(String why);

    /** Events that ignore everything. */
    StreamEvents NONE = new StreamEvents() {
        @Override
        public void onReadable() {
        }

        @Override
        public void onWritable() {
        }

        @Override
        public void onChild(StreamCore child) {
        }

        @Override
        public void onReset(long errorCode, String reason, boolean byPeer) {
        }

        @Override
        public void onSendFinished() {
        }

        @Override
        public void onClosed() {
        }

        @Override
        public void onFailed(String why) {
        }
    };
}
