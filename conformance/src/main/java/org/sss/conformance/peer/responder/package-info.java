/**
 * The tester peer in the responder role (conformance/IUT.md section 2): a plain SSS responder on a
 * raw UDP socket, built from the suite's own crypto and codecs (never {@code org.sss.core}), that
 * serves the four test services of SPEC.md Appendix A to an initiator IUT, logs every datagram, and
 * checks everything the initiator sends against the spec.
 */
package org.sss.conformance.peer.responder;
