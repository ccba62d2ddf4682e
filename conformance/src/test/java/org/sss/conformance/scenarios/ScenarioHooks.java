package org.sss.conformance.scenarios;

import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

/**
 * Starts each scenario with a fresh {@link ScenarioContext} whose seed is printed (replay with
 * {@code -Dsss.seed=N}), closes its tester peers afterwards, and stops the shared target at the end
 * of the run.
 */
public class ScenarioHooks {
    /** Draws and prints the scenario's seed. */
    @Before(order = 0)
    public void begin(Scenario scenario) {
        long seed = Long.getLong("sss.seed", System.nanoTime());
        String line = "scenario '" + scenario.getName() + "' " + scenario.getSourceTagNames() + " seed: " + seed
                + " (replay with -Dsss.seed=" + seed + ")";
        System.out.println(line);
        scenario.log(line);
        ScenarioContext.begin(seed);
    }

    /** Closes the scenario's peers; on failure, attaches the datagrams of the current peer as evidence. */
    @After
    public void end(Scenario scenario) {
        ScenarioContext context = ScenarioContext.current();
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

    /** Stops the reference implementation once every scenario ran. */
    @AfterAll
    public static void stopTarget() {
        ReferenceTarget.stopIfStarted();
    }
}
