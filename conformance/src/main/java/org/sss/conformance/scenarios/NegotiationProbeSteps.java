package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sss.conformance.peer.CookieContents;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.PeerOptions;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.crypto.SmallOrderKeys;
import org.sss.conformance.peer.crypto.X25519KeyPair;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.Packets;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextEncoder;

/**
 * Steps of SPEC.md sections 3 to 5 that drive a negotiation by hand ({@link NegotiationProbe}): HELLOs
 * and INITIATEs with one fault each, sent from chosen sockets. A dropped INITIATE is judged with a
 * control: a genuine INITIATE with the same cookie follows it, and the IUT's first MESSAGE must
 * acknowledge the genuine one and not the faulty one, whose packet number differs (an IUT that had
 * accepted the faulty one would have created the channel then and acknowledged it, NEG-RPROC-5); the
 * control also proves that the faulty INITIATE did not spend the cookie (CRY-COOKIE-8).
 */
public class NegotiationProbeSteps {
    private static final int COOKIE_OFFSET = 8 + 32;
    private static final int INITIATE_BOX_OFFSET = 8 + 32 + 96 + 8;
    private static final int VOUCH_OFFSET_IN_P = 48;

    private NegotiationProbe probe;
    private CookieContents cookie;
    private final List<Long> faultyCounters = new ArrayList<>();
    private final List<TesterPeer> otherSockets = new ArrayList<>();
    private final List<NegotiationProbe> closeAfter = new ArrayList<>();
    private int helloMark = -1;
    private long lastInitiate = -1;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    /** Leaves no channel of a probe behind in the IUT (they would only time out). */
    @After(order = 15000)
    public void closeProbeChannels() {
        if (probe != null && cookie != null) {
            closeAfter.add(probe);
        }
        for (NegotiationProbe p : closeAfter) {
            for (CookieContents c : p.cookies()) {
                p.closeChannel(c);
            }
        }
    }

    // ---------------------------------------------------------------- HELLO

    @When("the peer sends a HELLO whose box plaintext is 64 random bytes instead of zeros")
    public void helloWithRandomPlaintext() {
        probe = new NegotiationProbe(context(), context().peer());
        probe.send(probe.negotiation().helloSealing(probe.nextCounter(), context().randomBytes(64), NoncePrefix.HELLO));
    }

    @When("the peer sends the same well-formed HELLO twice")
    public void sameHelloTwice() {
        probe = new NegotiationProbe(context(), context().peer());
        byte[] hello = probe.hello();
        probe.send(hello);
        probe.send(hello);
    }

    @Then("the IUT answers that HELLO with a COOKIE whose box opens under the HELLO's key")
    public void answersWithCookie() {
        cookie = probe.awaitCookies(1).get(0);
    }

    @Then("the IUT answers each copy with its own COOKIE: different R', box nonces and cookie nonces")
    public void answersEachCopy() {
        List<CookieContents> cookies = probe.awaitCookies(2);
        NegotiationProbe.listen(probe.home(), NegotiationProbe.GRACE);
        List<byte[]> packets = cookiePackets(probe.home(), 0);
        assertThat(probe.cookies()).as("NEG-COOKIE-2: one COOKIE per HELLO, two HELLOs").hasSize(2);
        assertThat(cookies.get(0).responderShortTermPublic()).as("CRY-KEY-2: a fresh (r', R') for every COOKIE")
                .isNotEqualTo(cookies.get(1).responderShortTermPublic());
        assertThat(Arrays.copyOfRange(packets.get(packets.size() - 2), 8, 24))
                .as("CRY-NONCE-4: a fresh random COOKIE box nonce")
                .isNotEqualTo(Arrays.copyOfRange(packets.get(packets.size() - 1), 8, 24));
        assertThat(Arrays.copyOf(cookies.get(0).cookie(), 16)).as("CRY-NONCE-4, CRY-COOKIE-5: a fresh cookie nonce n")
                .isNotEqualTo(Arrays.copyOf(cookies.get(1).cookie(), 16));
        cookie = cookies.get(0);
    }

