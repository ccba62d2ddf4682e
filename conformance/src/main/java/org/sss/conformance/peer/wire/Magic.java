package org.sss.conformance.peer.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The packet magics of SPEC.md section 3.1, in wire (ASCII) order (PKT-MAGIC-1). */
public enum Magic {
    /** {@code qVNq5xLh}. */
    HELLO("qVNq5xLh"),
    /** {@code rl3Anmxk}. */
    COOKIE("rl3Anmxk"),
    /** {@code qVNq5xLi}. */
    INITIATE("qVNq5xLi"),
    /** {@code rl3q5xLm}. */
    MESSAGE("rl3q5xLm"),
    /** {@code qVNq5xLo}: reserved, never sent by a conforming endpoint (PKT-MAGIC-4). */
    INITIATE_MESSAGE("qVNq5xLo");

    private final byte[] ascii;

    Magic(String text) {
        this.ascii = text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The 8 bytes (a copy). */
    public byte[] bytes() {
        return ascii.clone();
    }

    /** Whether {@code datagram} begins with this magic. */
    public boolean starts(byte[] datagram) {
        return datagram.length >= 8 && Arrays.equals(datagram, 0, 8, ascii, 0, 8);
    }

    /** The magic {@code datagram} begins with, or null. */
    public static Magic of(byte[] datagram) {
        for (Magic m : values()) {
            if (m.starts(datagram)) {
                return m;
            }
        }
        return null;
    }
}
