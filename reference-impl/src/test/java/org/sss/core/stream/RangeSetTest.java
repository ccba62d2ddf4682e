package org.sss.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sss.core.testing.TestSeed;

class RangeSetTest {

    @Test
    void startsEmpty() {
        RangeSet set = new RangeSet();
        assertThat(set.isEmpty()).isTrue();
        assertThat(set.rangeCount()).isZero();
        assertThat(set.totalLength()).isZero();
        assertThat(set.coveredFrom(0)).isZero();
        assertThat(set.nextStartAtOrAfter(0)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(set::firstStart).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void ignoresEmptyRangesAndRejectsReversedOrNegativeOnes() {
        RangeSet set = new RangeSet();
        set.add(5, 5);
        assertThat(set.isEmpty()).isTrue();
        assertThatThrownBy(() -> set.add(6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> set.add(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> set.remove(6, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mergesAdjacentAndOverlappingRanges() {
        RangeSet set = new RangeSet();
        set.add(10, 20);
        set.add(30, 40);
        set.add(20, 25);
        assertThat(set.rangeCount()).isEqualTo(2);
        assertThat(set.firstStart()).isEqualTo(10);
        assertThat(set.firstEnd()).isEqualTo(25);
        set.add(24, 31);
        assertThat(set.rangeCount()).isEqualTo(1);
        assertThat(set.firstStart()).isEqualTo(10);
        assertThat(set.firstEnd()).isEqualTo(40);
        assertThat(set.totalLength()).isEqualTo(30);
        set.add(0, 100);
        assertThat(set.toString()).isEqualTo("[[0, 100)]");
    }

    @Test
    void keepsSeparateRangesSortedWhateverTheInsertOrder() {
        RangeSet set = new RangeSet();
        set.add(50, 60);
        set.add(10, 20);
        set.add(30, 40);
        set.add(70, 80);
        set.add(0, 5);
        assertThat(set.toString()).isEqualTo("[[0, 5), [10, 20), [30, 40), [50, 60), [70, 80)]");
        assertThat(set.totalLength()).isEqualTo(45);
        assertThat(set.lastEnd()).isEqualTo(80);
    }

    @Test
    void removeSplitsTrimsAndDropsRanges() {
        RangeSet set = new RangeSet();
        set.add(0, 100);
        set.remove(40, 60);
        assertThat(set.toString()).isEqualTo("[[0, 40), [60, 100)]");
        set.remove(30, 70);
        assertThat(set.toString()).isEqualTo("[[0, 30), [70, 100)]");
        set.remove(0, 30);
        assertThat(set.toString()).isEqualTo("[[70, 100)]");
        set.remove(100, 200);
        assertThat(set.toString()).isEqualTo("[[70, 100)]");
        set.remove(0, 1000);
        assertThat(set.isEmpty()).isTrue();
        assertThat(set.totalLength()).isZero();
    }

    @Test
    void containsNeedsOneRangeCoveringAll() {
        RangeSet set = new RangeSet();
        set.add(0, 10);
        set.add(11, 20);
        assertThat(set.contains(0, 10)).isTrue();
        assertThat(set.contains(2, 5)).isTrue();
        assertThat(set.contains(5, 12)).isFalse();
        assertThat(set.contains(10, 11)).isFalse();
        assertThat(set.contains(7, 7)).isTrue();
        assertThat(set.contains(9)).isTrue();
        assertThat(set.contains(10)).isFalse();
        assertThat(set.contains(20)).isFalse();
    }

    @Test
    void coveredFromAndNextStartWalkTheGaps() {
        RangeSet set = new RangeSet();
        set.add(5, 10);
        set.add(20, 30);
        assertThat(set.coveredFrom(0)).isEqualTo(0);
        assertThat(set.coveredFrom(5)).isEqualTo(10);
        assertThat(set.coveredFrom(9)).isEqualTo(10);
        assertThat(set.coveredFrom(10)).isEqualTo(10);
        assertThat(set.nextStartAtOrAfter(0)).isEqualTo(5);
        assertThat(set.nextStartAtOrAfter(6)).isEqualTo(20);
        assertThat(set.nextStartAtOrAfter(20)).isEqualTo(20);
        assertThat(set.nextStartAtOrAfter(21)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void nextValueAfterTreatsTheSetAsPoints() {
        RangeSet points = new RangeSet();
        for (long point : new long[] {3, 4, 9}) {
            points.add(point, point + 1);
        }
        assertThat(points.nextValueAfter(0)).isEqualTo(3);
        assertThat(points.nextValueAfter(3)).isEqualTo(4);
        assertThat(points.nextValueAfter(4)).isEqualTo(9);
        assertThat(points.nextValueAfter(9)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void clearEmptiesTheSet() {
        RangeSet set = new RangeSet();
        for (int i = 0; i < 200; i += 2) {
            set.add(i, i + 1);
        }
        set.clear();
        assertThat(set.isEmpty()).isTrue();
        assertThat(set.totalLength()).isZero();
        set.add(1, 2);
        assertThat(set.toString()).isEqualTo("[[1, 2)]");
    }

    @Test
    void agreesWithABitSetUnderRandomOperations() {
        long seed = TestSeed.forTest("RangeSetTest.agreesWithABitSetUnderRandomOperations");
        SplittableRandom random = new SplittableRandom(seed);
        int universe = 300;
        for (int round = 0; round < 200; round++) {
            RangeSet set = new RangeSet();
            BitSet model = new BitSet(universe);
            for (int step = 0; step < 60; step++) {
                int start = random.nextInt(universe);
                int end = Math.min(universe, start + random.nextInt(random.nextBoolean() ? 8 : 80));
                switch (random.nextInt(4)) {
                    case 0, 1 -> {
                        set.add(start, end);
                        model.set(start, end);
                    }
                    case 2 -> {
                        set.remove(start, end);
                        model.clear(start, end);
                    }
                    default -> {
                        set.clear();
                        model.clear();
                    }
                }
                assertAgrees(set, model, universe, random);
            }
        }
    }

    private static void assertAgrees(RangeSet set, BitSet model, int universe, SplittableRandom random) {
        String context = set + " vs " + model;
        assertThat(set.totalLength()).as(context).isEqualTo(model.cardinality());
        assertThat(set.isEmpty()).as(context).isEqualTo(model.isEmpty());
        int runs = 0;
        for (int i = model.nextSetBit(0); i >= 0; i = model.nextSetBit(model.nextClearBit(i))) {
            runs++;
        }
        assertThat(set.rangeCount()).as(context).isEqualTo(runs);
        if (!model.isEmpty()) {
            assertThat(set.firstStart()).as(context).isEqualTo(model.nextSetBit(0));
            assertThat(set.firstEnd()).as(context).isEqualTo(model.nextClearBit(model.nextSetBit(0)));
            assertThat(set.lastEnd()).as(context).isEqualTo(model.length());
        }
        for (int probe = 0; probe < 20; probe++) {
            int from = random.nextInt(universe + 1);
            long expectedCovered = model.get(from) ? model.nextClearBit(from) : from;
            assertThat(set.coveredFrom(from)).as(context + " coveredFrom " + from).isEqualTo(expectedCovered);
            assertThat(set.contains(from)).as(context).isEqualTo(model.get(from));
            int to = Math.min(universe, from + random.nextInt(20));
            boolean all = model.get(from, to).cardinality() == to - from;
            assertThat(set.contains(from, to)).as(context + " contains " + from + ".." + to).isEqualTo(all);
            int nextStart = -1;
            for (int i = from; i < universe; i++) {
                if (model.get(i) && (i == 0 || !model.get(i - 1))) {
                    nextStart = i;
                    break;
                }
            }
            assertThat(set.nextStartAtOrAfter(from)).as(context + " nextStart " + from)
                    .isEqualTo(nextStart < 0 ? Long.MAX_VALUE : nextStart);
        }
    }
}