    private static List<byte[]> cookiePackets(TesterPeer socket, int from) {
        List<LoggedDatagram> log = socket.datagrams();
        return log.subList(from, log.size()).stream()
                .filter(d -> d.direction() == LoggedDatagram.Direction.RECEIVED && Magic.COOKIE.starts(d.bytes()))
                .map(LoggedDatagram::bytes).toList();
    }

    @When("the peer sends a HELLO sealed under the INITIATE nonce prefix instead of the HELLO prefix")
    public void helloUnderWrongPrefix() {
        NegotiationProbe bad = new NegotiationProbe(context(), context().peer());
        helloMark = bad.home().datagrams().size();
        bad.send(bad.negotiation().helloSealing(bad.nextCounter(), new byte[64], NoncePrefix.INITIATE));
    }

    @When("the peer sends a HELLO from a small-order short-term key, sealed under the all-zero shared secret")
    public void helloFromSmallOrderKey() {
        TesterPeer peer = context().peer();
        helloMark = peer.datagrams().size();
        byte[] key = SmallOrderKeys.key(context().random().nextInt(SmallOrderKeys.count()));
        long counter = 1;
        byte[] box = Nacl.secretbox(new byte[64], NoncePrefix.HELLO.withCounter(counter),
                SmallOrderKeys.zeroSharedSecretBoxKey());
        peer.sendRaw(Packets.hello(key, counter, box));
    }

    @Then("the IUT drops that HELLO: it answers only a genuine HELLO sent after it")
    public void answersOnlyControlHello() {
        NegotiationProbe control = new NegotiationProbe(context(), context().peer());
        control.obtainCookie();
        NegotiationProbe.listen(control.home(), NegotiationProbe.GRACE);
        assertThat(cookiePackets(control.home(), helloMark)).as("CRY-NONCE-2, CRY-PRIM-4, NEG-ERR-1: COOKIEs in "
                + "answer to the faulty HELLO and to the genuine one sent after it (only the latter may be answered)")
                .hasSize(1);
    }

    // ---------------------------------------------------------------- INITIATE with one fault

    @Given("the peer has obtained a cookie by a hand-made HELLO")
    public void obtainCookie() {
        probe = new NegotiationProbe(context(), context().peer());
        cookie = probe.obtainCookie();
    }

    @When("^the peer sends an INITIATE with that cookie but (.+)$")
    public void sendFaultyInitiate(String fault) {
        long pn = probe.nextCounter();
        faultyCounters.add(pn);
        probe.send(faultyInitiate(fault, pn));
    }

