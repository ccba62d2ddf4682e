package org.sss.tools.cli;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/**
 * The {@code ADDR:PORT} notation of {@code sss serve}: {@code 127.0.0.1:9660}, {@code [::1]:0},
 * {@code localhost:9660}; port 0 lets the system choose.
 */
final class ServeAddress {
    private ServeAddress() {
    }

    /**
     * Parses and resolves {@code ADDR:PORT}.
     *
     * @throws IllegalArgumentException naming the problem
     */
    static InetSocketAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("--listen: expected ADDR:PORT (e.g. 127.0.0.1:9660 or [::1]:0), got '"
                    + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("--listen: write an IPv6 address in brackets, e.g. [::1]:9660; got '"
                    + text + "'");
        }
        int port = port(text.substring(colon + 1), 0, "--listen");
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("--listen: cannot resolve '" + host + "'");
        }
        return address;
    }

    /**
     * Parses a UDP port number from {@code min} to 65535.
     *
     * @throws IllegalArgumentException naming {@code what}
     */
    static int port(String text, int min, String what) {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": port must be a number, got '" + text + "'");
        }
        if (port < min || port > 65_535) {
            throw new IllegalArgumentException(what + ": port must be " + min + " to 65535, got " + port);
        }
        return port;
    }

    /** {@code ADDR:PORT} of a bound address, the IPv6 address in brackets: {@code 127.0.0.1:40123}, {@code [::1]:40123}. */
    static String format(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        if (address.getAddress() instanceof Inet6Address) {
            int zone = host.indexOf('%');
            host = "[" + (zone < 0 ? host : host.substring(0, zone)) + "]";
        }
        return host + ":" + address.getPort();
    }
}
