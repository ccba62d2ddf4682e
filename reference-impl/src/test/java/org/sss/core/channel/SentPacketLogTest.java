package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sss.core.wire.AckFrame;

/** The send-side ACK state on its own: the bound, forgetting, and agreement with a sorted-map model. */
class SentPacketLogTest {
    private static final long DELAY = 25_000_000;

    private static SentPacket packet(long number) {
        return new SentPacket(number, number * 10, 1232, number % 3 != 0, number % 5 == 0, number % 7 == 0,
                number % 2 == 0, number / 2);
    }

    private static AckFrame ackOf(long... numbers) {
        AckTracker tracker = new AckTracker(256);
        for (long number : numbers) {
            tracker.record(number, true, 0, DELAY);
        }
        return tracker.build(0, 255);
    }

    private static AckedPackets apply(SentPacketLog log, AckFrame ack) {
        return log.apply(ack, AckedSegments.of(ack));
    }

    @Test
    void theOldestPacketIsForgottenBeyondTheBoundAndItsAckAcknowledgesNothing() {
        SentPacketLog log = new SentPacketLog(3);
        for (long pn = 1; pn <= 5; pn++) {
            log.onSent(packet(pn));
        }
        assertThat(log.unacknowledgedCount()).isEqualTo(3);
        AckedPackets evicted = apply(log, ackOf(1, 2));
        assertThat(evicted.count()).isZero();
        assertThat(evicted.largest()).isNull();
        AckedPackets kept = apply(log, ackOf(1, 2, 3, 4));
        assertThat(kept.count()).isEqualTo(2);
        assertThat(kept.largest()).isEqualTo(packet(4));
        assertThat(log.unacknowledgedCount()).isEqualTo(1);
    }

    @Test
    void aPacketAcknowledgedTwiceCountsOnce() {
        SentPacketLog log = new SentPacketLog(8);
        log.onSent(packet(1));
        log.onSent(packet(2));
        assertThat(apply(log, ackOf(2)).count()).isEqualTo(1);
        AckedPackets again = apply(log, ackOf(2));
        assertThat(again.count()).isZero();
        assertThat(again.largest()).isNull();
        assertThat(log.unacknowledgedCount()).isEqualTo(1);
    }

    @Test
    void manyMorePacketsThanTheBoundWithAnUnacknowledgedOldestStayBounded() {
        SentPacketLog log = new SentPacketLog(16);
        log.onSent(packet(0));
        for (long pn = 1; pn < 10_000; pn++) {
            log.onSent(packet(pn));
            assertThat(apply(log, ackOf(pn)).count()).isEqualTo(1);
        }
        // packet 0 was never acknowledged and never pushed out: only one was ever waiting besides it
        assertThat(log.unacknowledgedCount()).isEqualTo(1);
        assertThat(apply(log, ackOf(0)).largest()).isEqualTo(packet(0));
    }

    @Test
    void agreesWithASortedMapOfTheSamePackets() {
        long seed = new SplittableRandom().nextLong();
        System.out.println("SentPacketLogTest seed = " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 200; round++) {
            int max = 1 + random.nextInt(40);
            SentPacketLog log = new SentPacketLog(max);
            TreeMap<Long, SentPacket> model = new TreeMap<>(Long::compareUnsigned);
            long next = random.nextBoolean() ? -100 : random.nextLong(0, 1000);
            for (int step = 0; step < 400; step++) {
                if (random.nextInt(4) != 0) {
                    // mostly increasing numbers, sometimes an older or a repeated one
                    long pn = random.nextInt(10) == 0 ? next - random.nextInt(1, 30) : next++;
                    SentPacket sent = packet(pn);
                    log.onSent(sent);
                    model.put(pn, sent);
                    if (model.size() > max) {
                        model.pollFirstEntry();
                    }
                } else {
                    long[] numbers = new long[1 + random.nextInt(20)];
                    for (int i = 0; i < numbers.length; i++) {
                        numbers[i] = next - random.nextInt(1, 60);
                    }
                    AckFrame ack = ackOf(numbers);
                    AckedSegments segments = AckedSegments.of(ack);
                    assertThat(apply(log, ack)).as("seed %d round %d step %d", seed, round, step)
                            .isEqualTo(modelApply(model, ack, segments));
                }
                assertThat(log.unacknowledgedCount()).isEqualTo(model.size());
            }
        }
    }

