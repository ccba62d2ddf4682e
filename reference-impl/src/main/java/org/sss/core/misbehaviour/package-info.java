/**
 * Deliberate, named protocol bugs ("misbehaviours") of the reference implementation, all off by
 * default, for the conformance suite's self-tests only (DESIGN.md section 4): the suite proves that
 * each of its checks can fail by running the reference implementation with one bug switched on and
 * expecting the intended scenario to fail with the intended requirement ID.
 *
 * <p>This package sits at the bottom of the layering, beside {@link org.sss.core.time}: it imports
 * nothing of the core, and every layer may read it. A bug is switched on only through
 * {@code HostConfig.Builder#protocolBugs} (a test API) or the hidden {@code --bug NAME} option of
 * {@code sss serve}; each one is a single, clearly marked branch at the point of misbehaviour
 * ({@code // PROTOCOL BUG NAME}), which costs one bit test when the bug is off.
 *
 * <p>Three bugs crash or hang the host on bad input, for the UDP fuzzer's self-test
 * (conformance/FUZZING.md): a crash throws {@link org.sss.core.misbehaviour.ProtocolBugCrash}, an
 * {@link Error} that the transport's receive loop does not survive (it closes the socket), and a hang
 * stalls the event loop ({@link org.sss.core.misbehaviour.ProtocolBugs#stall()}).
 */
package org.sss.core.misbehaviour;
