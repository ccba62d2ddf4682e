package org.sss.tools.dissect;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sss.conformance.check.Dissection;

/**
 * What {@code sss dissect} found in one UDP datagram.
 *
 * @param index      its position in the capture, from 1 (as Wireshark numbers frames)
 * @param time       its capture timestamp
 * @param source     the sender's address
 * @param target     the receiver's address
 * @param kind       HELLO, COOKIE, INITIATE, MESSAGE, INITIATE_MESSAGE (reserved), SHORT or UNKNOWN
 * @param bytes      the UDP payload
 * @param counter    the nonce counter (HELLO, INITIATE, MESSAGE), or null
 * @param outer      the outer fields the Kaitai parser read, by name, as text (hex for byte strings)
 * @param violations the requirements the datagram breaks, outer checks first, then its plaintext, then its channel
 * @param box        what became of the box: opaque (no key), opened (by whom), or why it did not open
 * @param decrypted  fields read from the opened box before the message plaintext (INITIATE: I), by name
 * @param dissection the opened message plaintext's header and frames, or null
 */
record DissectedPacket(int index, Instant time, InetSocketAddress source, InetSocketAddress target, String kind,
        byte[] bytes, Long counter, Map<String, String> outer, List<Mark> violations, String box,
        Map<String, String> decrypted, Dissection dissection) {
    DissectedPacket {
        bytes = bytes.clone();
        outer = Collections.unmodifiableMap(new LinkedHashMap<>(outer));
        violations = List.copyOf(violations);
        decrypted = Collections.unmodifiableMap(new LinkedHashMap<>(decrypted));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The UDP payload length. */
    int length() {
        return bytes.length;
    }

    /** This packet with {@code more} marks after its own, except those of a requirement it is already marked with. */
    DissectedPacket withMarks(List<Mark> more) {
        List<Mark> all = new ArrayList<>(violations);
        for (Mark m : more) {
            if (all.stream().noneMatch(o -> o.requirement().equals(m.requirement()))) {
                all.add(m);
            }
        }
        return new DissectedPacket(index, time, source, target, kind, bytes, counter, outer, all, box, decrypted,
                dissection);
    }
}
