package org.sss.tools.bench.compare;

import java.time.Duration;

/**
 * The raw ceilings measured beside the contenders in every repetition: what no transport on this
 * machine can beat. The runner knows them only through this interface.
 */
public interface Ceilings {
    /**
     * Bouncy Castle XSalsa20-Poly1305 seal then open of full-size packets on one thread for
     * {@code duration}.
     *
     * @param seed fixes the key and plaintext
     * @return MB (10^6 bytes of plaintext) per second on one core
     */
    double cryptoMegabytesPerSecondPerCore(Duration duration, long seed) throws Exception;

    /**
     * UDP over loopback with the contenders' Netty transport and no crypto for {@code duration}.
     *
     * @return what the receiver got, packets and payload
     */
    UdpRate udp(Loopback loopback, Duration duration, long seed) throws Exception;

    /**
     * A UDP ceiling reading.
     *
     * @param packetsPerSecond datagrams received per second
     * @param megabytesPerSecond payload MB (10^6 bytes) received per second
     */
    record UdpRate(double packetsPerSecond, double megabytesPerSecond) {
    }
}
