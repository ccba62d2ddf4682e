package org.sss.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class PrioritySchedulerTest {

    /** Items equal by value but distinct objects: the scheduler tells them apart by identity. */
    private record Item(String name) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Item;
        }

        @Override
        public int hashCode() {
            return 0;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static List<String> order(PriorityScheduler<Item> scheduler) {
        List<String> names = new ArrayList<>();
        scheduler.candidates().forEachRemaining(item -> names.add(item.name()));
        return names;
    }

    @Test
    void emptySchedulerHasNoCandidates() {
        PriorityScheduler<Item> scheduler = new PriorityScheduler<>();
        assertThat(scheduler.isEmpty()).isTrue();
        Iterator<Item> candidates = scheduler.candidates();
        assertThat(candidates.hasNext()).isFalse();
        Assertions.assertThatThrownBy(candidates::next).isInstanceOf(NoSuchElementException.class);
    }

    // SPEC STR-PRIO-3: strictly by priority, 0 the most urgent.
    @Test
    void offersMoreUrgentLevelsFirst() {
        PriorityScheduler<Item> scheduler = new PriorityScheduler<>();
        scheduler.add(new Item("low"), 0x8000_0000L);
        scheduler.add(new Item("top"), 0);
        scheduler.add(new Item("lowest"), 0xFFFF_FFFFL);
        scheduler.add(new Item("mid"), 7);
        assertThat(order(scheduler)).containsExactly("top", "mid", "low", "lowest");
        assertThat(scheduler.size()).isEqualTo(4);
    }

    // SPEC STR-PRIO-4: round-robin among equal priorities.
    @Test
    void servedItemsGoToTheBackOfTheirLevel() {
        PriorityScheduler<Item> scheduler = new PriorityScheduler<>();
        Item a = new Item("a");
        Item b = new Item("b");
        Item c = new Item("c");
        Item other = new Item("other");
        scheduler.add(a, 5);
        scheduler.add(b, 5);
        scheduler.add(c, 5);
        scheduler.add(other, 9);
        assertThat(order(scheduler)).containsExactly("a", "b", "c", "other");
        scheduler.served(a);
        assertThat(order(scheduler)).containsExactly("b", "c", "a", "other");
        scheduler.served(c);
        assertThat(order(scheduler)).containsExactly("b", "a", "c", "other");
        scheduler.served(other);
        assertThat(order(scheduler)).containsExactly("b", "a", "c", "other");
    }

    @Test
    void roundRobinServesEachEquallyOften() {
        PriorityScheduler<Item> scheduler = new PriorityScheduler<>();
        List<Item> items = List.of(new Item("a"), new Item("b"), new Item("c"));
        items.forEach(item -> scheduler.add(item, 1));
        StringBuilder served = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            Item next = scheduler.candidates().next();
            served.append(next.name());
            scheduler.served(next);
        }
        assertThat(served.toString()).isEqualTo("abcabcabc");
    }

    @Test
    void addIsIdempotentAndNewItemsJoinTheBack() {
        PriorityScheduler<Item> scheduler = new PriorityScheduler<>();
        Item a = new Item("a");
        Item b = new Item("b");
        scheduler.add(a, 1);
        scheduler.add(b, 1);
        scheduler.served(a);
        scheduler.add(a, 1);
        scheduler.add(a, 0);
        assertThat(order(scheduler)).containsExactly("b", "a");
        scheduler.add(new Item("c"), 1);
        assertThat(order(scheduler)).containsExactly("b", "a", "c");
        assertThat(scheduler.priorityOf(a)).isEqualTo(1);
    }

    @Test
    void tellsEqualItemsApartByIdentity() {
        PriorityScheduler<Item> scheduler = new PriorityScheduler<>();
        Item first = new Item("first");
        Item second = new Item("second");
        scheduler.add(first, 1);
        scheduler.add(second, 1);
        assertThat(scheduler.size()).isEqualTo(2);
        scheduler.remove(second);
        assertThat(scheduler.contains(first)).isTrue();
        assertThat(scheduler.contains(second)).isFalse();
        assertThat(order(scheduler)).containsExactly("first");
    }

    @Test
    void removeTakesAnItemOutAndDropsEmptyLevels() {
        PriorityScheduler<Item> scheduler = new PriorityScheduler<>();
        Item a = new Item("a");
        Item b = new Item("b");
        Item c = new Item("c");
        scheduler.add(a, 1);
        scheduler.add(b, 1);
        scheduler.add(c, 2);
        scheduler.remove(a);
        scheduler.remove(a);
        assertThat(order(scheduler)).containsExactly("b", "c");
        scheduler.remove(b);
        scheduler.remove(c);
        assertThat(scheduler.isEmpty()).isTrue();
        assertThat(order(scheduler)).isEmpty();
        scheduler.served(a);
        assertThat(scheduler.isEmpty()).isTrue();
    }

    // SPEC STR-PRIO-2: the priority most recently set applies.
    @Test
    void setPriorityMovesTheItemToTheBackOfItsNewLevel() {
        PriorityScheduler<Item> scheduler = new PriorityScheduler<>();
        Item a = new Item("a");
        Item b = new Item("b");
        Item c = new Item("c");
        scheduler.add(a, 1);
        scheduler.add(b, 2);
        scheduler.add(c, 2);
        scheduler.setPriority(a, 2);
        assertThat(order(scheduler)).containsExactly("b", "c", "a");
        scheduler.setPriority(c, 0);
        assertThat(order(scheduler)).containsExactly("c", "b", "a");
        assertThat(scheduler.priorityOf(c)).isZero();
        scheduler.setPriority(c, 0);
        assertThat(scheduler.size()).isEqualTo(3);
    }

    @Test
    void clearRemovesEverything() {
        PriorityScheduler<Item> scheduler = new PriorityScheduler<>();
        Item a = new Item("a");
        scheduler.add(a, 1);
        scheduler.add(new Item("b"), 3);
        scheduler.clear();
        assertThat(scheduler.isEmpty()).isTrue();
        assertThat(scheduler.contains(a)).isFalse();
        assertThat(order(scheduler)).isEmpty();
        scheduler.add(a, 1);
        assertThat(order(scheduler)).containsExactly("a");
    }

    @Test
    void candidatesSkipTheLevelsOfBlockedItems() {
        PriorityScheduler<Item> scheduler = new PriorityScheduler<>();
        Item blocked = new Item("blocked");
        Item ready = new Item("ready");
        Item readyToo = new Item("readyToo");
        scheduler.add(blocked, 0);
        scheduler.add(ready, 1);
        scheduler.add(readyToo, 1);
        // the caller walks past a blocked stream to the first that can send, then serves it
        StringBuilder served = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            Iterator<Item> candidates = scheduler.candidates();
            Item chosen = null;
            while (candidates.hasNext()) {
                Item candidate = candidates.next();
                if (candidate != blocked) {
                    chosen = candidate;
                    break;
                }
            }
            served.append(chosen.name()).append(' ');
            scheduler.served(chosen);
        }
        assertThat(served.toString()).isEqualTo("ready readyToo ready readyToo ");
    }
}
