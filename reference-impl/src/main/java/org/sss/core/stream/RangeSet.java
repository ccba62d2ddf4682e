package org.sss.core.stream;

import java.util.Arrays;

/**
 * Disjoint half-open ranges {@code [start, end)} of non-negative longs, kept sorted in two primitive
 * arrays and merged on insert (adjacent ranges merge too).
 *
 * <p>Lookups are binary searches; an insert or removal moves the ranges behind it, which is cheap
 * because the sets a stream keeps (acknowledged, lost and received bytes, record boundaries) hold
 * few ranges. Not thread-safe (one event loop).
 */
final class RangeSet {

    private static final int INITIAL_CAPACITY = 4;

    private long[] starts = new long[INITIAL_CAPACITY];
    private long[] ends = new long[INITIAL_CAPACITY];
    private int count;
    private long total;

    RangeSet() {
    }

    /**
     * Adds {@code [start, end)}, merging it with every range it overlaps or touches.
     *
     * @throws IllegalArgumentException when {@code start} is negative or above {@code end}
     */
    void add(long start, long end) {
        check(start, end);
        if (start == end) {
            return;
        }
        int first = firstEndAtLeast(start);
        int last = firstStartAbove(end) - 1;
        if (first > last) {
            insertAt(first, start, end);
            total += end - start;
            return;
        }
        long mergedStart = Math.min(start, starts[first]);
        long mergedEnd = Math.max(end, ends[last]);
        for (int i = first; i <= last; i++) {
            total -= ends[i] - starts[i];
        }
        total += mergedEnd - mergedStart;
        starts[first] = mergedStart;
        ends[first] = mergedEnd;
        removeRange(first + 1, last + 1);
    }

    /**
     * Removes {@code [start, end)}, splitting a range that covers it on both sides.
     *
     * @throws IllegalArgumentException when {@code start} is negative or above {@code end}
     */
    void remove(long start, long end) {
        check(start, end);
        if (start == end) {
            return;
        }
        int first = firstEndAbove(start);
        int last = firstStartAtLeast(end) - 1;
        if (first > last) {
            return;
        }
        long leftStart = starts[first];
        long rightEnd = ends[last];
        for (int i = first; i <= last; i++) {
            total -= ends[i] - starts[i];
        }
        removeRange(first, last + 1);
        int at = first;
        if (leftStart < start) {
            insertAt(at++, leftStart, start);
            total += start - leftStart;
        }
        if (rightEnd > end) {
            insertAt(at, end, rightEnd);
            total += rightEnd - end;
        }
    }

    /** Whether one range covers the whole of {@code [start, end)}; an empty range is always covered. */
    boolean contains(long start, long end) {
        if (start >= end) {
            return true;
        }
        int i = firstEndAbove(start);
        return i < count && starts[i] <= start && ends[i] >= end;
    }

    /** Whether {@code value} lies in a range. */
    boolean contains(long value) {
        int i = firstEndAbove(value);
        return i < count && starts[i] <= value;
    }

    boolean isEmpty() {
        return count == 0;
    }

    int rangeCount() {
        return count;
    }

    /** The start of the lowest range; the set must not be empty. */
    long firstStart() {
        requireNotEmpty();
        return starts[0];
    }

    /** The end of the lowest range; the set must not be empty. */
    long firstEnd() {
        requireNotEmpty();
        return ends[0];
    }

    /** The end of the highest range; the set must not be empty. */
    long lastEnd() {
        requireNotEmpty();
        return ends[count - 1];
    }

    /** The end of the range containing {@code from}, or {@code from} when no range covers it. */
    long coveredFrom(long from) {
        int i = firstEndAbove(from);
        return i < count && starts[i] <= from ? ends[i] : from;
    }

    /** The lowest range start at or above {@code from}, or {@link Long#MAX_VALUE} when there is none. */
    long nextStartAtOrAfter(long from) {
        int i = firstStartAtLeast(from);
        return i < count ? starts[i] : Long.MAX_VALUE;
    }

    /**
     * The lowest covered value above {@code value}, or {@link Long#MAX_VALUE} when there is none;
     * for a set used as a set of points (unit ranges).
     */
    long nextValueAfter(long value) {
        long candidate = value + 1;
        return contains(candidate) ? candidate : nextStartAtOrAfter(candidate);
    }

    /** The number of values covered. */
    long totalLength() {
        return total;
    }

    void clear() {
        count = 0;
        total = 0;
        if (starts.length > 64) {
            starts = new long[INITIAL_CAPACITY];
            ends = new long[INITIAL_CAPACITY];
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append('[').append(starts[i]).append(", ").append(ends[i]).append(')');
        }
        return text.append(']').toString();
    }

    private static void check(long start, long end) {
        if (start < 0 || start > end) {
            throw new IllegalArgumentException("bad range: start " + start + ", end " + end);
        }
    }

    private void requireNotEmpty() {
        if (count == 0) {
            throw new IllegalStateException("range set is empty");
        }
    }

    /** The lowest index whose end is at least {@code value}, or {@code count}. */
    private int firstEndAtLeast(long value) {
        int low = 0;
        int high = count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ends[mid] >= value) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** The lowest index whose end is above {@code value}, or {@code count}. */
    private int firstEndAbove(long value) {
        return value == Long.MAX_VALUE ? count : firstEndAtLeast(value + 1);
    }

    /** The lowest index whose start is at least {@code value}, or {@code count}. */
    private int firstStartAtLeast(long value) {
        int low = 0;
        int high = count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (starts[mid] >= value) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** The lowest index whose start is above {@code value}, or {@code count}. */
    private int firstStartAbove(long value) {
        return value == Long.MAX_VALUE ? count : firstStartAtLeast(value + 1);
    }

    private void insertAt(int index, long start, long end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        System.arraycopy(starts, index, starts, index + 1, count - index);
        System.arraycopy(ends, index, ends, index + 1, count - index);
        starts[index] = start;
        ends[index] = end;
        count++;
    }

    /** Removes the ranges at indices {@code [from, to)}. */
    private void removeRange(int from, int to) {
        if (from >= to) {
            return;
        }
        System.arraycopy(starts, to, starts, from, count - to);
        System.arraycopy(ends, to, ends, from, count - to);
        count -= to - from;
    }
}