    private byte[] faultyInitiate(String fault, long pn) {
        byte[] message = NegotiationProbe.wellFormedMessage(pn);
        byte[] vouchRandom = probe.vouchRandom();
        byte[] p = probe.negotiation().initiatePlaintext(vouchRandom, message);
        switch (fault) {
            case "a cookie with one bit flipped" -> {
                byte[] initiate = probe.negotiation().initiate(pn, cookie, vouchRandom, message);
                flipBit(initiate, COOKIE_OFFSET, 96);
                return initiate;
            }
            case "a box with one bit flipped" -> {
                byte[] initiate = probe.negotiation().initiate(pn, cookie, vouchRandom, message);
                flipBit(initiate, INITIATE_BOX_OFFSET, initiate.length - INITIATE_BOX_OFFSET);
                return initiate;
            }
            case "its box sealed under the MESSAGE nonce prefix" -> {
                return probe.negotiation().initiateSealing(pn, cookie, p, NoncePrefix.MESSAGE_FROM_INITIATOR);
            }
            case "a vouch with one bit flipped" -> flipBit(p, VOUCH_OFFSET_IN_P, 48);
            case "a vouch made with another long-term key" -> {
                X25519KeyPair other = X25519KeyPair.generate(context().random());
                System.arraycopy(Nacl.box(probe.negotiation().shortTermPublic(), NoncePrefix.VOUCH.withRandom(vouchRandom),
                        context().target().publicKey(), other.secretKey()), 0, p, VOUCH_OFFSET_IN_P, 48);
            }
            case "a vouch for another short-term key" -> {
                X25519KeyPair otherShortTerm = X25519KeyPair.generate(context().random());
                System.arraycopy(Nacl.box(otherShortTerm.publicKey(), NoncePrefix.VOUCH.withRandom(vouchRandom),
                        context().target().publicKey(), probe.identity().secretKey()), 0, p, VOUCH_OFFSET_IN_P, 48);
            }
            case "a small-order identity whose vouch is sealed under the all-zero shared secret" -> {
                System.arraycopy(SmallOrderKeys.key(context().random().nextInt(SmallOrderKeys.count())), 0, p, 0, 32);
                System.arraycopy(Nacl.secretbox(probe.negotiation().shortTermPublic(),
                        NoncePrefix.VOUCH.withRandom(vouchRandom), SmallOrderKeys.zeroSharedSecretBoxKey()), 0, p,
                        VOUCH_OFFSET_IN_P, 48);
            }
            case "a message whose header packet number differs from its counter" -> {
                long other = pn + 1 + context().random().nextInt(1000);
                p = probe.negotiation().initiatePlaintext(vouchRandom, NegotiationProbe.wellFormedMessage(other));
            }
            case "the short-term key of another negotiation" -> {
                NegotiationProbe stranger = new NegotiationProbe(context(), probe.home());
                return stranger.initiate(pn, cookie, message);
            }
            default -> {
                int size = messageSize(fault);
                p = probe.negotiation().initiatePlaintext(vouchRandom, Arrays.copyOf(
                        PlaintextEncoder.unpadded(PacketHeader.of(pn, true),
                                List.of(PeerOptions.DEFAULT_SETTINGS, new PeerFrame.Ping())), size));
            }
        }
        return probe.negotiation().initiateSealing(pn, cookie, p, NoncePrefix.INITIATE);
    }

    /** "a message of N bytes" → N; the rest of the message after SETTINGS and PING is EMPTY frames. */
    private static int messageSize(String fault) {
        if (!fault.matches("a message of \\d+ bytes")) {
            throw new IllegalArgumentException("unknown INITIATE fault: " + fault);
        }
        return Integer.parseInt(fault.replaceAll("\\D", ""));
    }

    private void flipBit(byte[] b, int offset, int length) {
        b[offset + context().random().nextInt(length)] ^= (byte) (1 << context().random().nextInt(8));
    }

    @When("the peer sends a genuine INITIATE with that cookie from another UDP port of its address")
    public void initiateFromOtherPort() {
        TesterPeer other = context().connectAnother();
        sendFaultyFrom(other);
    }

    @When("the peer sends a genuine INITIATE with that cookie from another IPv4 loopback address with the same port")
    public void initiateFromOtherAddress() {
        InetSocketAddress home = probe.home().localAddress();
        if (!(home.getAddress() instanceof Inet4Address) || !home.getAddress().isLoopbackAddress()) {
            throw context().inconclusive("the tester's socket is on " + home + ": a second address with the same "
                    + "port is only available on IPv4 loopback", null);
        }
        byte[] a = home.getAddress().getAddress();
        a[3] = (byte) (a[3] == 2 ? 3 : 2);
        TesterPeer other;
        try {
            InetSocketAddress bind = new InetSocketAddress(InetAddress.getByAddress(a), home.getPort());
            other = context().connectAnother(PeerOptions.of(context().target().address(),
                    context().target().publicKey(), context().random(), ScenarioContext.TIMEOUT).withLocalAddress(bind));
        } catch (UnknownHostException | RuntimeException e) {
            throw context().inconclusive("cannot negotiate from a second loopback address with port "
                    + home.getPort(), e);
        }
        sendFaultyFrom(other);
    }

    private void sendFaultyFrom(TesterPeer other) {
        otherSockets.add(other);
        long pn = probe.nextCounter();
        faultyCounters.add(pn);
        probe.send(other, probe.initiate(pn, cookie, NegotiationProbe.wellFormedMessage(pn)));
    }

