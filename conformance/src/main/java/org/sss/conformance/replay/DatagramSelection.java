package org.sss.conformance.replay;

import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import org.sss.conformance.report.CapturedDatagram;

/**
 * Which datagrams of a capture a replay sends, with a description for people.
 *
 * @param description what it selects, e.g. "sent by 127.0.0.1:40000, kind MESSAGE"
 * @param test        the test
 */
public record DatagramSelection(String description, Predicate<CapturedDatagram> test)
        implements Predicate<CapturedDatagram> {
    /** Every datagram. */
    public static DatagramSelection all() {
        return new DatagramSelection("every datagram", d -> true);
    }

    /** The datagrams sent by {@code source}. */
    public static DatagramSelection from(InetSocketAddress source) {
        return new DatagramSelection("sent by " + source, d -> d.source().equals(source));
    }

    /** The datagrams not sent by {@code source} (e.g. everything but the responder's answers). */
    public static DatagramSelection notFrom(InetSocketAddress source) {
        return new DatagramSelection("not sent by " + source, d -> !d.source().equals(source));
    }

    /** The datagrams of one of {@code kinds}. */
    public static DatagramSelection ofKind(PacketKind first, PacketKind... more) {
        Set<PacketKind> kinds = EnumSet.of(first, more);
        return new DatagramSelection("kind " + kinds, d -> kinds.contains(PacketKind.of(d.payload())));
    }

    /** Both this selection and {@code other}. */
    public DatagramSelection and(DatagramSelection other) {
        return new DatagramSelection(description + ", " + other.description, test.and(other.test));
    }

    @Override
    public boolean test(CapturedDatagram datagram) {
        return test.test(datagram);
    }

    @Override
    public String toString() {
        return description;
    }
}
