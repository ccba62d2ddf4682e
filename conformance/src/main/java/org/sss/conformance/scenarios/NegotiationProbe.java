package org.sss.conformance.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sss.conformance.peer.ChannelBoxes;
import org.sss.conformance.peer.CookieContents;
import org.sss.conformance.peer.InitiatorNegotiation;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.PeerOptions;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.crypto.X25519KeyPair;
import org.sss.conformance.peer.wire.DecodedPlaintext;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextDecoder;
import org.sss.conformance.peer.wire.PlaintextEncoder;

/**
 * One negotiation that a scenario drives by hand, packet by packet (SPEC.md section 5), so that it can
 * mutate, delay, replay or redirect any of them. Its HELLOs and INITIATEs are built with the suite's
 * own {@link InitiatorNegotiation} under a fresh short-term key and sent from the UDP socket of an
 * established tester peer (its "home"), which keeps serving its own channel meanwhile; the IUT's
 * answers to the probe arrive at that socket as datagrams the peer itself cannot use, and are found in
 * its datagram log by what they are: a COOKIE whose box opens under the probe's key, a MESSAGE
 * naming the {@code R'} of one of the probe's cookies.
 */
final class NegotiationProbe {
    /** How long to keep listening for a packet the IUT must not send, once the control packet was answered. */
    static final Duration GRACE = Duration.ofMillis(300);
    /**
     * A tester peer's {@code receive} returns only with a packet of its own channel; a probe waiting for
     * its own answers therefore receives in slices this long and looks at the log after each.
     */
    private static final Duration SLICE = Duration.ofMillis(10);

    private final ScenarioContext context;
    private final X25519KeyPair identity;
    private final InitiatorNegotiation negotiation;
    private final TesterPeer home;
    private long counter = 1;
    private final List<CookieContents> cookies = new ArrayList<>();
    private final List<Long> cookieArrivals = new ArrayList<>();
    private long lastHelloSent;

    /** A probe under a fresh identity and short-term key, at home on {@code home}'s socket. */
    NegotiationProbe(ScenarioContext context, TesterPeer home) {
        this(context, home, X25519KeyPair.generate(context.random()));
    }

    /** A probe under the given identity and a fresh short-term key. */
    NegotiationProbe(ScenarioContext context, TesterPeer home, X25519KeyPair identity) {
        this.context = context;
        this.home = home;
        this.identity = identity;
        this.negotiation = new InitiatorNegotiation(identity, X25519KeyPair.generate(context.random()),
                context.target().publicKey());
    }

    InitiatorNegotiation negotiation() {
        return negotiation;
    }

    X25519KeyPair identity() {
        return identity;
    }

    TesterPeer home() {
        return home;
    }

    /** The next value of {@code i'}'s counter (CRY-CTR-3: every packet a new one). */
    long nextCounter() {
        return counter++;
    }

    /** A well-formed HELLO with the next counter value. */
    byte[] hello() {
        return negotiation.hello(nextCounter());
    }

    /** Sends a datagram from the home socket. */
    void send(byte[] datagram) {
        send(home, datagram);
    }

    /** Sends a datagram from {@code socket}; a HELLO's send time is kept (the cookie's age counts from it). */
    void send(TesterPeer socket, byte[] datagram) {
        if (Magic.HELLO.starts(datagram)) {
            lastHelloSent = System.nanoTime();
        }
        socket.sendRaw(datagram);
    }

    /** When the last HELLO left ({@link System#nanoTime()}): no cookie it draws is older. */
    long lastHelloSent() {
        return lastHelloSent;
    }

    /** Sends a well-formed HELLO and waits for the COOKIE that answers it (NEG-COOKIE-1). */
    CookieContents obtainCookie() {
        int before = cookies().size();
        send(hello());
        return awaitCookies(before + 1).get(before);
    }

