package org.sss.conformance.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Rules on the IUT's STREAM frames, stream by stream (SPEC.md 7.2, 8.2 to 8.8): LSID parity, INIT
 * until acknowledged, the opening order of parent and child, the same bytes at the same offset, one
 * final size, the RECORD flag, and the shape of best-effort datagrams.
 */
final class StreamRules {
    private static final int MAX_FRAGMENTS = 16;
    /** Room in a packet that a STREAM frame cannot use: the largest header and the frame's fields. */
    private static final int FRAME_ROOM = 11 + 1 + 2 + 4 + 4 + 8 + 2;

    private StreamRules() {
    }

    /** One STREAM frame of the IUT with the packet that carried it and its position there. */
    private record Sent(Exchange.Packet packet, int position, PeerFrame.Stream frame) {
        long end() {
            return frame.offset() + frame.length();
        }
    }

    static List<PacketRule> rules() {
        return List.of(
                new PacketRule("STR-ID-1", "streams the IUT opens or attaches have even LSIDs", StreamRules::parity),
                new PacketRule("STR-OPEN-2", "INIT, with one parent, on every frame of a stream the IUT opened until "
                        + "the tester acknowledged one", StreamRules::initUntilAcked),
                new PacketRule("STR-PRIO-5", "no child's frame before an INIT of its parent was sent or received",
                        StreamRules::parentFirst),
                new PacketRule("FRM-STREAM-11", "attaching frames (INIT and USID) name parent 0",
                        StreamRules::attachParent),
                new PacketRule("FRM-STREAM-9", "RECORD set where a record ends, and kept on every later copy (STR-REC-3)",
                        StreamRules::recordFlag),
                new PacketRule("FRM-STREAM-10", "no data of a NOACK frame is sent twice", StreamRules::noackOnce),
                new PacketRule("STR-DATA-3", "the same bytes whenever data is sent at an offset", StreamRules::sameBytes),
                new PacketRule("STR-FIN-1", "one final size per stream and no data beyond it", StreamRules::finalSize),
                new PacketRule("STR-DGRAM-3", "NOACK on every frame of a stream or on none", StreamRules::noackAllOrNone),
                new PacketRule("STR-DGRAM-2", "every fragment of a best-effort datagram has INIT, NOACK, one parent, "
                        + "FIN on the frame that ends it", StreamRules::fragments),
                new PacketRule("STR-DGRAM-1", "a best-effort datagram that fits in one frame travels in one frame "
                        + "with INIT, NOACK and FIN at offset 0", StreamRules::singleFrame),
                new PacketRule("STR-DGRAM-6", "no best-effort datagram of more than 16 fragments",
                        StreamRules::fallback));
    }

    /** The IUT's STREAM frames by LSID, in sending order; a packet number seen twice is read once. */
    private static Map<Long, List<Sent>> streams(Exchange ex) {
        Map<Long, List<Sent>> out = new LinkedHashMap<>();
        Set<Long> numbers = new HashSet<>();
        for (Exchange.Packet p : ex.iutPackets()) {
            if (!numbers.add(p.number())) {
                continue;
            }
            List<PeerFrame> frames = p.frames();
            for (int i = 0; i < frames.size(); i++) {
                if (frames.get(i) instanceof PeerFrame.Stream s) {
                    out.computeIfAbsent(s.lsid(), l -> new ArrayList<>()).add(new Sent(p, i, s));
                }
            }
        }
        return out;
    }

    private static boolean openedByIut(List<Sent> frames) {
        return frames.get(0).frame().has(PeerFrame.Stream.INIT);
    }

    private static void parity(Exchange ex, Findings f) {
        for (Map.Entry<Long, List<Sent>> e : streams(ex).entrySet()) {
            for (Sent s : e.getValue()) {
                if (s.frame().has(PeerFrame.Stream.INIT)) {
                    f.judged();
                    if (e.getKey() % 2 != 0) {
                        f.violation("expected the responder to open streams with even LSIDs; observed INIT for LSID "
                                + e.getKey(), s.packet());
                    }
                    break;
                }
            }
        }
    }

