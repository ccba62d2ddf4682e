package org.sss.core.fuzz;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * A deterministic {@link SecureRandom} for fuzz targets: it hands out the given byte strings first,
 * each to the first request of its length (the transcript's minute key or short-term key, so that
 * the transcript's packets stay valid for the component under test), then bytes of a fixed-seed
 * generator, so that every execution of a target does the same thing for the same input.
 */
final class ScriptedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient Deque<byte[]> script = new ArrayDeque<>();
    private final transient SplittableRandom rest;

    ScriptedRandom(long seed, byte[]... chunks) {
        super();
        for (byte[] chunk : chunks) {
            script.add(chunk.clone());
        }
        rest = new SplittableRandom(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] next = script.peek();
        if (next != null && next.length == bytes.length) {
            script.poll();
            System.arraycopy(next, 0, bytes, 0, next.length);
        } else {
            rest.nextBytes(bytes);
        }
    }

    @Override
    public int nextInt() {
        return rest.nextInt();
    }

    @Override
    public long nextLong() {
        return rest.nextLong();
    }

    @Override
    public void setSeed(long seed) {
    }

    @Override
    public void setSeed(byte[] seed) {
    }
}
