/**
 * {@code sss dissect}: reads a pcap capture of SSS traffic, names each UDP datagram's packet kind,
 * checks its length against SPEC.md 3.3, and, with a keylog, opens MESSAGE boxes and shows the
 * decrypted header and frames (parsed by the conformance suite's Kaitai-based dissector).
 */
package org.sss.tools.dissect;
