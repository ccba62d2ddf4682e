package org.sss.conformance.peer.impair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The impairment engine draws what its description says, and the same seed replays the same decisions. */
class ImpairmentEngineTest {
    private static final int N = 200_000;
    private static final long SEED = 0x5eed_2024L;

    private static List<ImpairmentDecision> decide(Impairment impairment, long seed, int n) {
        ImpairmentEngine<Void> engine = new ImpairmentEngine<>(impairment, seed);
        List<ImpairmentDecision> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(engine.decide(1200));
        }
        return out;
    }

    @Test
    void rates_are_within_bounds_for_a_fixed_seed() {
        Impairment impairment = Impairment.parse("loss=5%,burst=3,dup=1%,reorder=2%,corrupt=1%,delay=20ms");
        List<ImpairmentDecision> decisions = decide(impairment, SEED, N);
        long lost = decisions.stream().filter(ImpairmentDecision::lost).count();
        List<ImpairmentDecision> delivered = decisions.stream().filter(d -> !d.lost()).toList();
        double dup = delivered.stream().filter(ImpairmentDecision::duplicated).count() / (double) delivered.size();
        double reorder = delivered.stream().filter(ImpairmentDecision::reordered).count() / (double) delivered.size();
        double corrupt = delivered.stream().filter(d -> d.corruptedBit() >= 0).count() / (double) delivered.size();
        assertThat(lost / (double) N).isBetween(0.045, 0.055);
        assertThat(dup).isBetween(0.008, 0.012);
        assertThat(reorder).isBetween(0.017, 0.023);
        assertThat(corrupt).isBetween(0.008, 0.012);
        assertThat(delivered).allSatisfy(d -> assertThat(d.delayNanos())
                .isEqualTo(d.reordered() ? 30_000_000L : 20_000_000L));
        assertThat(delivered).allSatisfy(d -> assertThat(d.corruptedBit()).isLessThan(8L * 1200));
    }

    @Test
    void losses_come_in_runs_of_the_mean_burst_length() {
        List<ImpairmentDecision> decisions = decide(Impairment.parse("loss=5%,burst=3"), SEED, N);
        int runs = 0;
        int lost = 0;
        boolean previous = false;
        for (ImpairmentDecision d : decisions) {
            if (d.lost()) {
                lost++;
                if (!previous) {
                    runs++;
                }
            }
            previous = d.lost();
        }
        assertThat(lost / (double) runs).isBetween(2.7, 3.3);
    }

    @Test
    void without_bursts_losses_are_independent() {
        List<ImpairmentDecision> decisions = decide(Impairment.parse("loss=10%"), SEED, N);
        long lostAfterLost = 0;
        long lostTotal = 0;
        for (int i = 1; i < decisions.size(); i++) {
            if (decisions.get(i - 1).lost()) {
                lostTotal++;
                if (decisions.get(i).lost()) {
                    lostAfterLost++;
                }
            }
        }
        assertThat(lostAfterLost / (double) lostTotal).isBetween(0.08, 0.12);
    }

    @Test
    void the_same_seed_replays_the_same_decisions_and_another_seed_does_not() {
        Impairment impairment = Impairment.parse("loss=5%,burst=2,dup=3%,reorder=3%,corrupt=3%");
        assertThat(decide(impairment, SEED, 10_000)).isEqualTo(decide(impairment, SEED, 10_000));
        assertThat(decide(impairment, SEED + 1, 10_000)).isNotEqualTo(decide(impairment, SEED, 10_000));
    }

    @Test
    void offer_delivers_copies_when_due_with_the_decided_bit_flipped() {
        Impairment impairment = new Impairment(0, 1, 1, 0, 1, Duration.ofMillis(5), Impairment.DEFAULT_HOLD);
        ImpairmentEngine<String> engine = new ImpairmentEngine<>(impairment, SEED);
        byte[] datagram = new byte[64];
        ImpairmentDecision d = engine.offer(datagram, "ctx", 1_000);
        assertThat(d.duplicated()).isTrue();
        assertThat(engine.poll(1_000 + 4_999_999)).isNull();
        ImpairmentEngine.Delivery<String> first = engine.poll(1_000 + 5_000_000);
        ImpairmentEngine.Delivery<String> second = engine.poll(1_000 + 5_000_000);
        assertThat(engine.hasQueued()).isFalse();
        assertThat(first.copy()).isZero();
        assertThat(second.copy()).isOne();
        assertThat(first.context()).isEqualTo("ctx");
        int flipped = 0;
        for (int i = 0; i < datagram.length * 8; i++) {
            if ((first.bytes()[i / 8] >>> (7 - i % 8) & 1) != 0) {
                flipped++;
                assertThat((long) i).isEqualTo(d.corruptedBit());
            }
        }
        assertThat(flipped).isOne();
        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(datagram).containsOnly(0);
    }

    @Test
    void a_reordered_datagram_is_overtaken_by_the_next_one() {
        ImpairmentEngine<Integer> engine = new ImpairmentEngine<>(Impairment.parse("reorder=100%,hold=10ms"), SEED);
        engine.offer(new byte[] {1}, 1, 0);
        ImpairmentEngine<Integer> clean = new ImpairmentEngine<>(Impairment.NONE, SEED);
        clean.offer(new byte[] {2}, 2, 1_000_000);
        assertThat(engine.poll(9_999_999)).isNull();
        assertThat(clean.poll(1_000_000).context()).isEqualTo(2);
        assertThat(engine.poll(10_000_000).context()).isEqualTo(1);
    }

    @Test
    void the_compact_form_parses_and_prints_back() {
        String text = "loss=5%,burst=3,dup=1%,reorder=2%,corrupt=1%,delay=20ms";
        assertThat(Impairment.parse(text).toString()).isEqualTo(text);
        assertThat(Impairment.parse("none")).isEqualTo(Impairment.NONE);
        assertThat(Impairment.parse(" loss = 0.5 , delay=1.5ms").toString()).isEqualTo("loss=0.5%,delay=1.5ms");
        assertThatThrownBy(() -> Impairment.parse("loss=100%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Impairment.parse("jitter=5ms")).hasMessageContaining("jitter");
        assertThatThrownBy(() -> Impairment.parse("loss")).hasMessageContaining("key=value");
    }
}
