package org.sss.core.channel;

/**
 * What one ACK frame newly acknowledged, as {@link SentPacketLog#apply} reports it.
 *
 * @param count how many remembered packets it newly acknowledged
 * @param largest the packet numbered largest_observed when this ACK newly acknowledged it, else null
 * @param versionAcknowledged whether a packet that carried the version field is among them
 * @param settingsAcknowledged whether a packet that carried this end's SETTINGS is among them
 * @param ackAcknowledged whether a packet that carried an ACK frame is among them
 * @param highestAckLargestObserved the highest largest_observed of those ACK frames; meaningful only
 *     with {@code ackAcknowledged}
 */
record AckedPackets(int count, SentPacket largest, boolean versionAcknowledged, boolean settingsAcknowledged,
        boolean ackAcknowledged, long highestAckLargestObserved) {
}
