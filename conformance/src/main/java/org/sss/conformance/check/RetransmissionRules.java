package org.sss.conformance.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * STR-REC-2 (SPEC.md 8.6): a retransmission, however it splits or merges the data, keeps every record
 * boundary at its original offset. A frame is a retransmission when it carries a byte the IUT already
 * sent on the stream; it must not run across a boundary an earlier frame placed (RECORD on the frame
 * that ended there), must carry RECORD when it ends at one (STR-REC-3: from then on every frame that ends
 * there carries it), and must not place a boundary inside data that an earlier frame sent across without
 * one. A boundary placed late by resending a record's last byte with RECORD (STR-REC-3) is none of these.
 */
final class RetransmissionRules {
    private RetransmissionRules() {
    }

    static List<PacketRule> rules() {
        return List.of(new PacketRule("STR-REC-2", "retransmitted frames keep every record boundary at its original "
                + "offset", RetransmissionRules::boundariesKept));
    }

    private static void boundariesKept(Exchange ex, Findings f) {
        for (Map.Entry<Long, List<IutStreamFrames.Sent>> e : IutStreamFrames.byLsid(ex).entrySet()) {
            TreeSet<Long> boundaries = new TreeSet<>();
            List<IutStreamFrames.Sent> earlier = new ArrayList<>();
            for (IutStreamFrames.Sent s : e.getValue()) {
                if (s.frame().length() > 0 && earlier.stream().anyMatch(o -> overlaps(o, s))) {
                    f.judged();
                    judge(f, e.getKey(), s, boundaries, earlier);
                }
                if (s.has(PeerFrame.Stream.RECORD) && s.frame().length() > 0) {
                    boundaries.add(s.end());
                }
                earlier.add(s);
            }
        }
    }

    private static boolean overlaps(IutStreamFrames.Sent a, IutStreamFrames.Sent b) {
        return a.frame().offset() < b.end() && b.frame().offset() < a.end();
    }

    private static void judge(Findings f, long lsid, IutStreamFrames.Sent s, TreeSet<Long> boundaries,
            List<IutStreamFrames.Sent> earlier) {
        long from = s.frame().offset();
        long to = s.end();
        Long crossed = boundaries.higher(from);
        if (crossed != null && crossed < to) {
            f.violation("expected the retransmission of LSID " + lsid + " offsets " + from + ".." + to + " to keep the "
                    + "record boundary at offset " + crossed + " (end a frame there with RECORD); observed a frame "
                    + "running across it", s.packet());
        } else if (boundaries.contains(to) && !s.has(PeerFrame.Stream.RECORD)) {
            f.violation("expected RECORD on the retransmitted frame of LSID " + lsid + " that ends at the record "
                    + "boundary at offset " + to + "; observed it clear", s.packet());
        } else if (s.has(PeerFrame.Stream.RECORD) && !boundaries.contains(to)) {
            earlier.stream().filter(o -> o.frame().offset() < to && to < o.end()).findFirst().ifPresent(o -> f.violation(
                    "expected no record boundary at offset " + to + " of LSID " + lsid + ", inside data the frame in "
                    + "datagram #" + o.packet().index() + " sent across it without one; observed a retransmission with "
                    + "RECORD ending there", s.packet()));
        }
    }
}
