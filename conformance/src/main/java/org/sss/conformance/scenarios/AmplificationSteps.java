package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sss.conformance.peer.InitiatorNegotiation;
import org.sss.conformance.peer.crypto.X25519KeyPair;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.Packets;

/**
 * Steps of SPEC.md section 5.8 (amplification): HELLOs sent from a plain UDP socket that never
 * negotiated a channel, so that every datagram arriving there is the IUT's answer to an
 * unauthenticated packet. Each HELLO has its own short-term key, so a COOKIE is attributed to the
 * HELLO whose key opens it.
 */
public class AmplificationSteps {
    private static final int BUFFER = 2048;

    private DatagramSocket socket;
    private final List<InitiatorNegotiation> hellos = new ArrayList<>();
    private final List<byte[]> answers = new ArrayList<>();

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @When("a fresh address sends {int} well-formed HELLOs, each under its own short-term key")
    public void sendHellos(int count) throws IOException {
        InetSocketAddress target = context().target().address();
        socket = new DatagramSocket(new InetSocketAddress(target.getAddress(), 0));
        for (int i = 0; i < count; i++) {
            InitiatorNegotiation probe = new InitiatorNegotiation(X25519KeyPair.generate(context().random()),
                    X25519KeyPair.generate(context().random()), context().target().publicKey());
            byte[] hello = probe.hello(1 + context().random().nextInt(1000));
            hellos.add(probe);
            socket.send(new DatagramPacket(hello, hello.length, target));
        }
        collectAnswers(count);
    }

    /**
     * Receives until an answer per HELLO arrived (or {@link ScenarioContext#TIMEOUT} passed), then until
     * the IUT has been silent for {@link ScenarioContext#QUIET}: a second COOKIE must be proven absent.
     */
    private void collectAnswers(int expected) throws IOException {
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        // a hard end, for an IUT that never stops answering
        long end = deadline + ScenarioContext.QUIET.toNanos();
        while (System.nanoTime() < end) {
            long wait = answers.size() < expected ? (deadline - System.nanoTime()) / 1_000_000
                    : ScenarioContext.QUIET.toMillis();
            if (wait <= 0) {
                return;
            }
            socket.setSoTimeout((int) wait);
            DatagramPacket packet = new DatagramPacket(new byte[BUFFER], BUFFER);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException quiet) {
                return;
            }
            answers.add(Arrays.copyOf(packet.getData(), packet.getLength()));
        }
    }

    @Then("the IUT sends that address nothing but COOKIEs")
    public void onlyCookies() {
        List<String> others = answers.stream().filter(a -> !Magic.COOKIE.starts(a))
                .map(a -> a.length + " bytes " + Hex.of(Arrays.copyOf(a, Math.min(a.length, 16))) + "…").toList();
        assertThat(others).as("NEG-DOS-3: datagrams other than COOKIE sent to an address that never sent an INITIATE")
                .isEmpty();
    }

    @Then("every COOKIE is {int} bytes long, less than the {int} bytes of a HELLO")
    public void cookieSizes(int cookieSize, int helloSize) {
        assertThat(cookieSize).isEqualTo(Packets.COOKIE_SIZE);
        assertThat(helloSize).isEqualTo(Packets.HELLO_SIZE);
        List<Integer> sizes = answers.stream().filter(Magic.COOKIE::starts).map(a -> a.length).toList();
        assertThat(sizes).as("PKT-SIZE-2 (section 5.8: no amplification): sizes of the COOKIEs, expected %d each",
                cookieSize).allMatch(size -> size == cookieSize);
    }

    @Then("no HELLO draws more than one COOKIE, and at least one HELLO draws one")
    public void oneCookiePerHello() {
        List<byte[]> cookies = answers.stream().filter(Magic.COOKIE::starts).toList();
        int answered = 0;
        for (int i = 0; i < hellos.size(); i++) {
            InitiatorNegotiation probe = hellos.get(i);
            long drawn = cookies.stream().filter(c -> probe.openCookie(c).isPresent()).count();
            assertThat(drawn).as("NEG-COOKIE-2: COOKIEs that open under the key of HELLO %d of %d", i + 1,
                    hellos.size()).isLessThanOrEqualTo(1);
            answered += (int) drawn;
        }
        // NEG-DOS-1 lets a responder rate-limit HELLOs, but one that answers none cannot be judged here
        if (answered == 0) {
            throw context().inconclusive("the IUT answered none of " + hellos.size() + " HELLOs", null);
        }
        assertThat(cookies).as("NEG-COOKIE-1: COOKIEs that open under the key of no HELLO sent").hasSize(answered);
    }

    /** Closes the fresh address's socket. */
    @After
    public void closeSocket() {
        if (socket != null) {
            socket.close();
        }
    }
}
