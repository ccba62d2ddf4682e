package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sss.conformance.peer.responder.ChannelView;
import org.sss.conformance.peer.responder.InitiatorPacket;
import org.sss.conformance.peer.responder.IssuedCookie;
import org.sss.conformance.peer.responder.ResponderScript;
import org.sss.conformance.peer.responder.ServiceExchange;
import org.sss.conformance.peer.responder.SssResponder;
import org.sss.conformance.peer.responder.Violation;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.target.Initiator;
import org.sss.conformance.target.InitiatorRequest;
import org.sss.conformance.target.InitiatorResult;
import org.sss.conformance.target.Initiators;

/**
 * Steps of the initiator role (conformance/IUT.md section 2): the suite's {@link SssResponder} plays
 * the responder, the IUT is run through {@link Initiators#current()} for one test service, and the
 * steps compare its standard output and what the responder observed with the spec. Before any of
 * that, the IUT must show that it can answer 127 (not supported): only then are its other exit codes
 * trusted.
 */
public class InitiatorRoleSteps {
    /** A service name no IUT can know: the 127 probe of IUT.md section 2. */
    static final String UNKNOWN_SERVICE = "x-sss-conformance-unknown";
    /** How long one run of the IUT may take; its own negotiation deadline is 20 s (NEG-TIMER-2). */
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(30);
    private static final long RETRANSMIT_FIRST_MILLIS = 500;
    private static final double EARLY_FACTOR = 0.8;
    private static final long LATE_MILLIS = 1000;
    /** NEG-TIMER-2's deadline, and the margin the suite grants beyond it. */
    private static final long NEGOTIATION_DEADLINE_MILLIS = 20_000;
    private static final long DEADLINE_MARGIN_MILLIS = 5_000;
    private static final Map<String, InitiatorResult> PROBES = new HashMap<>();

    private Initiator initiator;
    private ResponderScript script = ResponderScript.PLAIN;
    private SssResponder responder;
    private InitiatorResult result;
    private byte[] input;
    private List<String> lines;
    private long runEndNanos;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @Given("an initiator IUT that answers 127 to a service it does not know")
    public void initiatorThatSays127() {
        initiator = Initiators.current().orElseThrow(() -> context().unsupported("initiator role: no initiator"
                + " command (--initiator-cmd, -D" + Initiators.COMMAND_PROPERTY + ") and no default initiator"));
        InitiatorResult probe;
        synchronized (PROBES) {
            probe = PROBES.computeIfAbsent(initiator.description(), d -> probe(initiator));
        }
        if (probe.exitCode() != Initiator.NOT_SUPPORTED) {
            throw context().inconclusive("the initiator IUT (" + initiator.description() + ") did not answer 127 when"
                    + " asked for service '" + UNKNOWN_SERVICE + "' (IUT.md section 2), so its exit codes cannot be"
                    + " trusted; it reported " + probe, null);
        }
    }

