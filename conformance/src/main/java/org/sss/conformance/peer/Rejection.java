package org.sss.conformance.peer;

/**
 * A datagram from the network that the tester peer did not accept, with the verdict of SPEC.md
 * section 13 that its own receive rules reached. A conforming target never causes one on a clean
 * path, so scenarios can assert that the list stays empty.
 *
 * @param datagram what arrived
 * @param verdict e.g. BAD_PACKET_LENGTH, UNKNOWN_CHANNEL, PACKET_REPLAYED, BOX_OPEN_FAILED,
 *     PACKET_NUMBER_MISMATCH, UNKNOWN_MAGIC, or UNEXPECTED_SOURCE for a stranger's datagram
 */
public record Rejection(LoggedDatagram datagram, String verdict) {
}
