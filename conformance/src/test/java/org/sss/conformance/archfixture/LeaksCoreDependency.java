package org.sss.conformance.archfixture;

import org.sss.core.archfixture.CoreStandIn;

/** A deliberate violation of the independence rule, so the test can show the rule fires. */
public final class LeaksCoreDependency {

    private LeaksCoreDependency() {
    }

    /** Uses a class of {@code org.sss.core}, which suite code must never do. */
    public static String leak() {
        return CoreStandIn.name();
    }
}
