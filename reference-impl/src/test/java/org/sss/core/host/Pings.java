package org.sss.core.host;

import static org.sss.core.host.LoopbackHosts.join;

import org.sss.core.channel.ChannelStatistics;

/** Proves that a channel carries MESSAGEs: a PING one way is received and acknowledged. */
final class Pings {
    private Pings() {
    }

    /** PINGs from {@code a} to {@code b} and from {@code b} to {@code a}, each received and acknowledged. */
    static void bothWays(SecureChannel a, SecureChannel b) {
        oneWay(a, b);
        oneWay(b, a);
    }

    /**
     * A PING from {@code from} reaches {@code to} (its accepted packets grow) and is acknowledged
     * (the sender takes a new RTT sample, which only an acknowledged ack-eliciting packet gives).
     */
    static void oneWay(SecureChannel from, SecureChannel to) {
        long received = join(to.statistics()).packetsReceived();
        long samples = join(from.statistics()).rtt().samples();
        join(from.ping());
        Await.until("the PING from " + from + " to arrive", () -> join(to.statistics()),
                (ChannelStatistics s) -> s.packetsReceived() > received);
        Await.until("the PING from " + from + " to be acknowledged", () -> join(from.statistics()),
                (ChannelStatistics s) -> s.rtt().samples() > samples);
    }
}
