/**
 * Coverage-guided fuzz tests of the reference implementation (Jazzer's JUnit 5 integration): the
 * packet decoder and the host's demultiplexer, the frame decoder, the negotiation handlers, stream
 * reassembly, and a channel fed encrypted MESSAGEs whose frames the fuzzer chooses.
 *
 * <p>A normal build ({@code mvn verify}) runs each {@code @FuzzTest} once per file of its committed
 * seed corpus, {@code src/test/resources/org/sss/core/fuzz/<TestClass>Inputs/<method>/} (extracted
 * from spec/vectors by {@link org.sss.core.fuzz.SeedCorpus}, plus crashing inputs kept as
 * regression tests), and once on an empty input. Fuzzing runs one target per JVM, from the
 * repository root, for example:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl reference-impl test -Dtest='ResponderFuzzTest#initiate' -Djazzer.max_duration=30m
 * </pre>
 *
 * <p>The generated corpus goes to {@code reference-impl/.cifuzz-corpus/<TestClass>/<method>/} and is
 * reused by the next run; a finding stops the run, is saved into the target's {@code Inputs}
 * directory and from then on fails the normal build until it is fixed.
 */
package org.sss.core.fuzz;
