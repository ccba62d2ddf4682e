/**
 * {@code sss capture}: runs the reference implementation through named workloads (and attacks) and
 * records the datagrams of one host as a pcap file, with the key log of both ends (SPEC.md Appendix D),
 * for the corpus in {@code pcaps/}.
 */
package org.sss.tools.capture;
