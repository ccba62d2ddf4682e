package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sss.core.testing.TestSeed;

class ReplayWindowTest {

    @Test
    void acceptsFirstPacketAndDropsItsDuplicate() {
        ReplayWindow window = new ReplayWindow();
        assertThat(window.accept(7)).isTrue();
        assertThat(window.isAcceptable(7)).isFalse();
        assertThat(window.accept(7)).isFalse();
        assertThat(window.highest()).isEqualTo(7);
    }

    @Test
    void acceptsReorderedPacketsInsideTheWindowOnce() {
        ReplayWindow window = new ReplayWindow();
        window.accept(1000);
        assertThat(window.accept(999)).isTrue();
        assertThat(window.accept(1000 - ReplayWindow.SIZE + 1)).isTrue();
        assertThat(window.accept(999)).isFalse();
        assertThat(window.highest()).isEqualTo(1000);
    }

    @Test
    void dropsPacketsBelowTheWindow() {
        ReplayWindow window = new ReplayWindow();
        window.accept(1000);
        assertThat(window.isAcceptable(1000 - ReplayWindow.SIZE)).isFalse();
        assertThat(window.isAcceptable(0)).isFalse();
    }

    @Test
    void keepsSeenBitsAcrossWordBoundariesWhenSliding() {
        ReplayWindow window = new ReplayWindow();
        window.accept(10);
        window.accept(10 + 70);
        assertThat(window.isAcceptable(10)).isFalse();
        assertThat(window.isAcceptable(11)).isTrue();
        window.accept(10 + ReplayWindow.SIZE - 1);
        assertThat(window.isAcceptable(10)).isFalse();
        assertThat(window.isAcceptable(80)).isFalse();
        window.accept(10 + ReplayWindow.SIZE);
        assertThat(window.isAcceptable(10)).isFalse();
        assertThat(window.isAcceptable(80)).isFalse();
        assertThat(window.isAcceptable(81)).isTrue();
    }

    @Test
    void treatsPacketNumbersAsUnsigned() {
        ReplayWindow window = new ReplayWindow();
        window.accept(0x7fff_ffff_ffff_ffffL);
        assertThat(window.accept(0x8000_0000_0000_0000L)).isTrue();
        assertThat(window.highest()).isEqualTo(0x8000_0000_0000_0000L);
        assertThat(window.isAcceptable(0x7fff_ffff_ffff_ffffL)).isFalse();
        assertThat(window.isAcceptable(0x7fff_ffff_ffff_fffeL)).isTrue();
    }

    @Test
    void refusesHighestBeforeAnyPacket() {
        assertThatThrownBy(() -> new ReplayWindow().highest())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no packet number");
    }

    @Test
    void agreesWithAReferenceSetUnderRandomReordering() {
        long seed = TestSeed.forTest("agreesWithAReferenceSetUnderRandomReordering");
        Random random = new Random(seed);
        ReplayWindow window = new ReplayWindow();
        Set<Long> accepted = new HashSet<>();
        long highest = -1;
        for (int i = 0; i < 20_000; i++) {
            long base = Math.max(0, highest);
            long candidate = Math.max(0, base + random.nextInt(40) - 30 + (random.nextInt(50) == 0 ? 400 : 0));
            boolean expected = !accepted.contains(candidate)
                    && (highest < 0 || candidate > highest || highest - candidate < ReplayWindow.SIZE);
            assertThat(window.accept(candidate)).as("packet %d after highest %d", candidate, highest).isEqualTo(expected);
            if (expected) {
                accepted.add(candidate);
                highest = Math.max(highest, candidate);
            }
        }
    }
}
