package org.sss.tools.dissect;

/**
 * How {@code sss dissect} prints a capture.
 *
 * @param json JSON for machines, else text for people
 * @param hex add each datagram's bytes and each opened plaintext as hex
 * @param onlyViolations print only the datagrams that break a requirement
 */
public record DissectOptions(boolean json, boolean hex, boolean onlyViolations) {
}