    /** Waits until the IUT has sent at least {@code count} COOKIEs that open under the probe's key. */
    List<CookieContents> awaitCookies(int count) {
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        while (cookies().size() < count) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new AssertionError("NEG-COOKIE-1: " + count + " COOKIE(s) expected in answer to the probe's "
                        + "HELLOs within " + ScenarioContext.TIMEOUT + ", got " + cookies().size());
            }
            receiveSlice(home, remaining);
        }
        return cookies();
    }

    /** The COOKIEs received so far at the home socket whose box opens under the probe's key, in arrival order. */
    List<CookieContents> cookies() {
        cookies.clear();
        cookieArrivals.clear();
        for (LoggedDatagram d : home.datagrams()) {
            if (d.direction() == LoggedDatagram.Direction.RECEIVED && Magic.COOKIE.starts(d.bytes())) {
                Optional<CookieContents> c = negotiation.openCookie(d.bytes());
                if (c.isPresent()) {
                    cookies.add(c.get());
                    cookieArrivals.add(d.monotonicNanos());
                }
            }
        }
        return List.copyOf(cookies);
    }

    /** When {@code cookie} arrived ({@link System#nanoTime()}): it was made no later. */
    long arrivalOf(CookieContents cookie) {
        cookies();
        for (int i = 0; i < cookies.size(); i++) {
            if (Arrays.equals(cookies.get(i).cookie(), cookie.cookie())) {
                return cookieArrivals.get(i);
            }
        }
        throw new IllegalArgumentException("not a cookie of this probe");
    }

    /**
     * The message plaintext of an INITIATE with packet number {@code pn}: a header with version 1, the
     * default SETTINGS first (NEG-INITIATE-3, NEG-INITIATE-4) and a PING, padded.
     */
    static byte[] wellFormedMessage(long pn) {
        return PlaintextEncoder.padded(PacketHeader.of(pn, true),
                List.of(PeerOptions.DEFAULT_SETTINGS, new PeerFrame.Ping()));
    }

    /** 16 random bytes for a vouch nonce. */
    byte[] vouchRandom() {
        return context.randomBytes(16);
    }

    /** A well-formed INITIATE carrying {@code cookie}, with counter {@code pn} and {@code message}. */
    byte[] initiate(long pn, CookieContents cookie, byte[] message) {
        return negotiation.initiate(pn, cookie, vouchRandom(), message);
    }

    /** A well-formed INITIATE with the next counter value and a well-formed message. */
    byte[] initiate(CookieContents cookie) {
        long pn = nextCounter();
        return initiate(pn, cookie, wellFormedMessage(pn));
    }

    /** The MESSAGEs from the IUT, received on {@code socket}, that open under the channel of {@code cookie}. */
    List<Opened> messages(TesterPeer socket, CookieContents cookie) {
        ChannelBoxes boxes = negotiation.channel(cookie);
        List<Opened> out = new ArrayList<>();
        for (LoggedDatagram d : socket.datagrams()) {
            if (d.direction() == LoggedDatagram.Direction.RECEIVED && boxes.selects(d.bytes())) {
                boxes.openMessage(d.bytes()).ifPresent(p -> out.add(new Opened(d, decode(p))));
            }
        }
        return out;
    }

    /** Waits until a MESSAGE of the channel of {@code cookie} has arrived at {@code socket}. */
    List<Opened> awaitMessage(TesterPeer socket, CookieContents cookie, String requirement) {
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        List<Opened> got;
        while ((got = messages(socket, cookie)).isEmpty()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new AssertionError(requirement + ": the IUT sent no MESSAGE under R' of the cookie within "
                        + ScenarioContext.TIMEOUT + " (expected the channel to be created)");
            }
            receiveSlice(socket, remaining);
        }
        return got;
    }

    /** Lets {@code socket} receive for at most one {@link #SLICE} and at most {@code remainingNanos}. */
    static void receiveSlice(TesterPeer socket, long remainingNanos) {
        socket.receive(Duration.ofNanos(Math.min(remainingNanos, SLICE.toNanos())));
    }

    /** Lets {@code socket} receive for {@code period}. */
    static void listen(TesterPeer socket, Duration period) {
        long deadline = System.nanoTime() + period.toNanos();
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            socket.receive(Duration.ofNanos(remaining));
        }
    }

    /** Sends an ACK and a CLOSE (NO_ERROR) on the channel of {@code cookie}, so that the IUT does not keep it. */
    void closeChannel(CookieContents cookie) {
        List<Opened> got = messages(home, cookie);
        if (got.isEmpty()) {
            return;
        }
        long largest = got.stream().mapToLong(Opened::packetNumber).max().orElseThrow();
        long pn = nextCounter();
        PeerFrame.Ack ack = PeerFrame.Ack.of(largest, largest, 0, List.of());
        byte[] plaintext = PlaintextEncoder.padded(PacketHeader.of(pn, true),
                List.of(PeerFrame.Close.of(0, "probe done", ack)));
        home.sendRaw(negotiation.channel(cookie).sealMessage(pn, plaintext));
    }

    private static DecodedPlaintext decode(byte[] plaintext) {
        try {
            return PlaintextDecoder.decode(plaintext);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A MESSAGE of a probe channel whose box opened.
     *
     * @param datagram as logged
     * @param decoded its plaintext, or null when it did not parse
     */
    record Opened(LoggedDatagram datagram, DecodedPlaintext decoded) {
        long packetNumber() {
            return ChannelBoxes.counterOf(datagram.bytes());
        }

        List<PeerFrame> frames() {
            return decoded == null ? List.of() : decoded.frames();
        }

        boolean acknowledges(long pn) {
            for (PeerFrame f : frames()) {
                if (f instanceof PeerFrame.Ack a && a.acknowledges(pn)
                        || f instanceof PeerFrame.Close c && c.finalAck() != null && c.finalAck().acknowledges(pn)) {
                    return true;
                }
            }
            return false;
        }
    }
}
