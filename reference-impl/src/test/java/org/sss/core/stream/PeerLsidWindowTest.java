package org.sss.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sss.core.stream.PeerLsidWindow.State;
import org.sss.core.testing.TestSeed;

class PeerLsidWindowTest {

    @Test
    void everythingIsUnseenAtFirst() {
        PeerLsidWindow window = new PeerLsidWindow(1);
        assertThat(window.highest()).isZero();
        assertThat(window.state(1)).isEqualTo(State.UNSEEN);
        assertThat(window.state(200_001)).isEqualTo(State.UNSEEN);
    }

    @Test
    void remembersSeenLsidsOutOfOrder() {
        PeerLsidWindow window = new PeerLsidWindow(1);
        window.markSeen(7);
        window.markSeen(3);
        assertThat(window.highest()).isEqualTo(7);
        assertThat(window.state(3)).isEqualTo(State.SEEN);
        assertThat(window.state(5)).isEqualTo(State.UNSEEN);
        assertThat(window.state(7)).isEqualTo(State.SEEN);
        assertThat(window.state(9)).isEqualTo(State.UNSEEN);
        window.markSeen(5);
        assertThat(window.state(5)).isEqualTo(State.SEEN);
        assertThat(window.highest()).isEqualTo(7);
    }

    // SPEC STR-ID-7: remember every peer LSID from H - 65 536 to H; below that, retired.
    @Test
    void theWindowReachesExactly65536BelowTheHighest() {
        PeerLsidWindow window = new PeerLsidWindow(0);
        long highest = 1_000_000;
        window.markSeen(highest);
        window.markSeen(highest - 65_536);
        assertThat(window.state(highest - 65_536)).isEqualTo(State.SEEN);
        assertThat(window.state(highest - 65_534)).isEqualTo(State.UNSEEN);
        assertThat(window.state(highest - 65_538)).isEqualTo(State.RETIRED_BY_AGE);
        window.markSeen(highest + 2);
        assertThat(window.state(highest - 65_536)).isEqualTo(State.RETIRED_BY_AGE);
        assertThat(window.state(highest - 65_534)).isEqualTo(State.UNSEEN);
        assertThat(window.state(highest)).isEqualTo(State.SEEN);
    }

    @Test
    void unseenLsidsSlidingBelowTheWindowCountAsRetired() {
        PeerLsidWindow window = new PeerLsidWindow(1);
        window.markSeen(1);
        window.markSeen(1 + 65_536 + 4);
        assertThat(window.state(3)).isEqualTo(State.RETIRED_BY_AGE);
        assertThat(window.state(5)).isEqualTo(State.UNSEEN);
        // marking an LSID below the window changes nothing
        window.markSeen(1);
        assertThat(window.state(1)).isEqualTo(State.RETIRED_BY_AGE);
        assertThat(window.highest()).isEqualTo(65_541);
    }

    @Test
    void aLongJumpForgetsEverySeenBit() {
        PeerLsidWindow window = new PeerLsidWindow(1);
        for (long lsid = 1; lsid < 2_000; lsid += 2) {
            window.markSeen(lsid);
        }
        long far = 10_000_001;
        window.markSeen(far);
        for (long lsid = far - 65_536; lsid < far; lsid += 2) {
            assertThat(window.state(lsid)).as("lsid %d", lsid).isEqualTo(State.UNSEEN);
        }
        assertThat(window.state(far)).isEqualTo(State.SEEN);
    }

    @Test
    void worksUpToTheLargestLsid() {
        PeerLsidWindow window = new PeerLsidWindow(1);
        long top = 0xFFFF_FFFFL;
        window.markSeen(top - 2);
        window.markSeen(top);
        assertThat(window.state(top)).isEqualTo(State.SEEN);
        assertThat(window.state(top - 2)).isEqualTo(State.SEEN);
        assertThat(window.state(top - 4)).isEqualTo(State.UNSEEN);
    }

    @Test
    void refusesLsidsOfTheOtherParity() {
        PeerLsidWindow odd = new PeerLsidWindow(1);
        assertThatThrownBy(() -> odd.state(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> odd.markSeen(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeerLsidWindow(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreesWithAReferenceSetUnderRandomArrivals() {
        long seed = TestSeed.forTest("PeerLsidWindowTest.agreesWithAReferenceSetUnderRandomArrivals");
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 20; round++) {
            PeerLsidWindow window = new PeerLsidWindow(1);
            Set<Long> seen = new HashSet<>();
            long highest = -1;
            long cursor = 1;
            for (int step = 0; step < 3_000; step++) {
                int kind = random.nextInt(10);
                long lsid;
                if (kind < 6) {
                    cursor += 2L * random.nextInt(1, 40);
                    lsid = cursor;
                } else if (kind < 9) {
                    lsid = Math.max(1, cursor - 2L * random.nextInt(0, 40_000));
                } else {
                    cursor += 2L * random.nextInt(1, 40_000);
                    lsid = cursor;
                }
                window.markSeen(lsid);
                seen.add(lsid);
                highest = Math.max(highest, lsid);
                for (int probe = 0; probe < 5; probe++) {
                    long asked = Math.max(1, highest - 2L * random.nextInt(0, 40_000) + 2L * random.nextInt(0, 3));
                    State expected = asked > highest ? State.UNSEEN
                            : highest - asked > 65_536 ? State.RETIRED_BY_AGE
                            : seen.contains(asked) ? State.SEEN : State.UNSEEN;
                    assertThat(window.state(asked)).as("lsid %d, highest %d", asked, highest).isEqualTo(expected);
                }
            }
            assertThat(window.highest()).isEqualTo(highest);
        }
    }
}