    @Then("the IUT drops it: after a genuine INITIATE with the same cookie it acknowledges only the genuine one")
    public void dropsFaultyAcceptsGenuine() {
        long genuine = probe.nextCounter();
        probe.send(probe.initiate(genuine, cookie, NegotiationProbe.wellFormedMessage(genuine)));
        List<NegotiationProbe.Opened> messages = probe.awaitMessage(probe.home(), cookie,
                "CRY-COOKIE-8 (the faulty INITIATE must not spend the cookie)");
        assertThat(messages.get(0).frames()).as("NEG-RPROC-5: frames of the first MESSAGE").isNotEmpty();
        assertThat(messages.get(0).frames().get(0)).as("NEG-RPROC-5: SETTINGS first")
                .isInstanceOf(PeerFrame.Settings.class);
        assertThat(messages.get(0).acknowledges(genuine)).as("NEG-RPROC-5: the first MESSAGE acknowledges the "
                + "genuine INITIATE %d: %s", genuine, messages.get(0).frames()).isTrue();
        NegotiationProbe.listen(probe.home(), NegotiationProbe.GRACE);
        for (TesterPeer other : otherSockets) {
            NegotiationProbe.listen(other, java.time.Duration.ZERO);
            assertThat(unexplained(other)).as("CRY-COOKIE-6, NEG-ERR-1: datagrams the IUT sent to the other socket "
                    + "in answer to the INITIATE it must drop").isEmpty();
        }
        assertThat(unexplained(probe.home())).as("NEG-ERR-1: datagrams to the probe's socket that are neither "
                + "COOKIEs of the probe nor MESSAGEs of the genuine channel").isEmpty();
        for (NegotiationProbe.Opened m : probe.messages(probe.home(), cookie)) {
            for (long faulty : faultyCounters) {
                assertThat(m.acknowledges(faulty)).as("NEG-RPROC-3: the IUT acknowledged the faulty INITIATE %d, "
                        + "so it accepted it; MESSAGE frames %s", faulty, m.frames()).isFalse();
            }
        }
    }

    /** Datagrams at {@code socket} that are not MESSAGEs of its own channel, COOKIEs of the probe, or the probe's MESSAGEs. */
    private List<String> unexplained(TesterPeer socket) {
        List<LoggedDatagram> probeMessages = probe.messages(socket, cookie).stream()
                .map(NegotiationProbe.Opened::datagram).toList();
        List<String> out = new ArrayList<>();
        for (LoggedDatagram d : socket.datagrams()) {
            byte[] b = d.bytes();
            if (d.direction() != LoggedDatagram.Direction.RECEIVED || socket.boxes().selects(b)
                    || probeMessages.contains(d)) {
                continue;
            }
            if (Magic.COOKIE.starts(b) && (socket != probe.home() || probe.negotiation().openCookie(b).isPresent()
                    || d.monotonicNanos() < probe.lastHelloSent())) {
                continue;
            }
            out.add(d.toString());
        }
        return out;
    }

    // ---------------------------------------------------------------- INITIATE that creates a channel

    @When("the peer sends an INITIATE of {int} bytes with that cookie, its message padded to {int} bytes")
    public void sendInitiateOfSize(int datagramSize, int messageSize) {
        long pn = probe.nextCounter();
        byte[] message = Arrays.copyOf(PlaintextEncoder.unpadded(PacketHeader.of(pn, true),
                List.of(PeerOptions.DEFAULT_SETTINGS, new PeerFrame.Ping())), messageSize);
        byte[] initiate = probe.initiate(pn, cookie, message);
        assertThat(initiate).as("the tester's INITIATE").hasSize(datagramSize);
        faultyCounters.clear();
        lastInitiate = pn;
        probe.send(initiate);
    }

    @When("the peer sends a well-formed INITIATE with the first cookie")
    public void sendWithFirstCookie() {
        lastInitiate = probe.nextCounter();
        probe.send(probe.initiate(lastInitiate, cookie, NegotiationProbe.wellFormedMessage(lastInitiate)));
    }