    private static InitiatorResult probe(Initiator initiator) {
        try (SssResponder probeResponder = SssResponder.start(ResponderScript.PLAIN, new Random(127))) {
            return initiator.run(new InitiatorRequest(UNKNOWN_SERVICE, "127.0.0.1", probeResponder.address().getPort(),
                    probeResponder.publicKey(), List.of(), new byte[0], RUN_TIMEOUT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- the responder's deviations

    @Given("the suite's responder leaves the first {int} HELLO(s) unanswered")
    public void hellosUnanswered(int n) {
        script = script.withHellosUnanswered(n);
    }

    @Given("the suite's responder drops the first {int} INITIATE(s) unanswered")
    public void initiatesIgnored(int n) {
        script = script.withInitiatesIgnored(n);
    }

    @Given("the suite's responder leaves the first {int} ack-eliciting packets of the initiator unacknowledged")
    public void acksWithheld(int n) {
        script = script.withAcksWithheld(n);
    }

    @Given("the suite's responder answers the first HELLO only with a valid COOKIE from another port")
    public void decoyCookie() {
        script = script.withDecoyCookie();
    }

    @Given("the suite's responder sends a COOKIE with one bit of its box flipped before the genuine one")
    public void forgedCookie() {
        script = script.withForgedCookieFirst();
    }

    @Given("the suite's responder answers the first HELLO with two valid COOKIEs")
    public void twoCookies() {
        script = script.withTwoCookies();
    }

    @Given("the suite's responder opens the channel with a first MESSAGE without SETTINGS")
    public void firstMessageWithoutSettings() {
        script = script.withFirstMessage(ResponderScript.FirstMessage.WITHOUT_SETTINGS);
    }

    @Given("the suite's responder opens the channel with a first MESSAGE without the version field")
    public void firstMessageWithoutVersion() {
        script = script.withFirstMessage(ResponderScript.FirstMessage.WITHOUT_VERSION);
    }

    @Given("the suite's responder opens the channel with a first MESSAGE of version 2")
    public void firstMessageVersion2() {
        script = script.withFirstMessage(ResponderScript.FirstMessage.VERSION_2);
    }

    @Given("the suite's responder never answers a HELLO")
    public void hellosNeverAnswered() {
        script = script.withHellosUnanswered(Integer.MAX_VALUE);
    }

    @Given("the suite's responder answers the first HELLO only with COOKIEs to be ignored: one 16 bytes too long, one with a bit of its box flipped, one from another port")
    public void badCookiesFirst() {
        script = script.withBadCookiesFirst();
    }

    @Given("the suite's responder replies to every connect request with status {long}")
    public void replyStatus(long status) {
        script = script.withReplyStatus(status);
    }

    // ---------------------------------------------------------------- running the IUT

    @When("the initiator IUT sends {int} random bytes to {word} through the suite's responder")
    public void sendBytes(int length, String service) {
        input = context().randomBytes(length);
        run(service, input, List.of());
    }

    @When("the initiator IUT asks source for {int} bytes in records of {int} through the suite's responder")
    public void askSource(int length, int recordSize) {
        input = new byte[0];
        run("source", input, List.of("--bytes", Integer.toString(length), "--record-size", Integer.toString(recordSize)));
    }

    @When("the initiator IUT sends {int} random lines to datagram-echo through the suite's responder")
    public void sendLines(int count) {
        lines = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -";
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder();
            int length = 1 + context().random().nextInt(80);
            for (int j = 0; j < length; j++) {
                line.append(alphabet.charAt(context().random().nextInt(alphabet.length())));
            }
            lines.add(line.toString());
            text.append(line).append('\n');
        }
        input = text.toString().getBytes(StandardCharsets.US_ASCII);
        run("datagram-echo", input, List.of());
    }

    private void run(String service, byte[] stdin, List<String> arguments) {
        try {
            responder = SssResponder.start(script, new Random(context().random().nextLong()));
        } catch (IOException e) {
            throw context().inconclusive("cannot open the suite's responder socket", e);
        }
        result = initiator.run(new InitiatorRequest(service, "127.0.0.1", responder.address().getPort(),
                responder.publicKey(), arguments, stdin, RUN_TIMEOUT));
        runEndNanos = System.nanoTime();
        settle();
    }

    /** Lets the responder take in the IUT's last packets (its CLOSE) before anything is judged. */
    private void settle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() - deadline < 0
                && responder.channels().stream().anyMatch(c -> c.close() == null)) {
            sleep(20);
        }
    }

    // ---------------------------------------------------------------- what the IUT printed

    @Then("the initiator IUT printed exactly its input")
    public void printedInput() {
        requireExit(Initiator.OK);
        byte[] out = result.stdout();
        assertThat(Arrays.mismatch(out, input)).as("standard output must equal the %d input bytes (the service's"
                + " data only, IUT.md section 2); got %d bytes, first difference at the index shown",
                input.length, out.length).isEqualTo(-1);
    }

    @Then("the initiator IUT printed nothing")
    public void printedNothing() {
        requireExit(Initiator.OK);
        assertThat(result.stdout()).as("discard sends nothing back (A.2), so standard output stays empty").isEmpty();
    }

    @Then("the initiator IUT printed the source pattern of {int} bytes")
    public void printedPattern(int length) {
        requireExit(Initiator.OK);
        byte[] out = result.stdout();
        assertThat(out.length).as("bytes on standard output (TST-SRC-1 asks the responder for exactly N)")
                .isEqualTo(length);
        for (int i = 0; i < length; i++) {
            if (out[i] != (byte) (i % 251)) {
                throw new AssertionError("byte " + i + " on standard output is " + (out[i] & 0xff) + ", the responder"
                        + " sent " + (i % 251) + " (i mod 251): data delivered at the wrong offset");
            }
        }
    }

    @Then("the initiator IUT printed each line once")
    public void printedLines() {
        requireExit(Initiator.OK);
        List<String> printed = new ArrayList<>(Arrays.asList(result.stdoutText().split("\n")));
        assertThat(printed).as("each echoed datagram is printed as a line (IUT.md section 2)")
                .containsExactlyInAnyOrderElementsOf(lines);
    }

    @Then("the initiator IUT reported a failure")
    public void reportedFailure() {
        requireExit(Initiator.FAILED);
    }

    private void requireExit(int expected) {
        assertThat(result.exitCode()).as("exit code of the initiator IUT (IUT.md section 2); %s", result)
                .isEqualTo(expected);
    }

    // ---------------------------------------------------------------- what the responder observed

    @Then("the initiator IUT broke no rule the suite's responder checks")
    public void noViolations() {
        List<Violation> violations = responder.violations();
        if (!violations.isEmpty()) {
            StringBuilder message = new StringBuilder(violations.size() + " violation(s) by the initiator IUT:\n");
            violations.stream().limit(5).forEach(v -> message.append(v.describe()));
            throw new AssertionError(message.toString());
        }
    }

    @Then("every HELLO from the initiator IUT is 192 bytes with 64 zero bytes after I' and a box of 64 zero bytes that opens under R")
    public void hellosWellFormed() {
        List<InitiatorPacket> hellos = packets(Magic.HELLO);
        assertThat(hellos).as("HELLOs received from the initiator IUT").isNotEmpty();
        for (InitiatorPacket hello : hellos) {
            byte[] b = hello.datagram().bytes();
            assertThat(b.length).as("PKT-SIZE-1: HELLO length").isEqualTo(192);
            assertThat(Arrays.copyOfRange(b, 40, 104)).as("NEG-HELLO-1: the 64 bytes after I' in %s", Hex.of(b))
                    .containsOnly(0);
        }
        assertThat(violations("NEG-HELLO-1", "PKT-SIZE-1", "PKT-MAGIC-1"))
                .as("NEG-HELLO-1: every HELLO's box opens under R with the counter nonce and holds 64 zero bytes")
                .isEmpty();
    }

    @Then("the initiator IUT sent at least {int} HELLOs under one short-term key with rising counters")
    public void hellosRetransmitted(int count) {
        List<InitiatorPacket> hellos = firstKeyHellos();
        assertThat(hellos).as("NEG-TIMER-1: HELLOs under the first short-term key while no COOKIE came")
                .hasSizeGreaterThanOrEqualTo(count);
        for (int i = 1; i < hellos.size(); i++) {
            assertThat(Long.compareUnsigned(hellos.get(i).counter(), hellos.get(i - 1).counter()))
                    .as("CRY-CTR-3: HELLO %d repeats or lowers the counter (%d after %d)", i, hellos.get(i).counter(),
                            hellos.get(i - 1).counter())
                    .isPositive();
        }
    }

    @Then("the HELLO retransmissions of the initiator IUT follow the NEG-TIMER-1 schedule")
    public void helloSchedule() {
        List<InitiatorPacket> hellos = firstKeyHellos();
        int unanswered = script.hellosUnanswered();
        assertThat(hellos).hasSizeGreaterThan(unanswered);
        checkSchedule("HELLO", hellos.subList(0, unanswered + 1));
    }

    @Then("the initiator IUT retransmitted its INITIATE with a greater counter and the same cookie on the NEG-TIMER-3 schedule")
    public void initiateRetransmitted() {
        List<InitiatorPacket> initiates = firstKeyPackets(Magic.INITIATE);
        assertThat(initiates).as("NEG-TIMER-3: INITIATEs under the first short-term key").hasSizeGreaterThanOrEqualTo(2);
        InitiatorPacket first = initiates.get(0);
        InitiatorPacket second = initiates.get(1);
        assertThat(Long.compareUnsigned(second.counter(), first.counter()))
                .as("NEG-TIMER-4: the retransmission's counter %d must exceed %d", second.counter(), first.counter())
                .isPositive();
        assertThat(Hex.of(second.cookie())).as("NEG-TIMER-4, NEG-COOKIE-5: the retransmission carries the same cookie")
                .isEqualTo(Hex.of(first.cookie()));
        checkSchedule("INITIATE", initiates.subList(0, 2));
    }

    @Then("after its fourth INITIATE the initiator IUT sent a HELLO under a fresh short-term key")
    public void restartedAtHello() {
        List<InitiatorPacket> all = responder.initiatorPackets();
        byte[] firstKey = all.get(0).shortTermKey();
        List<InitiatorPacket> initiates = firstKeyPackets(Magic.INITIATE);
        assertThat(initiates).as("INITIATEs under the first short-term key I' = %s", Hex.of(firstKey))
                .hasSizeGreaterThanOrEqualTo(4);
        int fourth = all.indexOf(initiates.get(3));
        for (InitiatorPacket p : all.subList(all.indexOf(initiates.get(0)), all.size())) {
            assertThat(p.kind() == Magic.HELLO && Arrays.equals(p.shortTermKey(), firstKey))
                    .as("CRY-KEY-1: a HELLO after INITIATE must start a new negotiation with a fresh I', not reuse %s",
                            Hex.of(firstKey))
                    .isFalse();
        }
        InitiatorPacket next = all.stream().skip(fourth + 1L).filter(p -> p.kind() != Magic.MESSAGE).findFirst()
                .orElseThrow(() -> new AssertionError("NEG-TIMER-6: nothing followed the fourth INITIATE"));
        if (next.kind() == Magic.INITIATE && Arrays.equals(next.shortTermKey(), firstKey)) {
            context().lenient("NEG-TIMER-6 (SHOULD): after four unanswered INITIATEs the IUT sent a fifth under the"
                    + " same key instead of restarting at HELLO");
            return;
        }
        assertThat(next.kind()).as("NEG-TIMER-6: the packet after the fourth INITIATE").isEqualTo(Magic.HELLO);
    }

    @Then("every INITIATE of the initiator IUT opened, with a valid vouch and a message that begins with SETTINGS and carries version 1")
    public void initiatesWellFormed() {
        assertThat(packets(Magic.INITIATE)).as("INITIATEs received").isNotEmpty();
        assertThat(violations("NEG-INITIATE-1", "NEG-INITIATE-2", "NEG-INITIATE-3", "NEG-INITIATE-4",
                "NEG-INITIATE-5", "NEG-VER-1", "NEG-VER-2", "PKT-SIZE-3", "NEG-COOKIE-5", "CHN-PN-1"))
                .as("section 5.4 rules broken by the INITIATEs").isEmpty();
        ChannelView channel = onlyChannel();
        assertThat(channel.initiatorSettings()).as("NEG-INITIATE-4: the SETTINGS frame of the INITIATE").isNotNull();
    }

    @Then("the initiator IUT sent at least {int} MESSAGE(s) before the suite's responder acknowledged its SETTINGS")
    public void messagesBeforeAck(int count) {
        int seen = onlyChannel().messagesBeforeSettingsAck();
        if (seen < count) {
            throw context().inconclusive("the IUT sent " + seen + " MESSAGEs before the responder acknowledged its"
                    + " SETTINGS; the scenario needs " + count + " to observe FRM-SET-1 and NEG-VER-1", null);
        }
    }

    @Then("the initiator IUT connected to echo with protocol sss-test\\/1 on a top-level stream")
    public void connectedToEcho() {
        ServiceExchange echo = exchange("echo");
        assertThat(echo.protocol()).as("SVC-CONN-1: the protocol of the connect request").isEqualTo("sss-test/1");
        assertThat(echo.replyStatus()).as("the responder's reply status").isZero();
        assertThat(echo.lsid() % 2).as("STR-ID-1: an initiator's LSID is odd; it used %d", echo.lsid()).isOne();
    }

    @Then("the suite's responder received exactly the input on the {word} stream, then FIN")
    public void responderReceivedInput(String service) {
        ServiceExchange exchange = exchange(service);
        assertThat(Arrays.mismatch(exchange.received(), input))
                .as("the bytes after the request record must be standard input (%d bytes); %d arrived",
                        input.length, exchange.received().length)
                .isEqualTo(-1);
        assertThat(exchange.finished()).as("FIN at the input's end (IUT.md section 2)").isTrue();
    }

    @Then("the suite's responder received each line as a datagram in one STREAM frame with INIT, NOACK and FIN at offset 0")
    public void linesAsDatagrams() {
        ServiceExchange exchange = exchange("datagram-echo");
        List<String> received = exchange.datagrams().stream().map(b -> new String(b, StandardCharsets.US_ASCII))
                .toList();
        assertThat(received).as("datagrams received under the datagram-echo stream").containsExactlyInAnyOrderElementsOf(
                lines);
        assertThat(exchange.datagramsInOneFrame()).as("STR-DGRAM-1: each datagram (at most 80 bytes) as one frame"
                + " with INIT, NOACK and FIN at offset 0").containsOnly(true);
    }

    @Then("every INITIATE of the initiator IUT carries the cookie of the {word} COOKIE")
    public void initiatesCarryCookie(String which) {
        List<IssuedCookie> genuine = responder.cookies().stream().filter(c -> c.kind() == IssuedCookie.Kind.GENUINE)
                .toList();
        assertThat(genuine).as("genuine COOKIEs sent").isNotEmpty();
        String expected = Hex.of(genuine.get(0).cookie());
        List<InitiatorPacket> initiates = packets(Magic.INITIATE);
        assertThat(initiates).as("INITIATEs received").isNotEmpty();
        for (InitiatorPacket initiate : initiates) {
            if (Arrays.equals(initiate.shortTermKey(), genuine.get(0).initiatorShortTerm())) {
                assertThat(Hex.of(initiate.cookie())).as("the cookie of the %s COOKIE (of %d sent: %s)", which,
                        responder.cookies().size(), responder.cookies().stream().map(IssuedCookie::kind).toList())
                        .isEqualTo(expected);
            }
        }
    }

    @Then("the initiator IUT closed its channel with CLOSE {word}")
    public void closedWith(String code) {
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        PeerFrame.Close close = null;
        while (close == null && System.nanoTime() - deadline < 0) {
            close = responder.channels().stream().map(ChannelView::close).filter(c -> c != null).findFirst()
                    .orElse(null);
            if (close == null) {
                sleep(20);
            }
        }
        assertThat(responder.channels()).as("channels the IUT created").isNotEmpty();
        assertThat(close).as("a CLOSE from the initiator IUT within %s; IUT %s", ScenarioContext.TIMEOUT, result)
                .isNotNull();
        assertThat(ErrorCode.nameOf(close.errorCode())).as("the CLOSE's error code (reason '%s')", close.reason())
                .isEqualTo(ErrorCode.valueOf(code).name());
    }

    @Then("the initiator IUT sent no application data on the {word} stream once it had the reply of status {long}")
    public void noDataAfterRefusal(String service, long status) {
        ServiceExchange exchange = exchange(service);
        assertThat(exchange.replyStatus()).as("the status the suite's responder replied with").isEqualTo(status);
        if (exchange.bytesAfterReplyAcked() < 0) {
            throw context().inconclusive("the initiator IUT never acknowledged the packet carrying the reply of status "
                    + status + ", so the suite cannot tell when it had the reply; IUT " + result, null);
        }
        assertThat(exchange.bytesAfterReplyAcked())
                .as("SVC-CONN-5: an opener that receives a reply other than OK stops sending application data on the"
                        + " stream; after acknowledging the reply (status %d) the initiator IUT sent %d more bytes on"
                        + " LSID %d (%d of %d input bytes arrived in all)", status, exchange.bytesAfterReplyAcked(),
                        exchange.lsid(), exchange.received().length, input.length)
                .isZero();
    }

    @Then("the initiator IUT's HELLO, INITIATE and MESSAGE counters under its short-term key form one strictly increasing sequence")
    public void oneCounterPerKey() {
        List<InitiatorPacket> all = responder.initiatorPackets();
        assertThat(all).as("packets from the initiator IUT; IUT %s", result).isNotEmpty();
        byte[] key = all.get(0).shortTermKey();
        List<InitiatorPacket> underKey = all.stream().filter(p -> Arrays.equals(p.shortTermKey(), key)).toList();
        List<String> sequence = underKey.stream().map(p -> p.kind() + " " + Long.toUnsignedString(p.counter()))
                .toList();
        for (Magic kind : List.of(Magic.HELLO, Magic.INITIATE, Magic.MESSAGE)) {
            assertThat(underKey).as("the scenario needs a %s under I' = %s to compare counters across packet"
                    + " kinds; received: %s", kind, Hex.of(key), sequence).anyMatch(p -> p.kind() == kind);
        }
        for (int i = 1; i < underKey.size(); i++) {
            if (Long.compareUnsigned(underKey.get(i).counter(), underKey.get(i - 1).counter()) <= 0) {
                throw new AssertionError("CRY-CTR-1: one 64-bit nonce counter per short-term key, used for every"
                        + " HELLO, INITIATE and MESSAGE box made with i'; expected one strictly increasing sequence,"
                        + " but " + sequence.get(i) + " follows " + sequence.get(i - 1) + " (all, in arrival order: "
                        + sequence + ")");
            }
        }
    }

    @Then("the initiator IUT kept retransmitting HELLO after the ignored COOKIEs and sent no HELLO after its first INITIATE")
    public void cookiesIgnoredInOrder() {
        List<IssuedCookie> issued = responder.cookies();
        List<IssuedCookie> bad = issued.stream().filter(c -> c.kind() != IssuedCookie.Kind.GENUINE).toList();
        assertThat(bad).as("COOKIEs to be ignored that the suite's responder sent").hasSize(3);
        long lastBad = bad.get(bad.size() - 1).sentNanos();
        List<InitiatorPacket> hellos = firstKeyHellos();
        assertThat(hellos.stream().filter(h -> h.arrivedNanos() > lastBad).count())
                .as("NEG-IPROC-1: a COOKIE of the wrong length (step 1), from another address (step 2) or whose box"
                        + " does not open (step 3) is dropped before step 5 stops the HELLO timer, so HELLOs must go"
                        + " on after them; HELLOs under the first I': %d; IUT %s", hellos.size(), result)
                .isPositive();
        List<InitiatorPacket> all = firstKeyPackets(Magic.INITIATE);
        assertThat(all).as("INITIATEs under the first I' (the genuine COOKIE answers the second HELLO)").isNotEmpty();
        long firstInitiate = all.get(0).arrivedNanos();
        assertThat(hellos.stream().filter(h -> h.arrivedNanos() > firstInitiate).count())
                .as("NEG-IPROC-1 step 5: once a COOKIE is accepted the HELLO timer stops; HELLOs after the first"
                        + " INITIATE under the same I'")
                .isZero();
    }

    @Then("the initiator IUT stopped sending and reported a failure by 20 s after its first HELLO, with 5 s of margin")
    public void abandonedNegotiation() {
        List<InitiatorPacket> all = responder.initiatorPackets();
        assertThat(all).as("packets from the initiator IUT; IUT %s", result).isNotEmpty();
        assertThat(all).as("NEG-TIMER-2: the suite's responder answered nothing, so the IUT may only have sent"
                + " HELLOs").allMatch(p -> p.kind() == Magic.HELLO);
        long first = all.get(0).arrivedNanos();
        long limit = NEGOTIATION_DEADLINE_MILLIS + DEADLINE_MARGIN_MILLIS;
        double last = (all.get(all.size() - 1).arrivedNanos() - first) / 1e6;
        assertThat(last).as("NEG-TIMER-2: an initiator abandons a negotiation without channel 20 s after its first"
                + " HELLO; its last HELLO (of %d) came %.0f ms after the first (accepted up to %d ms)", all.size(),
                last, limit).isLessThanOrEqualTo(limit);
        assertThat(result.timedOut()).as("NEG-TIMER-2: the IUT must report the failure, not run until the suite stops"
                + " it after %s; IUT %s", RUN_TIMEOUT, result).isFalse();
        double ended = (runEndNanos - first) / 1e6;
        assertThat(ended).as("NEG-TIMER-2: the IUT reported the failure %.0f ms after its first HELLO (accepted up to"
                + " %d ms)", ended, limit).isLessThanOrEqualTo(limit);
        requireExit(Initiator.FAILED);
    }

    // ---------------------------------------------------------------- helpers

    private void checkSchedule(String kind, List<InitiatorPacket> sent) {
        double expected = RETRANSMIT_FIRST_MILLIS;
        for (int i = 1; i < sent.size(); i++) {
            double gap = (sent.get(i).arrivedNanos() - sent.get(i - 1).arrivedNanos()) / 1e6;
            assertThat(gap).as("NEG-TIMER-1: %s retransmission %d came %.0f ms after the one before; the schedule says"
                    + " %.0f ms (accepted: %.0f to %.0f)", kind, i, gap, expected, expected * EARLY_FACTOR,
                    expected + LATE_MILLIS)
                    .isBetween(expected * EARLY_FACTOR, expected + LATE_MILLIS);
            expected = Math.min(8000, expected * 1.5);
        }
    }

    private List<InitiatorPacket> packets(Magic kind) {
        return responder.initiatorPackets().stream().filter(p -> p.kind() == kind).toList();
    }

    private List<InitiatorPacket> firstKeyPackets(Magic kind) {
        List<InitiatorPacket> all = responder.initiatorPackets();
        assertThat(all).as("packets from the initiator IUT; IUT %s", result).isNotEmpty();
        byte[] key = all.get(0).shortTermKey();
        return all.stream().filter(p -> p.kind() == kind && Arrays.equals(p.shortTermKey(), key)).toList();
    }

    private List<InitiatorPacket> firstKeyHellos() {
        return firstKeyPackets(Magic.HELLO);
    }

    private List<Violation> violations(String... requirements) {
        List<String> ids = List.of(requirements);
        return responder.violations().stream().filter(v -> ids.contains(v.requirement())).toList();
    }

    private ChannelView onlyChannel() {
        List<ChannelView> channels = responder.channels();
        assertThat(channels).as("channels the initiator IUT created; IUT %s", result).hasSize(1);
        return channels.get(0);
    }

    private ServiceExchange exchange(String service) {
        return responder.channels().stream().flatMap(c -> c.services().stream())
                .filter(s -> service.equals(s.service())).findFirst()
                .orElseThrow(() -> new AssertionError("the initiator IUT opened no stream to '" + service
                        + "'; IUT " + result));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the responder; on failure attaches the IUT's report, the datagrams and the violations. */
    @After(order = 15000)
    public void stopResponder(Scenario scenario) {
        if (responder == null) {
            return;
        }
        try {
            if (scenario.isFailed()) {
                StringBuilder evidence = new StringBuilder("initiator IUT: ").append(result).append('\n');
                responder.datagrams().forEach(d -> evidence.append(d).append('\n'));
                responder.decoyDatagrams().forEach(d -> evidence.append("decoy ").append(d).append('\n'));
                responder.violations().forEach(v -> evidence.append(v.describe()));
                scenario.log(evidence.toString());
                System.out.println(evidence);
            }
        } finally {
            responder.close();
        }
    }
}
