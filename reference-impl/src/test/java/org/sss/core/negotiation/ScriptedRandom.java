package org.sss.core.negotiation;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * A {@link SecureRandom} that hands out given byte strings in order, one per {@code nextBytes}
 * call, and fails the test if a call asks for a length other than the next string's. It pins the
 * documented order in which the negotiation draws random bytes.
 */
final class ScriptedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient Deque<byte[]> script = new ArrayDeque<>();

    ScriptedRandom(byte[]... chunks) {
        super();
        for (byte[] chunk : chunks) {
            script.add(chunk.clone());
        }
    }

    /** Appends a chunk to the script. */
    ScriptedRandom then(byte[] chunk) {
        script.add(chunk.clone());
        return this;
    }

    int remaining() {
        return script.size();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] next = script.poll();
        if (next == null) {
            throw new AssertionError("ScriptedRandom: no bytes left for a request of " + bytes.length);
        }
        if (next.length != bytes.length) {
            throw new AssertionError("ScriptedRandom: asked for " + bytes.length + " bytes, the script has "
                    + next.length + " (" + HexFormat.of().formatHex(next) + ") next");
        }
        System.arraycopy(next, 0, bytes, 0, next.length);
    }

    @Override
    public void setSeed(long seed) {
    }

    @Override
    public void setSeed(byte[] seed) {
    }
}
