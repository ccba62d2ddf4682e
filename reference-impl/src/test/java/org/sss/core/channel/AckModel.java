package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeSet;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.NackRange;

/**
 * An independent model of which packet numbers a receiver got, to judge the ACK frames it sends
 * (SPEC.md sections 6.5 and 7.3).
 */
final class AckModel {
    final TreeSet<Long> received = new TreeSet<>();

    void add(long packetNumber) {
        received.add(packetNumber);
    }

    /**
     * SPEC CHN-ACK-5: every number from least_unacked to largest_observed outside the NACK ranges was
     * received, and (as this implementation reports every gap it keeps) every number inside one was not;
     * SPEC CHN-ACK-6: largest_observed is the highest number received.
     */
    void check(AckFrame ack) {
        assertThat(ack.largestObserved()).as("largest_observed").isEqualTo(received.last());
        assertThat(ack.nackRanges().size()).isLessThanOrEqualTo(AckFrame.MAX_RANGES);
        assertThat(ack.sentEntropy()).isZero();
        assertThat(ack.receivedEntropy()).isZero();
        for (long pn = ack.leastUnacked(); pn <= ack.largestObserved(); pn++) {
            boolean missing = inRange(ack, pn);
            assertThat(missing).as("packet %d reported %s in %s", pn, missing ? "missing" : "received", ack)
                    .isEqualTo(!received.contains(pn));
        }
    }

    private static boolean inRange(AckFrame ack, long pn) {
        for (NackRange range : ack.nackRanges()) {
            long first = range.firstMissing(ack.largestObserved());
            if (pn >= first && pn < first + range.runLength()) {
                return true;
            }
        }
        return false;
    }
}
