/**
 * {@code sss dissect}: reads a pcap capture of SSS traffic, names each UDP datagram's packet kind,
 * checks its length and magic against SPEC.md 3.1 and 3.3, and, with a keylog, opens INITIATE and
 * MESSAGE boxes and shows the decrypted header and frames (parsed by the conformance suite's
 * Kaitai-based dissector). Every opened plaintext, whichever end sent it, is checked against the
 * encoding rules of SPEC.md 6.2, 6.3 and 7 ({@link org.sss.tools.dissect.PlaintextChecks}), and every
 * channel whose INITIATE the capture holds against the conformance suite's exchange rules, which judge
 * the responder ({@link org.sss.tools.dissect.ChannelChecks}); each breach is a mark with its
 * requirement ID on the datagram it concerns.
 */
package org.sss.tools.dissect;
