package org.sss.conformance.check;

import java.util.List;
import java.util.Map;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * CHN-PLAIN-3 (SPEC.md 6.2): padding goes before a final STREAM frame without a length field. Such a
 * frame runs to the end of the plaintext, so padding wrongly appended after it is read as data: zero
 * bytes that lengthen the frame. The rule judges every length-less STREAM frame of the IUT against what
 * the other frames of its stream fix: it must not run beyond the stream's final size (a FIN on a frame
 * with a length field), and where another frame carries the same offsets, a zero byte of the length-less
 * frame where that frame has another byte is appended padding. An IUT that always sends the length field
 * gives the rule nothing to judge.
 */
final class PaddingRules {
    private PaddingRules() {
    }

    static List<PacketRule> rules() {
        return List.of(new PacketRule("CHN-PLAIN-3", "padding is placed before a final STREAM frame without a length "
                + "field, never read as its data", PaddingRules::paddingBeforeLengthless));
    }

    private static void paddingBeforeLengthless(Exchange ex, Findings f) {
        for (Map.Entry<Long, List<IutStreamFrames.Sent>> e : IutStreamFrames.byLsid(ex).entrySet()) {
            List<IutStreamFrames.Sent> delimited = e.getValue().stream().filter(s -> s.has(PeerFrame.Stream.LENGTH))
                    .toList();
            Long finalSize = delimited.stream().filter(s -> s.has(PeerFrame.Stream.FIN)).map(IutStreamFrames.Sent::end)
                    .findFirst().orElse(null);
            for (IutStreamFrames.Sent s : e.getValue()) {
                if (s.has(PeerFrame.Stream.LENGTH)) {
                    continue;
                }
                f.judged();
                if (finalSize != null && s.end() > finalSize) {
                    f.violation("expected the length-less STREAM frame of LSID " + e.getKey() + " to end by the final "
                            + "size " + finalSize + ", with any padding before it; observed data up to " + s.end(),
                            s.packet());
                    continue;
                }
                long padded = paddedAt(s, delimited);
                if (padded >= 0) {
                    f.violation("expected padding before the length-less STREAM frame of LSID " + e.getKey()
                            + "; observed a zero byte at offset " + padded + " where another frame carries other data "
                            + "(padding appended after the frame)", s.packet());
                }
            }
        }
    }

    /** The first offset at which {@code s} has a zero byte and a delimited frame another byte, or -1. */
    private static long paddedAt(IutStreamFrames.Sent s, List<IutStreamFrames.Sent> delimited) {
        byte[] data = s.frame().data();
        for (IutStreamFrames.Sent o : delimited) {
            long from = Math.max(o.frame().offset(), s.frame().offset());
            long to = Math.min(o.end(), s.end());
            byte[] other = o.frame().data();
            for (long at = from; at < to; at++) {
                byte mine = data[(int) (at - s.frame().offset())];
                if (mine == 0 && other[(int) (at - o.frame().offset())] != 0) {
                    return at;
                }
            }
        }
        return -1;
    }
}