    private static void initUntilAcked(Exchange ex, Findings f) {
        for (Map.Entry<Long, List<Sent>> e : streams(ex).entrySet()) {
            List<Sent> frames = e.getValue();
            if (!openedByIut(frames)) {
                continue;
            }
            f.judged();
            long parent = frames.get(0).frame().parentLsid();
            Set<Long> carriedInit = new HashSet<>();
            for (Sent s : frames) {
                boolean acked = carriedInit.stream().anyMatch(n -> ex.testerAcknowledged(n, s.packet().index()));
                if (s.frame().has(PeerFrame.Stream.INIT)) {
                    carriedInit.add(s.packet().number());
                    if (s.frame().parentLsid() != parent && !s.frame().has(PeerFrame.Stream.USID)) {
                        f.violation("expected every INIT of LSID " + e.getKey() + " to name parent " + parent
                                + "; observed parent " + s.frame().parentLsid(), s.packet());
                    }
                } else if (!acked) {
                    f.violation("expected INIT on every frame of LSID " + e.getKey() + " until the tester acknowledged "
                            + "one (packets " + carriedInit + "); observed a frame without INIT", s.packet());
                }
            }
        }
    }

    private static void parentFirst(Exchange ex, Findings f) {
        Set<Long> testerOpened = new HashSet<>();
        List<Exchange.Packet> tester = ex.testerPackets();
        Set<Long> iutOpened = new HashSet<>();
        Set<Long> judged = new HashSet<>();
        int next = 0;
        for (Exchange.Packet p : ex.iutPackets()) {
            while (next < tester.size() && tester.get(next).index() < p.index()) {
                for (PeerFrame.Stream s : tester.get(next++).framesOf(PeerFrame.Stream.class)) {
                    if (s.has(PeerFrame.Stream.INIT)) {
                        testerOpened.add(s.lsid());
                    }
                }
            }
            for (PeerFrame.Stream s : p.framesOf(PeerFrame.Stream.class)) {
                if (!s.has(PeerFrame.Stream.INIT)) {
                    continue;
                }
                long parent = s.parentLsid();
                if (parent != 0 && !s.has(PeerFrame.Stream.USID) && judged.add(s.lsid())) {
                    f.judged();
                    if (!testerOpened.contains(parent) && !iutOpened.contains(parent)) {
                        f.violation("expected an INIT of parent " + parent + " (sent by the IUT or by the tester) before "
                                + "the first frame of its child " + s.lsid() + "; observed the child first", p);
                    }
                }
                iutOpened.add(s.lsid());
            }
        }
    }

    private static void attachParent(Exchange ex, Findings f) {
        for (List<Sent> frames : streams(ex).values()) {
            for (Sent s : frames) {
                if (s.frame().has(PeerFrame.Stream.INIT | PeerFrame.Stream.USID)) {
                    f.judged();
                    if (s.frame().parentLsid() != 0) {
                        f.violation("expected parent 0 in an attaching frame; observed " + s.frame().parentLsid(),
                                s.packet());
                    }
                }
            }
        }
    }

