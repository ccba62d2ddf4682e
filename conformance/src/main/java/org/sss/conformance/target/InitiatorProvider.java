package org.sss.conformance.target;

/**
 * Supplies a default initiator IUT when no command template is given ({@link java.util.ServiceLoader}):
 * the suite's own tests register the reference implementation this way, and the command line its
 * {@code sss connect}, so that the suite's main code never names it (DESIGN.md section 4).
 */
public interface InitiatorProvider {
    /** The initiator; the caller runs it as often as it likes. */
    Initiator create();
}
