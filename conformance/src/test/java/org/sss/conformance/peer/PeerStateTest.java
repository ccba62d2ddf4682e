package org.sss.conformance.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sss.conformance.peer.wire.PeerFrame;

/** The peer's bookkeeping without a network: replay window, ACK truthfulness, stream reassembly, timers. */
class PeerStateTest {

    @Test
    @DisplayName("CHN-REPLAY-2: the replay window drops repeats and numbers a full window below the highest")
    void replayWindow() {
        ReceiveHistory h = new ReceiveHistory();
        assertThat(h.isReplay(5)).isFalse();
        h.record(1000, 0);
        h.record(999, 0);
        h.record(1003, 0);
        assertThat(h.isReplay(1001)).isFalse();
        h.record(1001, 0);
        assertThat(h.isReplay(1001)).isTrue();
        assertThat(h.isReplay(1003 - ReceiveHistory.WINDOW + 1)).isFalse();
        assertThat(h.isReplay(1003 - ReceiveHistory.WINDOW)).isTrue();
        assertThat(h.isReplay(1004)).isFalse();
    }

    @Test
    @DisplayName("CHN-ACK-5, CHN-ACK-6: the ACK lists every gap, highest first, and acknowledges exactly what arrived")
    void truthfulAck() {
        ReceiveHistory h = new ReceiveHistory();
        List<Long> got = new ArrayList<>(List.of(1L, 2L, 3L, 6L, 7L, 9L, 20L));
        for (long pn : got) {
            h.record(pn, 1_000_000);
        }
        PeerFrame.Ack ack = h.ack(3_500_000);
        assertThat(ack.leastUnacked()).isEqualTo(1);
        assertThat(ack.largestObserved()).isEqualTo(20);
        assertThat(ack.ackDelayUs()).isEqualTo(2500);
        assertThat(ack.nackRanges()).containsExactly(new PeerFrame.NackRange(10, 10), new PeerFrame.NackRange(8, 1),
                new PeerFrame.NackRange(4, 2));
        for (long pn = 0; pn <= 22; pn++) {
            assertThat(ack.acknowledges(pn)).as("packet %d", pn).isEqualTo(got.contains(pn));
        }
    }

    @Test
    @DisplayName("CHN-ACK-7: with more than 255 gaps the ranges nearest largest_observed are kept")
    void truncatedAck() {
        ReceiveHistory h = new ReceiveHistory();
        for (long pn = 1; pn <= 600; pn += 2) {
            h.record(pn, 0);
        }
        PeerFrame.Ack ack = h.ack(0);
        assertThat(ack.nackRanges()).hasSize(255);
        assertThat(ack.largestObserved()).isEqualTo(599);
        assertThat(ack.leastUnacked()).isEqualTo(ack.nackRanges().get(254).firstMissing());
        for (long pn = ack.leastUnacked(); pn <= 599; pn++) {
            assertThat(ack.acknowledges(pn)).isEqualTo(pn % 2 == 1);
        }
    }

    @Test
    @DisplayName("STR-DATA-1, STR-DATA-2, STR-REC-1: out-of-order data is reassembled, records and FIN kept")
    void streamInbox() {
        StreamInbox in = new StreamInbox(1);
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        byte[] defg = "defg".getBytes(StandardCharsets.US_ASCII);
        in.onStream(PeerFrame.Stream.data(1, 3, defg).with(PeerFrame.Stream.RECORD | PeerFrame.Stream.FIN));
        assertThat(in.contiguousLength()).isZero();
        assertThat(in.isFinished()).isFalse();
        in.onStream(PeerFrame.Stream.data(1, 0, abc).with(PeerFrame.Stream.RECORD));
        in.onStream(PeerFrame.Stream.data(1, 1, "bc".getBytes(StandardCharsets.US_ASCII))); // duplicate
        assertThat(new String(in.bytes(), StandardCharsets.US_ASCII)).isEqualTo("abcdefg");
        assertThat(in.isFinished()).isTrue();
        assertThat(in.finalSize()).isEqualTo(7);
        assertThat(in.records()).containsExactly(abc, defg);
        assertThat(in.recordBoundaries()).containsExactly(3L, 7L);
        in.onStream(PeerFrame.Stream.data(1, 7, new byte[0]).with(PeerFrame.Stream.FIN));
        assertThat(in.sawConflictingFin()).isFalse();
        in.onStream(PeerFrame.Stream.data(1, 8, new byte[0]).with(PeerFrame.Stream.FIN));
        assertThat(in.sawConflictingFin()).isTrue();
    }

    @Test
    @DisplayName("NEG-TIMER-1: HELLOs at 0, 0.5, 1.25, 2.375, 4.0625, 6.59375, 10.390625, 16.0859375 s, then capped at 8 s")
    void retransmitSchedule() {
        RetransmitSchedule s = new RetransmitSchedule(0);
        List<Long> times = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < 10; i++) {
            assertThat(s.due(now)).isTrue();
            times.add(now);
            s.sent(now);
            assertThat(s.due(s.next() - 1)).isFalse();
            now = s.next();
        }
        assertThat(times.subList(0, 8)).containsExactly(0L, 500_000_000L, 1_250_000_000L, 2_375_000_000L,
                4_062_500_000L, 6_593_750_000L, 10_390_625_000L, 16_085_937_500L);
        assertThat(times.get(8) - times.get(7)).isEqualTo(RetransmitSchedule.CAP_NANOS);
        assertThat(times.get(9) - times.get(8)).isEqualTo(RetransmitSchedule.CAP_NANOS);
    }
}
