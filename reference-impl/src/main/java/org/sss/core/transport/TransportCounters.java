package org.sss.core.transport;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counters of what a {@link UdpTransport} did, readable from any thread. */
public final class TransportCounters {

    /** What is counted. */
    public enum Kind {
        /** Datagrams read from the socket. */
        DATAGRAMS_RECEIVED,
        /** Datagrams written to the socket. */
        DATAGRAMS_SENT,
        /** Datagrams refused before sending because they exceed the payload limit. */
        DATAGRAMS_TOO_LARGE,
        /** Datagrams whose handler threw; the pipeline survived. */
        HANDLER_FAILED,
        /** Writes the socket failed. */
        SEND_FAILED
    }

    private final AtomicLongArray values = new AtomicLongArray(Kind.values().length);

    void increment(Kind kind) {
        values.incrementAndGet(kind.ordinal());
    }

    /**
     * Returns the current value of one counter.
     *
     * @param kind what to read
     * @return the count so far
     */
    public long get(Kind kind) {
        return values.get(kind.ordinal());
    }

    /** Returns a snapshot of every counter. */
    public Map<Kind, Long> snapshot() {
        Map<Kind, Long> copy = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            copy.put(kind, get(kind));
        }
        return copy;
    }
}
