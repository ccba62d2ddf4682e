package org.sss.core.archfixture;

/**
 * Stands in for any class of the reference implementation, so that the suite's independence rule
 * can be shown to fire without putting sss-core on the suite's class path.
 */
public final class CoreStandIn {

    private CoreStandIn() {
    }

    /** A value for the violating fixture to read; a method, so the call stays in the bytecode. */
    public static String name() {
        return "core";
    }
}