    private static void recordFlag(Exchange ex, Findings f) {
        for (Map.Entry<Long, List<Sent>> e : streams(ex).entrySet()) {
            Map<Long, Boolean> atEnd = new HashMap<>();
            Map<Long, Sent> firstAt = new HashMap<>();
            for (Sent s : e.getValue()) {
                PeerFrame.Stream fr = s.frame();
                boolean record = fr.has(PeerFrame.Stream.RECORD);
                if (fr.length() == 0 && !fr.has(PeerFrame.Stream.FIN)) {
                    continue; // malformed in itself: not a question of RECORD
                }
                Boolean earlier = atEnd.get(s.end());
                if (record || earlier != null) {
                    f.judged();
                }
                if (earlier == null || !earlier && record) {
                    // STR-REC-3: a boundary may be placed after its byte was sent; from then on it stays
                    atEnd.put(s.end(), record);
                    firstAt.put(s.end(), s);
                } else if (earlier && !record && fr.length() > 0) {
                    f.violation("expected RECORD set on every frame of LSID " + e.getKey() + " ending at offset "
                            + s.end() + " once the frame in datagram #" + firstAt.get(s.end()).packet().index()
                            + " had placed a boundary there (FRM-STREAM-9, STR-REC-3); observed it clear", s.packet());
                }
            }
            for (Sent s : e.getValue()) {
                for (Map.Entry<Long, Boolean> b : atEnd.entrySet()) {
                    long at = b.getKey();
                    if (b.getValue() && at > s.frame().offset() && at < s.end()) {
                        f.violation("expected a frame of LSID " + e.getKey() + " not to run across the record boundary "
                                + "at offset " + at + " (RECORD marks only a frame's last byte); observed data from "
                                + s.frame().offset() + " to " + s.end(), s.packet());
                    }
                }
            }
        }
    }

    private static void noackOnce(Exchange ex, Findings f) {
        for (Map.Entry<Long, List<Sent>> e : streams(ex).entrySet()) {
            TreeMap<Long, Sent> ranges = new TreeMap<>();
            for (Sent s : e.getValue()) {
                if (!s.frame().has(PeerFrame.Stream.NOACK)) {
                    continue;
                }
                f.judged();
                long start = s.frame().offset();
                long end = Math.max(s.end(), start + 1); // an empty FIN frame occupies its offset
                Map.Entry<Long, Sent> before = ranges.floorEntry(end - 1);
                if (before != null && Math.max(before.getValue().end(), before.getKey() + 1) > start) {
                    f.violation("expected NOACK data never to be sent again; observed LSID " + e.getKey() + " offsets "
                            + start + ".." + s.end() + " again (first in datagram #" + before.getValue().packet().index()
                            + ")", s.packet());
                }
                ranges.put(start, s);
            }
        }
    }

    private static void sameBytes(Exchange ex, Findings f) {
        for (Map.Entry<Long, List<Sent>> e : streams(ex).entrySet()) {
            TreeMap<Long, Sent> seen = new TreeMap<>();
            for (Sent s : e.getValue()) {
                if (s.frame().length() == 0) {
                    continue;
                }
                boolean overlaps = false;
                byte[] data = s.frame().data();
                for (Sent old : seen.subMap(Math.max(0, s.frame().offset() - 65_536), s.end()).values()) {
                    long from = Math.max(old.frame().offset(), s.frame().offset());
                    long to = Math.min(old.end(), s.end());
                    if (from >= to) {
                        continue;
                    }
                    overlaps = true;
                    byte[] earlier = old.frame().data();
                    for (long at = from; at < to; at++) {
                        if (earlier[(int) (at - old.frame().offset())] != data[(int) (at - s.frame().offset())]) {
                            f.violation("expected the same bytes at LSID " + e.getKey() + " offset " + at + " as in datagram #"
                                    + old.packet().index() + "; observed different bytes", s.packet());
                            break;
                        }
                    }
                }
                if (overlaps) {
                    f.judged();
                }
                seen.put(s.frame().offset(), s);
            }
        }
    }

    private static void finalSize(Exchange ex, Findings f) {
        for (Map.Entry<Long, List<Sent>> e : streams(ex).entrySet()) {
            Long fin = null;
            long highest = 0;
            Sent highestFrame = null;
            for (Sent s : e.getValue()) {
                if (s.end() > highest) {
                    highest = s.end();
                    highestFrame = s;
                }
                if (!s.frame().has(PeerFrame.Stream.FIN)) {
                    continue;
                }
                f.judged();
                if (fin == null) {
                    fin = s.end();
                } else if (fin != s.end()) {
                    f.violation("expected one final size on LSID " + e.getKey() + " (" + fin + "); observed a FIN at "
                            + s.end(), s.packet());
                }
            }
            if (fin != null && highest > fin) {
                f.violation("expected no data beyond the final size " + fin + " of LSID " + e.getKey() + "; observed data "
                        + "up to " + highest, highestFrame.packet());
            }
        }
    }

