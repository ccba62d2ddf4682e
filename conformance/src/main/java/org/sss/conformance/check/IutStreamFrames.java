package org.sss.conformance.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * The IUT's STREAM frames of one exchange grouped by LSID, each with the packet that carried it, for the
 * rules that read a stream's history (retransmissions, lifecycle, LSID choices). A packet number seen
 * twice (a duplicated datagram) is read once.
 */
final class IutStreamFrames {
    private IutStreamFrames() {
    }

    /**
     * One STREAM frame of the IUT.
     *
     * @param packet the packet that carried it
     * @param frame the frame
     */
    record Sent(Exchange.Packet packet, PeerFrame.Stream frame) {
        /** The offset just after its last data byte. */
        long end() {
            return frame.offset() + frame.length();
        }

        /** Whether the frame carries {@code flag}. */
        boolean has(int flag) {
            return frame.has(flag);
        }
    }

    /** The IUT's STREAM frames by LSID, in log order. */
    static Map<Long, List<Sent>> byLsid(Exchange ex) {
        Map<Long, List<Sent>> out = new LinkedHashMap<>();
        Set<Long> numbers = new HashSet<>();
        for (Exchange.Packet p : ex.iutPackets()) {
            if (numbers.add(p.number())) {
                for (PeerFrame.Stream s : p.framesOf(PeerFrame.Stream.class)) {
                    out.computeIfAbsent(s.lsid(), l -> new ArrayList<>()).add(new Sent(p, s));
                }
            }
        }
        return out;
    }
}
