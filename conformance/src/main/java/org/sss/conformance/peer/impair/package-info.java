/**
 * The tester peer's seedable impairment layer (DESIGN.md section 7, "Real parts"): loss with
 * bursts, duplication, reordering, corruption and delay, described per direction, decided by a
 * {@link java.util.Random} seeded from the scenario's printed seed so that a run replays the same
 * decisions, and applied to real datagrams on the peer's real UDP socket.
 */
package org.sss.conformance.peer.impair;
