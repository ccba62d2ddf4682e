package org.sss.conformance.target;

/**
 * An implementation under test in the initiator role (conformance/IUT.md section 2): something the
 * suite can ask to negotiate a channel with a responder and to exchange data with one of its
 * services, observing only the exit code and the standard streams. The suite plays the responder.
 */
public interface Initiator {
    /** Exit code: the exchange completed. */
    int OK = 0;
    /** Exit code: no channel, service refused, stream reset or timed out. */
    int FAILED = 1;
    /** Exit code: the IUT cannot do what was asked (IUT.md section 2). */
    int NOT_SUPPORTED = 127;

    /**
     * Runs one exchange and waits for its end.
     *
     * @return what the IUT reported; a run that outlived {@link InitiatorRequest#timeout()} is
     *     stopped and reported with {@link InitiatorResult#timedOut()}
     */
    InitiatorResult run(InitiatorRequest request);

    /** One line naming the initiator in reports. */
    String description();
}
