package org.sss.tools.vectors;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.sss.core.crypto.PublicKey;

/** Copies out of the byte fields of decoded packets, which are slices of the datagram. */
final class Buffers {

    private Buffers() {
    }

    /** The readable bytes of {@code buf}, copied. */
    static byte[] bytes(ByteBuf buf) {
        return ByteBufUtil.getBytes(buf);
    }

    /** The 32-byte key held in {@code buf}. */
    static PublicKey publicKey(ByteBuf buf) {
        return PublicKey.of(bytes(buf));
    }

    /** The readable bytes of {@code buf} as lowercase hex. */
    static String hex(ByteBuf buf) {
        return ByteBufUtil.hexDump(buf);
    }
}
