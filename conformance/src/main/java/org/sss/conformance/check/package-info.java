/**
 * The packet checker: every datagram the implementation under test sends to a tester peer is judged
 * against the sender-side requirements of SPEC.md that a single datagram, or the logged exchange in
 * both directions, lets an observer decide. Each {@link org.sss.conformance.check.PacketRule} is named
 * by the requirement ID it enforces; a broken rule yields a
 * {@link org.sss.conformance.check.Violation} with the packet in hex and its
 * {@link org.sss.conformance.check.Dissector dissection}. The scenario glue runs every rule after
 * every scenario, so that no scenario can pass while the IUT sent a malformed or illegal packet.
 */
package org.sss.conformance.check;