    @Then("the IUT creates the channel: its first MESSAGE begins with SETTINGS and acknowledges the INITIATE")
    public void createsChannel() {
        NegotiationProbe.Opened first = probe.awaitMessage(probe.home(), cookie, "NEG-RPROC-5").get(0);
        assertThat(first.frames()).as("frames of the first MESSAGE").isNotEmpty();
        assertThat(first.frames().get(0)).as("NEG-RPROC-5: SETTINGS first").isInstanceOf(PeerFrame.Settings.class);
        assertThat(first.acknowledges(lastInitiate)).as("NEG-RPROC-5: ACK of INITIATE %d in %s", lastInitiate,
                first.frames()).isTrue();
    }

    // ---------------------------------------------------------------- INITIATE whose message makes the IUT close

    @When("^the peer sends an INITIATE with that cookie whose message (.+)$")
    public void sendInitiateWithBadMessage(String fault) {
        lastInitiate = probe.nextCounter();
        long pn = lastInitiate;
        PeerFrame.Settings settings = PeerOptions.DEFAULT_SETTINGS;
        PeerFrame.Ping ping = new PeerFrame.Ping();
        byte[] message = switch (fault) {
            case "has a PING and no SETTINGS" -> PlaintextEncoder.padded(PacketHeader.of(pn, true), List.of(ping));
            case "has its SETTINGS after a PING" ->
                PlaintextEncoder.padded(PacketHeader.of(pn, true), List.of(ping, settings));
            case "has an ACK frame, which INITIATE does not allow" -> PlaintextEncoder.padded(PacketHeader.of(pn, true),
                    List.of(settings, PeerFrame.Ack.of(1, 1, 0, List.of())));
            case "has a GOAWAY frame, which INITIATE does not allow" -> PlaintextEncoder.padded(
                    PacketHeader.of(pn, true), List.of(settings, new PeerFrame.Goaway(0, 0, "")));
            case "has a PATH_CHALLENGE frame, which INITIATE does not allow" -> PlaintextEncoder.padded(
                    PacketHeader.of(pn, true), List.of(settings, new PeerFrame.PathChallenge(context().randomBytes(8))));
            case "header has no version field" ->
                PlaintextEncoder.padded(PacketHeader.of(pn, false), List.of(settings, ping));
            default -> versionMessage(fault, pn, settings, ping);
        };
        probe.send(probe.initiate(pn, cookie, message));
    }

    private static byte[] versionMessage(String fault, long pn, PeerFrame.Settings settings, PeerFrame.Ping ping) {
        if (!fault.matches("header carries version \\d+")) {
            throw new IllegalArgumentException("unknown INITIATE message fault: " + fault);
        }
        int version = Integer.parseInt(fault.replaceAll("\\D", ""));
        return PlaintextEncoder.padded(new PacketHeader(PacketHeader.HAS_VERSION, version, pn), List.of(settings, ping));
    }

    @Then("the IUT creates the channel and closes it at once with {errorCode}")
    public void createsAndCloses(ErrorCode expected) {
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        PeerFrame.Close close = null;
        NegotiationProbe.Opened carrier = null;
        while (close == null) {
            for (NegotiationProbe.Opened m : probe.awaitMessage(probe.home(), cookie, "NEG-INITIATE-6, NEG-VER-3")) {
                for (PeerFrame f : m.frames()) {
                    if (f instanceof PeerFrame.Close c && close == null) {
                        close = c;
                        carrier = m;
                    }
                }
            }
            if (close == null) {
                long remaining = deadline - System.nanoTime();
                assertThat(remaining).as("a CLOSE on the new channel within %s; MESSAGEs: %s", ScenarioContext.TIMEOUT,
                        probe.messages(probe.home(), cookie).stream().map(NegotiationProbe.Opened::frames).toList())
                        .isPositive();
                NegotiationProbe.receiveSlice(probe.home(), remaining);
            }
        }
        assertThat(ErrorCode.nameOf(close.errorCode())).as("the CLOSE's error code (reason '%s')", close.reason())
                .isEqualTo(expected.name());
        PacketHeader header = carrier.decoded().header();
        assertThat(header.hasVersion() && header.version() == PacketHeader.VERSION_1).as("NEG-VER-1, NEG-VER-2: the "
                + "packet carrying the CLOSE is among the first of the channel, none acknowledged: it must carry "
                + "version 1; header %s", header).isTrue();
    }
}
