package org.sss.conformance.peer.wire;

import java.util.HexFormat;

/** Lowercase hex, first byte first, as the spec and the vectors write byte strings. */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    /** Encodes bytes as lowercase hex ({@code "null"} for null). */
    public static String of(byte[] bytes) {
        return bytes == null ? "null" : HEX.formatHex(bytes);
    }

    /** Decodes hex. */
    public static byte[] parse(String hex) {
        return HEX.parseHex(hex);
    }
}
