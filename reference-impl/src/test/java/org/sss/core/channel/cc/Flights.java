package org.sss.core.channel.cc;

import static org.sss.core.channel.cc.CongestionController.MAX_DATAGRAM_SIZE;

/** Drives a controller the way a channel does: whole flights of full datagrams, sent and acknowledged. */
final class Flights {
    private Flights() {
    }

    /** Sends {@code packets} full datagrams at {@code sentAt}. */
    static void send(CongestionController cc, int packets, long sentAt) {
        for (int i = 0; i < packets; i++) {
            cc.onPacketSent(sentAt, MAX_DATAGRAM_SIZE);
        }
    }

    /** Acknowledges {@code packets} full datagrams sent at {@code sentAt}, at {@code now}. */
    static void ack(CongestionController cc, int packets, long sentAt, long now, RttView rtt) {
        for (int i = 0; i < packets; i++) {
            cc.onPacketAcked(sentAt, MAX_DATAGRAM_SIZE, now, rtt);
        }
    }

    /** One round trip: a full window sent at {@code now}, all of it acknowledged one RTT later; returns that time. */
    static long round(CongestionController cc, long now, RttView rtt) {
        int packets = (int) (cc.window() / MAX_DATAGRAM_SIZE);
        send(cc, packets, now);
        long ackedAt = now + rtt.smoothedRttNanos();
        ack(cc, packets, now, ackedAt, rtt);
        return ackedAt;
    }

    /** A congestion event for a packet sent at {@code sentAt}: it leaves the flight, then the event. */
    static void lose(CongestionController cc, long sentAt, long now) {
        cc.onPacketLost(sentAt, MAX_DATAGRAM_SIZE);
        cc.onCongestionEvent(sentAt, now);
    }
}
