package org.sss.conformance.selftest;

import org.sss.core.misbehaviour.ProtocolBug;

/**
 * One row of the self-test table: with {@code bug} switched on in the reference implementation, the
 * scenario named {@code scenario} and tagged {@code tag} must fail, with {@code requirement} in its
 * failure message.
 *
 * @param bug the deliberate misbehaviour
 * @param tag a requirement tag of the intended scenario
 * @param scenario the intended scenario's name, exactly
 * @param requirement the requirement ID the failure must name
 */
record BugExpectation(ProtocolBug bug, String tag, String scenario, String requirement) {
    @Override
    public String toString() {
        return bug + " caught by '" + scenario + "' as " + requirement;
    }
}
