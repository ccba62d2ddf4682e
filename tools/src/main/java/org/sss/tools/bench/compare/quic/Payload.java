package org.sss.tools.bench.compare.quic;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.SplittableRandom;

/** Random content from {@link SplittableRandom}{@code (seed)}. */
final class Payload {
    private Payload() {
    }

    /** {@code length} random bytes. */
    static byte[] bytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** {@code count} random requests of {@code length} bytes each. */
    static byte[][] requests(long seed, int count, int length) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] requests = new byte[count][];
        for (int i = 0; i < count; i++) {
            requests[i] = bytes(random, length);
        }
        return requests;
    }

    /** A direct buffer of {@code length} random bytes, to be sliced by writers and released by its owner. */
    static ByteBuf buffer(long seed, int length) {
        return Unpooled.directBuffer(length).writeBytes(bytes(new SplittableRandom(seed), length));
    }
}
