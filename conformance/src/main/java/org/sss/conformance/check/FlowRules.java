package org.sss.conformance.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * The IUT's side of flow control (SPEC.md 6.7): it never sends stream data beyond a limit the tester
 * granted, per stream (CHN-FLOW-1) or over the channel (CHN-FLOW-2). A limit counts from the moment the
 * tester sent the SETTINGS, MAX_STREAM_DATA or MAX_DATA that granted it: data that arrived before the
 * grant left the tester cannot have been sent under it.
 */
final class FlowRules {
    private static final long DEFAULT_MAX_DATA = 1_048_576;
    private static final long DEFAULT_MAX_STREAM_DATA = 262_144;

    private FlowRules() {
    }

    static List<PacketRule> rules() {
        return List.of(
                new PacketRule("CHN-FLOW-1", "no stream data beyond the stream limit the tester granted",
                        FlowRules::streamLimit),
                new PacketRule("CHN-FLOW-2", "no stream data beyond the channel limit the tester granted",
                        FlowRules::channelLimit));
    }

    /** The limits the tester had granted when an IUT packet arrived, updated as the log is read. */
    private static final class Grants {
        private final List<Exchange.Packet> tester;
        private int next;
        long channel;
        final long initialStream;
        final Map<Long, Long> streams = new HashMap<>();

        Grants(Exchange ex) {
            this.tester = ex.testerPackets();
            this.channel = ex.testerSetting(PeerFrame.Setting.INITIAL_MAX_DATA, DEFAULT_MAX_DATA);
            this.initialStream = ex.testerSetting(PeerFrame.Setting.INITIAL_MAX_STREAM_DATA, DEFAULT_MAX_STREAM_DATA);
        }

        void upTo(int index) {
            while (next < tester.size() && tester.get(next).index() < index) {
                for (PeerFrame frame : tester.get(next++).frames()) {
                    if (frame instanceof PeerFrame.MaxData m) {
                        channel = Math.max(channel, m.maxData());
                    } else if (frame instanceof PeerFrame.MaxStreamData m) {
                        streams.merge(m.lsid(), m.maxStreamData(), Math::max);
                    }
                }
            }
        }

        long stream(long lsid) {
            return Math.max(initialStream, streams.getOrDefault(lsid, 0L));
        }
    }

    private static void streamLimit(Exchange ex, Findings f) {
        Grants grants = new Grants(ex);
        Set<Long> attached = new HashSet<>();
        for (Exchange.Packet p : ex.iutPackets()) {
            grants.upTo(p.index());
            for (PeerFrame.Stream s : p.framesOf(PeerFrame.Stream.class)) {
                if (s.has(PeerFrame.Stream.USID)) {
                    attached.add(s.lsid()); // an attached stream's limit comes from another channel (CHN-FLOW-10)
                }
                if (s.length() == 0 || attached.contains(s.lsid())) {
                    continue;
                }
                f.judged();
                long end = s.offset() + s.length();
                long limit = grants.stream(s.lsid());
                if (end > limit) {
                    f.violation("expected stream data of LSID " + s.lsid() + " only up to the limit the tester had granted ("
                            + limit + "); observed data up to offset " + end, p);
                }
            }
        }
    }

    private static void channelLimit(Exchange ex, Findings f) {
        Grants grants = new Grants(ex);
        Map<Long, Long> highest = new HashMap<>();
        Map<Long, Long> base = new HashMap<>();
        long total = 0;
        for (Exchange.Packet p : ex.iutPackets()) {
            grants.upTo(p.index());
            boolean carried = false;
            for (PeerFrame.Stream s : p.framesOf(PeerFrame.Stream.class)) {
                if (s.has(PeerFrame.Stream.NOACK) || s.length() == 0) {
                    continue; // CHN-FLOW-11: best-effort data does not count channel-wide
                }
                if (s.has(PeerFrame.Stream.USID)) {
                    base.putIfAbsent(s.lsid(), s.offset()); // CHN-FLOW-9
                }
                long end = s.offset() + s.length() - base.getOrDefault(s.lsid(), 0L);
                long before = highest.getOrDefault(s.lsid(), 0L);
                if (end > before) {
                    total += end - before;
                    highest.put(s.lsid(), end);
                }
                carried = true;
            }
            if (carried) {
                f.judged();
                if (total > grants.channel) {
                    f.violation("expected the channel-wide data to stay within the limit the tester had granted ("
                            + grants.channel + "); observed " + total + " bytes", p);
                }
            }
        }
    }
}
