package org.sss.conformance.peer.responder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.Packets;

/**
 * The rules of SPEC.md sections 3 to 5 that a datagram shows in the clear, checkable without any key:
 * magics (PKT-MAGIC-1, PKT-MAGIC-4), sizes (PKT-SIZE-1 to PKT-SIZE-4, PKT-SIZE-7), the HELLO's zero
 * padding (NEG-HELLO-1) and rising nonce counters per short-term key (CRY-CTR-2, CRY-CTR-3). The
 * responder tester peer applies them to every datagram it receives; {@code sss interop} applies them
 * to both directions of a recorded exchange. Not thread-safe: one instance per observed exchange.
 */
public final class WireRules {
    private static final int HELLO_PADDING = 8 + 32;
    private static final int HELLO_COUNTER = 8 + 32 + 64;
    private static final int INITIATE_COUNTER = 8 + 32 + 96;
    private static final int MESSAGE_COUNTER = 8 + 32;

    private final Map<String, Long> lastCounter = new HashMap<>();

    /** Checks a datagram sent by the initiator. */
    public List<Violation> fromInitiator(LoggedDatagram d) {
        List<Violation> out = common(d);
        byte[] b = d.bytes();
        Magic magic = Magic.of(b);
        if (magic == Magic.COOKIE) {
            out.add(new Violation("PKT-MAGIC-1", "an initiator sends HELLO, INITIATE and MESSAGE; it sent a COOKIE", d,
                    null));
        } else if (magic == Magic.HELLO) {
            if (b.length != Packets.HELLO_SIZE) {
                out.add(new Violation("PKT-SIZE-1", "a HELLO is exactly 192 bytes, not " + b.length, d, null));
            } else {
                for (int i = HELLO_PADDING; i < HELLO_PADDING + 64; i++) {
                    if (b[i] != 0) {
                        out.add(new Violation("NEG-HELLO-1", "the 64 bytes after I' must be zero; byte " + i
                                + " is " + (b[i] & 0xff), d, null));
                        break;
                    }
                }
                counter(d, HELLO_COUNTER, out);
            }
        } else if (magic == Magic.INITIATE) {
            int m = b.length - Packets.INITIATE_OVERHEAD;
            if (m < 16 || m > Packets.MAX_INITIATE_PLAINTEXT || m % 16 != 0) {
                out.add(new Violation("PKT-SIZE-3", "an INITIATE is 256 + M bytes, M a multiple of 16 from 16 to 976;"
                        + " this one is " + b.length + " bytes", d, null));
            } else {
                counter(d, INITIATE_COUNTER, out);
            }
        } else if (magic == Magic.MESSAGE) {
            message(d, out);
        }
        return out;
    }

    /** Checks a datagram sent by the responder. */
    public List<Violation> fromResponder(LoggedDatagram d) {
        List<Violation> out = common(d);
        byte[] b = d.bytes();
        Magic magic = Magic.of(b);
        if (magic == Magic.HELLO || magic == Magic.INITIATE) {
            out.add(new Violation("PKT-MAGIC-1", "a responder sends COOKIE and MESSAGE; it sent a " + magic, d, null));
        } else if (magic == Magic.COOKIE && b.length != Packets.COOKIE_SIZE) {
            out.add(new Violation("PKT-SIZE-2", "a COOKIE is exactly 168 bytes, not " + b.length, d, null));
        } else if (magic == Magic.MESSAGE) {
            message(d, out);
        }
        return out;
    }

    private void message(LoggedDatagram d, List<Violation> out) {
        int m = d.length() - Packets.MESSAGE_OVERHEAD;
        if (m < 16 || m > Packets.MAX_MESSAGE_PLAINTEXT || m % 16 != 0) {
            out.add(new Violation("PKT-SIZE-4", "a MESSAGE is 64 + M bytes, M a multiple of 16 from 16 to 1168; this"
                    + " one is " + d.length() + " bytes", d, null));
        } else {
            counter(d, MESSAGE_COUNTER, out);
        }
    }

    private static List<Violation> common(LoggedDatagram d) {
        List<Violation> out = new ArrayList<>();
        byte[] b = d.bytes();
        if (b.length > Packets.MAX_DATAGRAM) {
            out.add(new Violation("PKT-SIZE-7", "no UDP payload exceeds 1232 bytes; this one has " + b.length, d, null));
        }
        Magic magic = Magic.of(b);
        if (magic == Magic.INITIATE_MESSAGE) {
            out.add(new Violation("PKT-MAGIC-4", "the reserved INITIATE_MESSAGE magic qVNq5xLo is never sent", d, null));
        } else if (magic == null) {
            out.add(new Violation("PKT-MAGIC-1", "every packet begins with one of the magics of section 3.1", d, null));
        }
        return out;
    }

    /** CRY-CTR-2, CRY-CTR-3: the counter of the sender's short-term key (offset 8) rises with every packet. */
    private void counter(LoggedDatagram d, int offset, List<Violation> out) {
        byte[] b = d.bytes();
        String key = Hex.of(java.util.Arrays.copyOfRange(b, 8, 40));
        long c = 0;
        for (int i = offset; i < offset + 8; i++) {
            c = c << 8 | (b[i] & 0xff);
        }
        Long before = lastCounter.put(key, c);
        if (before != null && Long.compareUnsigned(c, before) <= 0) {
            out.add(new Violation(c == before ? "CRY-CTR-3" : "CRY-CTR-2", "every packet under a short-term key uses a"
                    + " new counter value greater than all before; counter " + Long.toUnsignedString(c) + " follows "
                    + Long.toUnsignedString(before), d, null));
        }
    }
}
