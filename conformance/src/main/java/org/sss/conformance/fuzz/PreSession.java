package org.sss.conformance.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.sss.conformance.peer.CookieContents;
import org.sss.conformance.peer.InitiatorNegotiation;
import org.sss.conformance.peer.crypto.X25519KeyPair;
import org.sss.conformance.report.CapturedDatagram;
import org.sss.conformance.target.Target;

/**
 * Sends a batch of pre-handshake inputs from one socket: first a HELLO whose COOKIE gives the batch a
 * real cookie of the target to build INITIATEs on, then every input's datagram. Replies are not read.
 */
final class PreSession {
    private static final int COOKIE_ATTEMPTS = 3;

    private PreSession() {
    }

    /**
     * @param local the address to send from (another loopback address than the liveness probe's, so
     *     that the target's per-address HELLO limit, NEG-DOS-1, does not starve the probe)
     */
    static Execution run(Target target, List<FuzzInput> inputs, Random random, Duration timeout, InetAddress local) {
        InetSocketAddress to = target.address();
        List<CapturedDatagram> datagrams = new ArrayList<>();
        List<SentInput> sent = new ArrayList<>();
        try (DatagramSocket socket = bind(local)) {
            InetSocketAddress from = (InetSocketAddress) socket.getLocalSocketAddress();
            InitiatorNegotiation negotiation = new InitiatorNegotiation(X25519KeyPair.generate(random),
                    X25519KeyPair.generate(random), target.publicKey());
            long counter = 1;
            CookieContents cookie = null;
            Duration wait = timeout.dividedBy(COOKIE_ATTEMPTS);
            for (int attempt = 0; attempt < COOKIE_ATTEMPTS && cookie == null; attempt++) {
                byte[] hello = negotiation.hello(counter++);
                send(socket, from, to, hello, datagrams);
                cookie = awaitCookie(socket, negotiation, wait).orElse(null);
            }
            for (FuzzInput input : inputs) {
                PreHandshakeInputs.Datagram d;
                try {
                    d = PreHandshakeInputs.generate(new Random(input.seed()),
                            new PreHandshakeInputs.Context(negotiation, cookie, counter++));
                } catch (RuntimeException e) {
                    // a random R' that X25519 rejects, say: send the seed's bytes instead
                    byte[] bytes = new byte[64];
                    new Random(input.seed()).nextBytes(bytes);
                    d = new PreHandshakeInputs.Datagram(bytes, "random bytes (" + e.getClass().getSimpleName() + ")");
                }
                send(socket, from, to, d.bytes(), datagrams);
                sent.add(new SentInput(input, d.label(), d.bytes(), null));
            }
            String note = cookie == null ? "no COOKIE arrived for the batch's HELLO" : null;
            return new Execution(Stage.PRE, sent, datagrams, "# no channel: pre-handshake stage\n", note, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("sending to " + to, e);
        }
    }

    /** A socket on {@code local}, or on the wildcard address where that one cannot be bound (not Linux). */
    private static DatagramSocket bind(InetAddress local) throws IOException {
        try {
            return new DatagramSocket(new InetSocketAddress(local, 0));
        } catch (BindException e) {
            return new DatagramSocket(0);
        }
    }

    private static void send(DatagramSocket socket, InetSocketAddress from, InetSocketAddress to, byte[] bytes,
            List<CapturedDatagram> log) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, to));
        log.add(new CapturedDatagram(Instant.now(), from, to, bytes));
    }

    private static Optional<CookieContents> awaitCookie(DatagramSocket socket, InitiatorNegotiation negotiation,
            Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        byte[] buffer = new byte[2048];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return Optional.empty();
            }
            socket.setSoTimeout((int) Math.max(1, left));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            Optional<CookieContents> cookie = negotiation.openCookie(
                    Arrays.copyOf(packet.getData(), packet.getLength()));
            if (cookie.isPresent()) {
                return cookie;
            }
        }
    }
}
