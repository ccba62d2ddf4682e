package org.sss.core.stream;

import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * The sender's stream scheduler (SPEC.md section 8.8): strictly by priority, 0 the most urgent
 * (STR-PRIO-3), round-robin among equal priorities (STR-PRIO-4).
 *
 * <p>Items are told apart by identity. Each priority level is a circular doubly linked list whose
 * head is the next in turn; {@link #served} moves an item to the back, so adding, removing and
 * serving cost O(1) plus the level lookup. Not thread-safe (one event loop).
 *
 * @param <T> the scheduled items (streams)
 */
final class PriorityScheduler<T> {

    private static final class Node<T> {
        final T item;
        final Level<T> level;
        Node<T> previous;
        Node<T> next;

        Node(T item, Level<T> level) {
            this.item = item;
            this.level = level;
        }
    }

    private static final class Level<T> {
        final long priority;
        Node<T> head;
        int size;

        Level(long priority) {
            this.priority = priority;
        }

        /** Puts {@code node} last in turn. */
        void addLast(Node<T> node) {
            if (head == null) {
                node.previous = node;
                node.next = node;
                head = node;
            } else {
                Node<T> tail = head.previous;
                node.previous = tail;
                node.next = head;
                tail.next = node;
                head.previous = node;
            }
            size++;
        }

        void unlink(Node<T> node) {
            if (node.next == node) {
                head = null;
            } else {
                node.previous.next = node.next;
                node.next.previous = node.previous;
                if (head == node) {
                    head = node.next;
                }
            }
            node.previous = null;
            node.next = null;
            size--;
        }
    }

    private final Map<T, Node<T>> nodes = new IdentityHashMap<>();
    private final TreeMap<Long, Level<T>> levels = new TreeMap<>();

    PriorityScheduler() {
    }

    /** Adds {@code item} last in its level; nothing changes when it is already scheduled. */
    void add(T item, long priority) {
        if (nodes.containsKey(item)) {
            return;
        }
        Level<T> level = levels.computeIfAbsent(priority, Level::new);
        Node<T> node = new Node<>(item, level);
        level.addLast(node);
        nodes.put(item, node);
    }

    /** Removes {@code item}; nothing changes when it is not scheduled. */
    void remove(T item) {
        Node<T> node = nodes.remove(item);
        if (node != null) {
            unlink(node);
        }
    }

    /** Moves {@code item} to the back of the level {@code priority} (SPEC STR-PRIO-2); adds it when absent. */
    void setPriority(T item, long priority) {
        remove(item);
        add(item, priority);
    }

    /** The priority {@code item} is scheduled at, or -1 when it is not scheduled. */
    long priorityOf(T item) {
        Node<T> node = nodes.get(item);
        return node == null ? -1 : node.level.priority;
    }

    /** Removes every item. */
    void clear() {
        nodes.clear();
        levels.clear();
    }

    boolean contains(T item) {
        return nodes.containsKey(item);
    }

    boolean isEmpty() {
        return nodes.isEmpty();
    }

    int size() {
        return nodes.size();
    }

    /**
     * The items in service order: the most urgent level first, each level from its round-robin
     * position. The caller takes candidates until one can send, then calls {@link #served}; the
     * iterator must not be used after the scheduler changes.
     */
    Iterator<T> candidates() {
        return new Candidates();
    }

    /** Moves {@code item} to the back of its level (SPEC STR-PRIO-4: round-robin among equals). */
    void served(T item) {
        Node<T> node = nodes.get(item);
        if (node == null) {
            return;
        }
        Level<T> level = node.level;
        if (level.head == node) {
            level.head = node.next;
        } else {
            level.unlink(node);
            level.addLast(node);
        }
    }

    private void unlink(Node<T> node) {
        Level<T> level = node.level;
        level.unlink(node);
        if (level.size == 0) {
            levels.remove(level.priority);
        }
    }

    private final class Candidates implements Iterator<T> {
        private Level<T> level;
        private Node<T> node;
        private int left;

        Candidates() {
            Map.Entry<Long, Level<T>> first = levels.firstEntry();
            enter(first == null ? null : first.getValue());
        }

        private void enter(Level<T> next) {
            level = next;
            node = next == null ? null : next.head;
            left = next == null ? 0 : next.size;
        }

        @Override
        public boolean hasNext() {
            while (left == 0 && level != null) {
                Map.Entry<Long, Level<T>> higher = levels.higherEntry(level.priority);
                enter(higher == null ? null : higher.getValue());
            }
            return left > 0;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T item = node.item;
            node = node.next;
            left--;
            return item;
        }
    }
}
