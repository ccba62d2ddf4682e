package org.sss.conformance.peer.impair;

/**
 * What the link did to one datagram.
 *
 * @param index the datagram's position in its direction, from 0
 * @param lost whether it was dropped
 * @param duplicated whether a second copy was delivered right after it
 * @param reordered whether it was held back so that later datagrams overtook it
 * @param corruptedBit the bit flipped in every delivered copy (0 is the most significant bit of
 *     byte 0), or -1
 * @param delayNanos how long after it was offered it was delivered (the first copy)
 */
public record ImpairmentDecision(long index, boolean lost, boolean duplicated, boolean reordered, long corruptedBit,
        long delayNanos) {
    /** A short description: {@code #12 lost}, {@code #40 dup+corrupt bit 813+delay 20.0ms}, {@code #7 clean}. */
    @Override
    public String toString() {
        if (lost) {
            return "#" + index + " lost";
        }
        StringBuilder b = new StringBuilder("#").append(index).append(' ');
        String sep = "";
        if (duplicated) {
            b.append("dup");
            sep = "+";
        }
        if (reordered) {
            b.append(sep).append("reorder");
            sep = "+";
        }
        if (corruptedBit >= 0) {
            b.append(sep).append("corrupt bit ").append(corruptedBit);
            sep = "+";
        }
        if (delayNanos > 0) {
            b.append(sep).append(String.format("delay %.1fms", delayNanos / 1e6));
            sep = "+";
        }
        return sep.isEmpty() ? b.append("clean").toString() : b.toString();
    }
}
