package org.sss.conformance.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging (Zeller's ddmin) over the inputs of a failing batch: keeps a subset or a complement
 * that still fails until no smaller one does, or until the trial budget is spent.
 */
final class Shrinker {
    private Shrinker() {
    }

    /** A failing subset of {@code failing} that is 1-minimal if the budget of {@code maxTrials} allows. */
    static <T> List<T> shrink(List<T> failing, Predicate<List<T>> fails, int maxTrials) {
        List<T> current = List.copyOf(failing);
        int n = 2;
        int trials = 0;
        while (current.size() >= 2 && trials < maxTrials) {
            List<List<T>> chunks = split(current, n);
            boolean reduced = false;
            for (List<T> chunk : chunks) {
                if (trials++ >= maxTrials) {
                    return current;
                }
                if (fails.test(chunk)) {
                    current = chunk;
                    n = 2;
                    reduced = true;
                    break;
                }
            }
            if (!reduced && n > 2) {
                for (int i = 0; i < chunks.size(); i++) {
                    if (trials++ >= maxTrials) {
                        return current;
                    }
                    List<T> complement = new ArrayList<>();
                    for (int j = 0; j < chunks.size(); j++) {
                        if (j != i) {
                            complement.addAll(chunks.get(j));
                        }
                    }
                    if (fails.test(complement)) {
                        current = complement;
                        n = Math.max(n - 1, 2);
                        reduced = true;
                        break;
                    }
                }
            }
            if (!reduced) {
                if (n >= current.size()) {
                    break;
                }
                n = Math.min(current.size(), 2 * n);
            }
        }
        return current;
    }

    private static <T> List<List<T>> split(List<T> list, int n) {
        List<List<T>> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = start + (list.size() - start) / (n - i);
            if (end > start) {
                chunks.add(List.copyOf(list.subList(start, end)));
            }
            start = end;
        }
        return chunks;
    }
}
