package org.sss.tools.bench.compare;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Where a contender's server binds and its clients connect: a loopback address and port 0 (the
 * system picks a port), in this process's network namespace, which is an impaired one when the
 * runner measures loss ({@link ImpairedLink}).
 *
 * @param address the address servers bind and clients connect to
 */
public record Loopback(InetAddress address) {
    /** 127.0.0.1. */
    public static Loopback ipv4() {
        return new Loopback(InetAddress.getLoopbackAddress());
    }

    /** The address with port 0, for a server to bind. */
    public InetSocketAddress anyPort() {
        return new InetSocketAddress(address, 0);
    }
}
