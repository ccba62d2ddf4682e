package org.sss.core.host;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** A blocking {@link InputStream} over {@link Stream#read}; never use it on the host's event loop. */
final class StreamInputStream extends InputStream {
    private static final int CHUNK = 64 * 1024;
    private final Stream stream;
    private byte[] buffer = new byte[0];
    private int position;
    private boolean end;

    StreamInputStream(Stream stream) {
        this.stream = stream;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        if (position == buffer.length) {
            if (end) {
                return -1;
            }
            buffer = await(stream.read(Math.max(length, CHUNK)));
            position = 0;
            if (buffer.length == 0) {
                end = true;
                return -1;
            }
        }
        int n = Math.min(length, buffer.length - position);
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return buffer.length - position;
    }

    static <T> T await(java.util.concurrent.CompletableFuture<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the stream");
        } catch (ExecutionException | CompletionException e) {
            throw new IOException(e.getCause() == null ? e.getMessage() : e.getCause().getMessage(),
                    e.getCause() == null ? e : e.getCause());
        }
    }
}
