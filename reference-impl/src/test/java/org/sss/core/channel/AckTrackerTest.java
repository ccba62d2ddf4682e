package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.NackRange;

/** The receive-side ACK state on its own: run splitting, bounds and forgetting (SPEC.md 6.5, 7.3). */
class AckTrackerTest {
    private static final long DELAY = 25_000_000;

    @Test
    void theSpecExampleOfACompleteAck() {
        AckTracker tracker = new AckTracker(256);
        for (long pn = 100; pn <= 120; pn++) {
            if (pn != 103 && pn != 104 && pn != 110) {
                tracker.record(pn, true, 0, DELAY);
            }
        }
        AckFrame ack = tracker.build(7_000, 255);
        // SPEC section 7.3 example: ranges (110, 1) and (103, 2), least 100, largest 120
        assertThat(ack.leastUnacked()).isEqualTo(100);
        assertThat(ack.largestObserved()).isEqualTo(120);
        assertThat(ack.nackRanges()).containsExactly(NackRange.of(110, 1), NackRange.of(103, 2));
        assertThat(ack.ackDelayUs()).isEqualTo(7);
    }

    @Test
    void aGapLongerThanOneRunIsSplitIntoAdjacentRanges() {
        AckTracker tracker = new AckTracker(256);
        tracker.record(1, true, 0, DELAY);
        tracker.record(100_000, true, 0, DELAY);
        AckFrame ack = tracker.build(0, 255);
        // run_length is a u16: 99 998 missing numbers need two ranges, highest first
        assertThat(ack.nackRanges()).containsExactly(NackRange.of(100_000 - 65_535, 65_535),
                NackRange.of(2, 100_000 - 65_535 - 2));
        assertThat(ack.leastUnacked()).isEqualTo(1);
    }

    @Test
    void rangesThatDoNotFitRaiseLeastUnackedToTheLowestRangeKept() {
        AckTracker tracker = new AckTracker(256);
        for (long pn = 0; pn < 40; pn += 2) {
            tracker.record(pn, false, 0, DELAY);
        }
        AckFrame ack = tracker.build(0, 3);
        // SPEC CHN-ACK-7: the ranges nearest largest_observed, least_unacked at the lowest kept
        assertThat(ack.largestObserved()).isEqualTo(38);
        assertThat(ack.nackRanges()).containsExactly(NackRange.of(37, 1), NackRange.of(35, 1), NackRange.of(33, 1));
        assertThat(ack.leastUnacked()).isEqualTo(33);
        AckFrame none = tracker.build(0, 0);
        assertThat(none.leastUnacked()).isEqualTo(38);
        assertThat(none.nackRanges()).isEmpty();
    }

    @Test
    void hugeGapsNeverProduceMoreThan255Ranges() {
        AckTracker tracker = new AckTracker(256);
        tracker.record(5, true, 0, DELAY);
        long far = 5 + (1L << 48) + 10;
        tracker.record(far, true, 0, DELAY);
        AckFrame ack = tracker.build(0, 255);
        assertThat(ack.nackRanges()).hasSize(255);
        // SPEC FRM-ACK-3: no range starts below largest_observed - 2^48
        assertThat(ack.leastUnacked()).isGreaterThanOrEqualTo(far - (1L << 48));
        assertThat(ack.leastUnacked()).isEqualTo(far - 255L * 65_535);
    }

    @Test
    void stateStaysBoundedWhateverThePeerSends() {
        AckTracker tracker = new AckTracker(16);
        for (long pn = 1; pn < 10_000; pn += 3) {
            tracker.record(pn, true, 0, DELAY);
        }
        assertThat(tracker.intervals()).isEqualTo(16);
        AckFrame ack = tracker.build(0, 255);
        assertThat(ack.nackRanges()).hasSize(15);
        assertThat(ack.largestObserved()).isEqualTo(9_997);
        // numbers below least_unacked are no longer recorded
        tracker.record(4, true, 0, DELAY);
        assertThat(tracker.build(0, 255)).isEqualTo(ack);
    }

    @Test
    void forgettingBelowAnAcknowledgedAckShrinksTheReport() {
        AckTracker tracker = new AckTracker(256);
        for (long pn : List.of(1L, 2L, 4L, 5L, 7L, 9L)) {
            tracker.record(pn, true, 0, DELAY);
        }
        tracker.forgetBelow(5);
        AckFrame ack = tracker.build(0, 255);
        assertThat(ack.leastUnacked()).isEqualTo(5);
        assertThat(ack.nackRanges()).containsExactly(NackRange.of(8, 1), NackRange.of(6, 1));
    }

    @Test
    void ackTimingFollowsTheRules() {
        AckTracker tracker = new AckTracker(256);
        tracker.record(1, false, 0, DELAY);
        // SPEC CHN-ACK-4: a packet that is not ack-eliciting arms nothing
        assertThat(tracker.isAckPending()).isFalse();
        assertThat(tracker.hasUnreported()).isTrue();
        tracker.record(2, true, 100, DELAY);
        assertThat(tracker.isAckDue(100 + DELAY - 1)).isFalse();
        assertThat(tracker.isAckDue(100 + DELAY)).isTrue();
        tracker.record(3, true, 200, DELAY);
        assertThat(tracker.isImmediate()).isTrue();
        tracker.onAckSent();
        assertThat(tracker.isAckPending()).isFalse();
        tracker.record(5, true, 300, DELAY);
        // SPEC CHN-ACK-3: more than one above the highest
        assertThat(tracker.isImmediate()).isTrue();
    }
}
