package org.sss.tools.vectors;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * The random bytes of a handshake.json transcript, handed to a real {@code Responder} or
 * {@code Initiator} in the order the negotiation layer documents that it draws them; each chunk
 * is read from the file only when drawn. Drawing more than the transcript has, or another length,
 * is a fault of the file or of the implementation and throws {@link MalformedVectorException}.
 */
final class TranscriptRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient Deque<Supplier<byte[]>> script = new ArrayDeque<>();
    private final String owner;

    TranscriptRandom(String owner) {
        this.owner = owner;
    }

    /** Appends a chunk. */
    TranscriptRandom then(Supplier<byte[]> chunk) {
        script.add(chunk);
        return this;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        Supplier<byte[]> next = script.poll();
        if (next == null) {
            throw new MalformedVectorException("the " + owner + " drew " + bytes.length
                    + " random bytes more than the transcript gives");
        }
        byte[] chunk = next.get();
        if (chunk.length != bytes.length) {
            throw new MalformedVectorException("the " + owner + " drew " + bytes.length
                    + " random bytes where the transcript gives " + chunk.length);
        }
        System.arraycopy(chunk, 0, bytes, 0, bytes.length);
    }

    @Override
    public void setSeed(long seed) {
        // scripted: a seed changes nothing
    }

    @Override
    public void setSeed(byte[] seed) {
        // scripted: a seed changes nothing
    }
}
