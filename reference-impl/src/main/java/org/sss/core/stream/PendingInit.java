package org.sss.core.stream;

import io.netty.buffer.Unpooled;
import org.sss.core.wire.FieldWidths;
import org.sss.core.wire.StreamFrame;

/**
 * A copy of a STREAM frame with INIT whose parent has not opened yet (STR-OPEN-8): the received
 * plaintext is reused, so the data is copied out.
 */
final class PendingInit {
    final long lsid;
    private final long parentLsid;
    private final boolean noAck;
    private final boolean fin;
    private final boolean recordEnd;
    private final long offset;
    private final byte[] data;

    private PendingInit(StreamFrame frame, long parentLsid) {
        this.lsid = frame.lsid();
        this.parentLsid = parentLsid;
        this.noAck = frame.noAck();
        this.fin = frame.fin();
        this.recordEnd = frame.recordEnd();
        this.offset = frame.offset();
        this.data = new byte[frame.data().readableBytes()];
        frame.data().getBytes(frame.data().readerIndex(), data);
    }

    /** A copy of a frame of a stream whose INIT named {@code parentLsid}. */
    static PendingInit copyOf(StreamFrame frame, long parentLsid) {
        return new PendingInit(frame, parentLsid);
    }

    /** The frame again, with INIT and its stream's parent, over a buffer the caller releases. */
    StreamFrame toFrame() {
        return new StreamFrame(noAck, true, null, FieldWidths.minimalOffsetWidth(offset), true, fin, recordEnd, lsid,
                parentLsid, offset, Unpooled.wrappedBuffer(data));
    }
}
