package org.sss.core.host;

/**
 * A snapshot of one stream and the channel it is attached to.
 *
 * @param lsid the LSID on the current channel, or -1 while unattached
 * @param priority the current priority
 * @param bytesWritten bytes the application wrote
 * @param bytesAcknowledged bytes the peer acknowledged
 * @param bytesRetransmitted bytes sent again after a loss
 * @param sendQueueBytes bytes written and not yet acknowledged
 * @param sendWindowBytes how far the peer's flow-control limit lets this end send beyond what it sent
 * @param bytesReceived bytes received in order
 * @param receiveQueueBytes bytes received and not yet read by the application
 * @param smoothedRttNanos the channel's smoothed RTT
 * @param congestionWindowBytes the channel's congestion window
 * @param bytesInFlight the channel's bytes in flight
 */
public record StreamStatistics(long lsid, long priority, long bytesWritten, long bytesAcknowledged,
        long bytesRetransmitted, long sendQueueBytes, long sendWindowBytes, long bytesReceived,
        long receiveQueueBytes, long smoothedRttNanos, long congestionWindowBytes, long bytesInFlight) {
}
