package org.sss.conformance.target;

/**
 * Starts a default target when none is given ({@link java.util.ServiceLoader}): the runner registers
 * the embedded reference implementation this way (DESIGN.md section 4), so that the suite's main code
 * never names it.
 */
public interface TargetProvider {
    /** Starts a fresh target; the caller closes it. */
    Target start();
}
