package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sss.conformance.peer.CookieContents;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.target.Target;

/**
 * Steps of SPEC.md section 4.6 on the minute key's schedule, run on the IUT's declared
 * minute-key-rotation timer hook P (IUT.md): a cookie is accepted for at least P after it was made and
 * for at most 2P. When the IUT rotates is unknown, so two cookies made P/2 apart are each used 0.9 P
 * after they arrived: the two windows together span 1.4 P, more than one period, so at least one of the
 * two cookies is used after a rotation and must open under the previous key (CRY-COOKIE-2, CRY-COOKIE-6).
 */
public class CookieLifetimeSteps {
    private static final Duration EXPIRY_MARGIN = Duration.ofMillis(500);

    private final Map<String, NegotiationProbe> probes = new HashMap<>();
    private final Map<String, CookieContents> cookies = new HashMap<>();

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    private Duration rotation() {
        return context().requireTimer(Target.MINUTE_KEY_ROTATION);
    }

    @After(order = 15000)
    public void closeChannels() {
        probes.forEach((name, p) -> p.closeChannel(cookies.get(name)));
    }

    @When("the peer obtains cookies {string} and {string} by hand-made HELLOs")
    public void obtainTwo(String a, String b) {
        rotation();
        obtain(a);
        obtain(b);
    }

    @When("half a rotation period later the peer obtains cookie {string}")
    public void obtainLater(String name) {
        long since = probes.values().stream().mapToLong(NegotiationProbe::lastHelloSent).min().orElseThrow();
        waitUntil(since + rotation().toNanos() / 2);
        obtain(name);
    }

    private void obtain(String name) {
        NegotiationProbe probe = new NegotiationProbe(context(), context().peer());
        probes.put(name, probe);
        cookies.put(name, probe.obtainCookie());
    }

    /** Lets the scenario's peer keep its channel served while the time passes. */
    private void waitUntil(long nanos) {
        long remaining = nanos - System.nanoTime();
        if (remaining > 0) {
            context().listen(Duration.ofNanos(remaining));
        }
    }

    @Then("an INITIATE with cookie {string}, sent 0.9 rotation periods after the cookie arrived, creates the channel")
    public void acceptedWithinOnePeriod(String name) {
        NegotiationProbe probe = probes.get(name);
        CookieContents cookie = cookies.get(name);
        long arrived = probe.arrivalOf(cookie);
        waitUntil(arrived + rotation().toNanos() * 9 / 10);
        long pn = probe.nextCounter();
        probe.send(probe.initiate(pn, cookie, NegotiationProbe.wellFormedMessage(pn)));
        long age = System.nanoTime() - arrived;
        if (age >= rotation().toNanos()) {
            throw context().inconclusive("the INITIATE left " + Duration.ofNanos(age) + " after its cookie arrived, "
                    + "beyond the guaranteed lifetime " + rotation() + " (the tester was too slow)", null);
        }
        List<NegotiationProbe.Opened> messages = probe.awaitMessage(probe.home(), cookie,
                "CRY-COOKIE-2, CRY-COOKIE-6 (a cookie " + Duration.ofNanos(age).toMillis() + " ms old, rotation "
                        + rotation().toMillis() + " ms, must still open under the current or previous minute key)");
        assertThat(messages.get(0).acknowledges(pn)).as("NEG-RPROC-5: the first MESSAGE acknowledges INITIATE %d: %s",
                pn, messages.get(0).frames()).isTrue();
        probe.closeChannel(cookie);
    }

    /** Whether {@code datagram} is a MESSAGE of the channel that another named cookie created. */
    private boolean ofOtherChannel(String name, byte[] datagram) {
        return cookies.entrySet().stream().filter(e -> !e.getKey().equals(name))
                .anyMatch(e -> probes.get(e.getKey()).negotiation().channel(e.getValue()).selects(datagram));
    }

    @Then("an INITIATE with cookie {string}, sent two rotation periods after its HELLO, is dropped")
    public void refusedAfterTwoPeriods(String name) {
        NegotiationProbe probe = probes.get(name);
        CookieContents cookie = cookies.get(name);
        waitUntil(probe.lastHelloSent() + 2 * rotation().toNanos() + EXPIRY_MARGIN.toNanos());
        long pn = probe.nextCounter();
        int mark = probe.home().datagrams().size();
        probe.send(probe.initiate(pn, cookie, NegotiationProbe.wellFormedMessage(pn)));
        NegotiationProbe.listen(probe.home(), ScenarioContext.QUIET);
        List<LoggedDatagram> log = probe.home().datagrams();
        List<String> answers = log.subList(mark, log.size()).stream()
                .filter(d -> d.direction() == LoggedDatagram.Direction.RECEIVED && !probe.home().boxes().selects(d.bytes())
                        && !ofOtherChannel(name, d.bytes()))
                .map(LoggedDatagram::toString).toList();
        assertThat(answers).as("CRY-COOKIE-3, CRY-COOKIE-6: the minute key of a cookie made more than %s ago must be "
                + "erased, and the INITIATE dropped without an answer (NEG-ERR-1)", rotation().multipliedBy(2))
                .isEmpty();
    }

    @Then("a fresh cookie for the short-term key of cookie {string}, from the same socket, still creates the channel")
    public void freshCookieWorks(String name) {
        NegotiationProbe probe = probes.get(name);
        CookieContents fresh = probe.obtainCookie();
        cookies.put(name, fresh);
        long pn = probe.nextCounter();
        probe.send(probe.initiate(pn, fresh, NegotiationProbe.wellFormedMessage(pn)));
        NegotiationProbe.Opened first = probe.awaitMessage(probe.home(), fresh, "NEG-RPROC-5").get(0);
        assertThat(first.frames()).isNotEmpty();
        assertThat(first.frames().get(0)).isInstanceOf(PeerFrame.Settings.class);
    }
}
