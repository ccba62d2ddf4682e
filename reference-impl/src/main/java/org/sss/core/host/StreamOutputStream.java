package org.sss.core.host;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A blocking {@link OutputStream} over {@link Stream#write}: each write waits until the bytes are
 * buffered within the send window; {@link #close()} finishes the stream and waits for the peer's
 * acknowledgement. Never use it on the host's event loop.
 */
final class StreamOutputStream extends OutputStream {
    private final Stream stream;
    private boolean closed;

    StreamOutputStream(Stream stream) {
        this.stream = stream;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] source, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, source.length);
        if (closed) {
            throw new IOException("the stream's output is closed");
        }
        if (length > 0) {
            StreamInputStream.await(stream.write(Arrays.copyOfRange(source, offset, offset + length)));
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            StreamInputStream.await(stream.finish());
        }
    }
}