    /** The former TreeMap implementation of {@link SentPacketLog#apply}. */
    private static AckedPackets modelApply(TreeMap<Long, SentPacket> model, AckFrame ack, AckedSegments acked) {
        int count = 0;
        SentPacket largest = null;
        boolean version = false;
        boolean settings = false;
        boolean ackCarried = false;
        long highestAck = 0;
        for (int i = 0; i < acked.count(); i++) {
            Iterator<Map.Entry<Long, SentPacket>> it =
                    model.subMap(acked.low(i), true, acked.high(i), true).entrySet().iterator();
            while (it.hasNext()) {
                SentPacket packet = it.next().getValue();
                it.remove();
                count++;
                if (packet.packetNumber() == ack.largestObserved()) {
                    largest = packet;
                }
                version |= packet.carriedVersion();
                settings |= packet.carriedSettings();
                if (packet.carriedAck() && (!ackCarried
                        || Long.compareUnsigned(packet.ackLargestObserved(), highestAck) > 0)) {
                    highestAck = packet.ackLargestObserved();
                    ackCarried = true;
                }
            }
        }
        return new AckedPackets(count, largest, version, settings, ackCarried, highestAck);
    }
    private static void sent(SentPacketLog log, long number, long at) {
        log.onSent(number, at, 100, true, false, false, false, 0, true, true);
    }

    @Test
    void forgottenPacketsGoToTheEvictionBatchSoThatTheyCanBeReportedLost() {
        SentPacketLog log = new SentPacketLog(3);
        PacketBatch evicted = new PacketBatch();
        log.reportEvictionsTo(evicted);
        for (long pn = 1; pn <= 5; pn++) {
            sent(log, pn, pn);
        }
        assertThat(evicted.count()).isEqualTo(2);
        assertThat(evicted.number(0)).isEqualTo(1);
        assertThat(evicted.number(1)).isEqualTo(2);
        assertThat(evicted.reportable(0)).isTrue();
        assertThat(evicted.inFlight(0)).isTrue();
        assertThat(log.ackElicitingInFlight()).isEqualTo(3);
    }

    @Test
    void detectLostAppliesThePacketAndTimeThresholdsAndNeverASkippedNumber() {
        SentPacketLog log = new SentPacketLog(64);
        sent(log, 1, 1_000);
        log.onSkipped(2);
        sent(log, 3, 2_000);
        sent(log, 4, 3_000);
        sent(log, 5, 4_000);
        PacketBatch lost = new PacketBatch();
        // CHN-LOSS-1: 5 ≥ 1 + 3; 3 and 4 are too close and not old enough (sent after 1_500)
        long lossTime = log.detectLost(5, 1_500, 500, Long.MAX_VALUE, 0, lost);
        assertThat(lost.count()).isEqualTo(1);
        assertThat(lost.number(0)).isEqualTo(1);
        // CHN-LOSS-2: packet 3 becomes lost 500 after it was sent
        assertThat(lossTime).isEqualTo(2_500);
        lost.clear();
        lossTime = log.detectLost(5, 2_500, 500, Long.MAX_VALUE, 0, lost);
        assertThat(lost.count()).isEqualTo(1);
        assertThat(lost.number(0)).isEqualTo(3);
        assertThat(lossTime).isEqualTo(3_500);
        assertThat(log.ackElicitingInFlight()).isEqualTo(2);
    }

    @Test
    void lossesSpanningThePersistentPeriodWithNothingAcknowledgedBetweenArePersistentCongestion() {
        SentPacketLog log = new SentPacketLog(64);
        for (long pn = 1; pn <= 5; pn++) {
            sent(log, pn, pn * 1_000);
        }
        sent(log, 9, 9_000);
        PacketBatch lost = new PacketBatch();
        log.detectLost(9, 10_000, 500, 3_000, 0, lost);
        assertThat(lost.count()).isEqualTo(5);
        // RFC 9002 7.6.2: packets 1 to 5, all lost, sent 4_000 apart > 3_000
        assertThat(lost.persistentCongestion).isTrue();

        SentPacketLog broken = new SentPacketLog(64);
        for (long pn = 1; pn <= 5; pn++) {
            sent(broken, pn, pn * 1_000);
        }
        sent(broken, 9, 9_000);
        // packet 3 acknowledged: the losses on either side span 1_000 and 2_000, under the period
        broken.apply(ackOf(3), AckedSegments.of(ackOf(3)));
        lost.clear();
        broken.detectLost(9, 10_000, 500, 3_000, 0, lost);
        assertThat(lost.count()).isEqualTo(4);
        assertThat(lost.persistentCongestion).isFalse();
        // nor before the first RTT sample
        SentPacketLog early = new SentPacketLog(64);
        for (long pn = 1; pn <= 5; pn++) {
            sent(early, pn, pn * 1_000);
        }
        sent(early, 9, 9_000);
        lost.clear();
        early.detectLost(9, 10_000, 500, 3_000, 2_500, lost);
        assertThat(lost.persistentCongestion).isFalse();
    }
}
