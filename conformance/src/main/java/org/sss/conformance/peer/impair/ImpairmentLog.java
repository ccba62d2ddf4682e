package org.sss.conformance.peer.impair;

import java.util.ArrayList;
import java.util.List;
import org.sss.conformance.peer.LoggedDatagram;

/**
 * Every impairment decision of a tester peer, with the datagram as it really crossed the socket:
 * for the peer's datagrams, the logged datagram that left (null when the link lost it, in which
 * case {@code offered} holds what was offered); for the target's, the logged datagram as it
 * arrived, before the link dropped, corrupted, duplicated or delayed it on the way to the peer.
 */
public final class ImpairmentLog {
    private final LinkImpairment link;
    private final List<Entry> entries = new ArrayList<>();

    /**
     * One decision.
     *
     * @param direction SENT for the peer's datagrams, RECEIVED for the target's
     * @param decision what the link did
     * @param offered the bytes offered to the link
     * @param wire the datagram as logged on the socket: what left (first copy) or what arrived; null
     *     for a sent datagram that was lost or is still delayed
     */
    public record Entry(LoggedDatagram.Direction direction, ImpairmentDecision decision, byte[] offered,
            LoggedDatagram wire) {
        @Override
        public String toString() {
            return direction + " " + decision + " (" + offered.length + " bytes)";
        }
    }

    /** @param link the impairment the decisions follow */
    public ImpairmentLog(LinkImpairment link) {
        this.link = link;
    }

    /** The impairment and its seed. */
    public LinkImpairment link() {
        return link;
    }

    /** Records a decision. */
    public void add(Entry entry) {
        entries.add(entry);
    }

    /** Replaces the entry of a delayed sent datagram once its first copy left the socket. */
    public void sent(ImpairmentDecision decision, LoggedDatagram wire) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.direction() == LoggedDatagram.Direction.SENT && e.decision() == decision) {
                if (e.wire() == null) {
                    entries.set(i, new Entry(e.direction(), decision, e.offered(), wire));
                }
                return;
            }
        }
    }

    /** Every decision, in the order they were taken. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The decisions of one direction. */
    public List<Entry> entries(LoggedDatagram.Direction direction) {
        return entries.stream().filter(e -> e.direction() == direction).toList();
    }

    /** A report: the impairment with its seed, counts per direction, and every loss, duplicate, reordering and
     * corruption (plain delays are left out). */
    public String report() {
        StringBuilder b = new StringBuilder(link.toString()).append('\n');
        for (LoggedDatagram.Direction dir : LoggedDatagram.Direction.values()) {
            List<Entry> of = entries(dir);
            long lost = of.stream().filter(e -> e.decision().lost()).count();
            long dup = of.stream().filter(e -> e.decision().duplicated()).count();
            long reorder = of.stream().filter(e -> e.decision().reordered()).count();
            long corrupt = of.stream().filter(e -> e.decision().corruptedBit() >= 0).count();
            b.append(String.format("%s: %d datagrams, %d lost, %d duplicated, %d reordered, %d corrupted%n", dir,
                    of.size(), lost, dup, reorder, corrupt));
        }
        for (Entry e : entries) {
            ImpairmentDecision d = e.decision();
            if (d.lost() || d.duplicated() || d.reordered() || d.corruptedBit() >= 0) {
                b.append("  ").append(e).append('\n');
            }
        }
        return b.toString();
    }
}
