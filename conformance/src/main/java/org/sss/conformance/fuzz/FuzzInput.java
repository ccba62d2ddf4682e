package org.sss.conformance.fuzz;

/**
 * One packet the fuzzer sends, as the seed it is generated from: the bytes follow from the seed and
 * the session it is sent in (a cookie, a packet number), so that a batch of inputs can be sent again
 * to a fresh target and shrunk.
 *
 * @param stage where it is sent
 * @param seed the seed of its generator
 */
public record FuzzInput(Stage stage, long seed) {
}
