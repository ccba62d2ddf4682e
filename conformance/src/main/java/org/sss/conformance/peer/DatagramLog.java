package org.sss.conformance.peer;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every datagram the tester peer sent or received, in order, with timestamps. Thread-safe. */
public final class DatagramLog {
    private final List<LoggedDatagram> entries = new ArrayList<>();

    /** Records one datagram now. */
    public synchronized LoggedDatagram record(LoggedDatagram.Direction direction, InetSocketAddress remote,
            byte[] bytes) {
        LoggedDatagram entry = new LoggedDatagram(direction, System.nanoTime(), Instant.now(), remote, bytes);
        entries.add(entry);
        return entry;
    }

    /** A snapshot of everything so far. */
    public synchronized List<LoggedDatagram> entries() {
        return List.copyOf(entries);
    }

    /** A snapshot of one direction. */
    public synchronized List<LoggedDatagram> entries(LoggedDatagram.Direction direction) {
        return entries.stream().filter(e -> e.direction() == direction).toList();
    }
}
