package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Arrays;
import java.util.List;
import org.sss.conformance.peer.InitiatorNegotiation;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.Rejection;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.crypto.X25519KeyPair;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.Packets;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps of SPEC.md section 5 (negotiation). HELLOs are built with the suite's own
 * {@link InitiatorNegotiation} under a fresh short-term key and sent from the socket of an
 * established tester peer, which records the COOKIEs it cannot use as rejections: that is where the
 * steps look for the IUT's answer.
 */
public class NegotiationSteps {
    private static final int HELLO_PADDING_OFFSET = 8 + 32;
    private static final int HELLO_BOX_OFFSET = 8 + 32 + 64 + 8;

    private InitiatorNegotiation probe;
    private int rejectionsBefore;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @Given("a tester peer with a channel to the IUT")
    @When("the tester peer negotiates a channel with the IUT")
    public void negotiate() {
        context().connect();
    }

    @Then("the IUT's first MESSAGE carries the version field")
    public void firstMessageHasVersion() {
        ReceivedPacket first = context().peer().firstPacket();
        assertThat(first.isWellFormed()).as("parse error: %s", first.parseError()).isTrue();
        assertThat(first.header().hasVersion()).as("NEG-VER-4").isTrue();
    }

    @Then("the first frame of the IUT's first MESSAGE is its SETTINGS frame")
    public void firstFrameIsSettings() {
        List<PeerFrame> frames = context().peer().firstPacket().frames();
        assertThat(frames).as("frames of the first MESSAGE").isNotEmpty();
        assertThat(frames.get(0)).as("NEG-RPROC-5, FRM-SET-1").isInstanceOf(PeerFrame.Settings.class);
    }

    @Then("the IUT's first MESSAGE acknowledges the INITIATE")
    public void firstMessageAcksInitiate() {
        TesterPeer peer = context().peer();
        List<PeerFrame.Ack> acks = peer.firstPacket().framesOf(PeerFrame.Ack.class);
        assertThat(acks).as("ACK frames in the first MESSAGE (NEG-RPROC-5)").isNotEmpty();
        List<Long> initiates = peer.datagrams().stream()
                .filter(d -> d.direction() == LoggedDatagram.Direction.SENT && Magic.INITIATE.starts(d.bytes()))
                .map(d -> be64(d.bytes(), 136)).toList();
        assertThat(initiates).isNotEmpty();
        assertThat(initiates).as("INITIATE counters acknowledged by %s", acks)
                .anyMatch(pn -> acks.stream().anyMatch(a -> a.acknowledges(pn)));
    }

    @Then("the tester peer rejected no datagram from the IUT")
    public void noRejections() {
        assertThat(context().peer().rejections()).isEmpty();
    }

    @When("the peer sends a well-formed HELLO under a fresh short-term key")
    public void sendHello() {
        sendProbe(helloOf(new byte[0]));
    }

    @When("the peer sends that HELLO cut or padded to {int} bytes")
    public void sendHelloOfSize(int size) {
        sendProbe(Arrays.copyOf(helloOf(new byte[0]), size));
    }

    @When("the peer sends a HELLO whose box has one bit flipped")
    public void sendHelloWithBadBox() {
        byte[] hello = helloOf(new byte[0]);
        int at = HELLO_BOX_OFFSET + context().random().nextInt(hello.length - HELLO_BOX_OFFSET);
        hello[at] ^= (byte) (1 << context().random().nextInt(8));
        sendProbe(hello);
    }

    @When("the peer sends a HELLO whose 64 padding bytes are not zero")
    public void sendHelloWithNonZeroPadding() {
        byte[] padding = context().randomBytes(64);
        padding[0] |= 1;
        sendProbe(helloOf(padding));
    }

    private byte[] helloOf(byte[] padding) {
        probe = new InitiatorNegotiation(X25519KeyPair.generate(context().random()),
                X25519KeyPair.generate(context().random()), context().target().publicKey());
        byte[] hello = probe.hello(1 + context().random().nextInt(1000));
        System.arraycopy(padding, 0, hello, HELLO_PADDING_OFFSET, padding.length);
        return hello;
    }

    private void sendProbe(byte[] datagram) {
        TesterPeer peer = context().peer();
        rejectionsBefore = peer.rejections().size();
        peer.sendRaw(datagram);
    }

    private List<byte[]> cookiesSince() {
        context().listen(ScenarioContext.QUIET);
        List<Rejection> all = context().peer().rejections();
        return all.subList(rejectionsBefore, all.size()).stream().map(r -> r.datagram().bytes())
                .filter(Magic.COOKIE::starts).toList();
    }

    @Then("the IUT answers with exactly one COOKIE packet of {int} bytes")
    public void answersWithOneCookie(int size) {
        List<byte[]> cookies = cookiesSince();
        assertThat(cookies).as("COOKIEs in answer to one HELLO (NEG-COOKIE-1, NEG-COOKIE-2)").hasSize(1);
        assertThat(cookies.get(0)).as("PKT-SIZE-2").hasSize(size);
        assertThat(size).isEqualTo(Packets.COOKIE_SIZE);
    }

    @Then("the COOKIE's box opens with the HELLO's short-term key")
    public void cookieOpens() {
        List<byte[]> cookies = context().peer().rejections().stream().map(r -> r.datagram().bytes())
                .filter(Magic.COOKIE::starts).toList();
        assertThat(cookies).isNotEmpty();
        assertThat(probe.openCookie(cookies.get(cookies.size() - 1))).as("NEG-COOKIE-1, NEG-COOKIE-3").isPresent();
    }

    @Then("the IUT sends no COOKIE")
    public void sendsNoCookie() {
        assertThat(cookiesSince().stream().map(c -> "COOKIE of " + c.length + " bytes").toList())
                .as("COOKIEs in answer to a HELLO the IUT must drop").isEmpty();
    }

    @Then("a fresh tester peer can still negotiate a channel with the IUT")
    public void freshPeerNegotiates() {
        TesterPeer other = context().connectAnother();
        assertThat(other.firstPacket().frames()).isNotEmpty();
        assertThat(other.firstPacket().frames().get(0)).isInstanceOf(PeerFrame.Settings.class);
    }

    @When("the peer replays the INITIATE that created its channel")
    public void replayInitiate() {
        TesterPeer peer = context().peer();
        byte[] initiate = peer.datagrams().stream()
                .filter(d -> d.direction() == LoggedDatagram.Direction.SENT && Magic.INITIATE.starts(d.bytes()))
                .reduce((a, b) -> b).orElseThrow().bytes();
        sendProbe(initiate);
    }

    @Then("the IUT sends nothing under another short-term key")
    public void nothingUnderAnotherKey() {
        context().listen(ScenarioContext.QUIET);
        List<Rejection> all = context().peer().rejections();
        assertThat(all.subList(rejectionsBefore, all.size())).as("datagrams that are not MESSAGEs of the channel")
                .isEmpty();
    }

    static long be64(byte[] b, int offset) {
        long v = 0;
        for (int i = offset; i < offset + 8; i++) {
            v = v << 8 | (b[i] & 0xff);
        }
        return v;
    }
}
