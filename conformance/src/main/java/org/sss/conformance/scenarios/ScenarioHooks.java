package org.sss.conformance.scenarios;

import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.util.Random;
import org.sss.conformance.target.Targets;
import org.sss.conformance.verdict.VerdictNotes;

/**
 * Starts each scenario with a fresh {@link ScenarioContext} whose seed is printed (replay with
 * {@code -Dsss.seed=N}), closes its tester peers afterwards, checks liveness around every
 * {@code @negative} scenario, and stops a target the suite started at the end of the run.
 */
public class ScenarioHooks {
    /** Tag of the scenarios that send the IUT something bad: liveness is checked before and after them. */
    static final String NEGATIVE = "@negative";

    private static String lastScenario = "(none: it is the first scenario)";

    /** Draws and prints the scenario's seed. */
    @Before(order = 0)
    public void begin(Scenario scenario) {
        VerdictNotes.reset();
        long seed = Long.getLong("sss.seed", System.nanoTime());
        String line = "scenario '" + scenario.getName() + "' " + scenario.getSourceTagNames() + " seed: " + seed
                + " (replay with -Dsss.seed=" + seed + ")";
        System.out.println(line);
        scenario.log(line);
        ScenarioContext.begin(seed);
    }

    /** Before a negative scenario: an IUT that is already down makes it inconclusive, blaming the one before. */
    @Before(order = 1, value = NEGATIVE)
    public void liveBefore(Scenario scenario) {
        ScenarioContext context = ScenarioContext.current();
        String problem = LivenessCheck.probe(context.target(), new Random(context.seed() ^ 0x4c495645L),
                ScenarioContext.TIMEOUT);
        if (problem != null) {
            throw context.inconclusive("the IUT was not live before this scenario (" + problem
                    + "); the scenario that ran before it: " + lastScenario, null);
        }
    }

    /** After a negative scenario: an IUT that no longer serves fails it, blamed for breaking the IUT. */
    @After(order = 20000, value = NEGATIVE)
    public void liveAfter(Scenario scenario) {
        ScenarioContext context = ScenarioContext.current();
        if (VerdictNotes.current().abortedAs() != null) {
            return;
        }
        String problem = LivenessCheck.probe(context.target(), new Random(context.seed() ^ 0x41465445L),
                ScenarioContext.TIMEOUT);
        if (problem != null) {
            String blame = "the IUT stopped serving after this scenario: " + problem;
            VerdictNotes.current().blame(blame);
            throw new AssertionError("liveness (SPEC.md section 12: bad input never stops a host): " + blame);
        }
    }

    /** Closes the scenario's peers; on failure, attaches the datagrams of the current peer as evidence. */
    @After(order = 10000)
    public void end(Scenario scenario) {
        ScenarioContext context = ScenarioContext.current();
        lastScenario = "'" + scenario.getName() + "' (" + scenario.getUri() + ":" + scenario.getLine() + ")";
        try {
            if (scenario.isFailed()) {
                try {
                    StringBuilder evidence = new StringBuilder("seed " + context.seed() + "\n");
                    context.peer().datagrams().forEach(d -> evidence.append(d).append('\n'));
                    evidence.append("rejections: ").append(context.peer().rejections());
                    scenario.log(evidence.toString());
                    System.out.println(evidence);
                } catch (IllegalStateException noPeer) {
                    // nothing to attach
                }
            }
        } finally {
            context.end();
        }
    }

    /** Stops a target the suite started, once every scenario ran. */
    @AfterAll
    public static void stopTarget() {
        Targets.stopStarted();
    }
}