    private static boolean bestEffort(List<Sent> frames) {
        return frames.stream().anyMatch(s -> s.frame().has(PeerFrame.Stream.NOACK));
    }

    private static void noackAllOrNone(Exchange ex, Findings f) {
        for (Map.Entry<Long, List<Sent>> e : streams(ex).entrySet()) {
            if (!bestEffort(e.getValue())) {
                continue;
            }
            f.judged();
            for (Sent s : e.getValue()) {
                if (!s.frame().has(PeerFrame.Stream.NOACK)) {
                    f.violation("expected NOACK on every frame of LSID " + e.getKey() + ", as on others; observed a frame "
                            + "without it", s.packet());
                }
            }
        }
    }

    private static void fragments(Exchange ex, Findings f) {
        for (Map.Entry<Long, List<Sent>> e : streams(ex).entrySet()) {
            List<Sent> frames = e.getValue();
            if (!bestEffort(frames) || !openedByIut(frames)) {
                continue;
            }
            f.judged();
            long parent = frames.get(0).frame().parentLsid();
            long end = frames.stream().mapToLong(Sent::end).max().orElse(0);
            for (Sent s : frames) {
                PeerFrame.Stream fr = s.frame();
                String problem = !fr.has(PeerFrame.Stream.INIT | PeerFrame.Stream.NOACK) ? "a fragment without INIT and NOACK"
                        : fr.parentLsid() != parent ? "parent " + fr.parentLsid() + " instead of " + parent
                        : fr.has(PeerFrame.Stream.FIN) && s.end() != end ? "FIN at " + s.end() + " below data up to " + end
                        : null;
                if (problem != null) {
                    f.violation("expected every fragment of datagram LSID " + e.getKey() + " to carry INIT, NOACK and "
                            + "parent " + parent + ", FIN only on the one that ends it; observed " + problem, s.packet());
                }
            }
        }
    }

    private static void singleFrame(Exchange ex, Findings f) {
        long fits = ex.testerMaxPlaintext() - FRAME_ROOM;
        for (Map.Entry<Long, List<Sent>> e : streams(ex).entrySet()) {
            List<Sent> frames = e.getValue();
            if (!bestEffort(frames) || !openedByIut(frames)) {
                continue;
            }
            Long size = frames.stream().filter(s -> s.frame().has(PeerFrame.Stream.FIN)).map(Sent::end).findFirst()
                    .orElse(null);
            if (size == null || size > fits) {
                continue;
            }
            f.judged();
            long distinct = frames.stream().mapToLong(s -> s.frame().offset()).distinct().count();
            Sent first = frames.get(0);
            if (distinct > 1 || first.frame().offset() != 0
                    || !first.frame().has(PeerFrame.Stream.INIT | PeerFrame.Stream.NOACK | PeerFrame.Stream.FIN)) {
                f.violation("expected a datagram of " + size + " bytes (at most " + fits + " fit in one frame) as one "
                        + "frame with INIT, NOACK and FIN at offset 0; observed " + frames.size() + " frame(s), the first "
                        + first.frame(), first.packet());
            }
        }
    }

    private static void fallback(Exchange ex, Findings f) {
        for (Map.Entry<Long, List<Sent>> e : streams(ex).entrySet()) {
            List<Sent> frames = e.getValue();
            if (!bestEffort(frames) || !openedByIut(frames)) {
                continue;
            }
            f.judged();
            long fragments = frames.stream().mapToLong(s -> s.frame().offset()).distinct().count();
            if (fragments > MAX_FRAGMENTS) {
                f.violation("expected reliable mode for a datagram of more than 16 fragments; observed " + fragments
                        + " NOACK fragments on LSID " + e.getKey(), frames.get(0).packet());
            }
        }
    }
}
