/**
 * The conformance suite's tester peer: a small, deliberately plain SSS initiator over a raw UDP
 * socket that scenarios drive byte by byte (DESIGN.md section 4). It writes with its own encoder
 * ({@code .wire}), seals with its own crypto ({@code .crypto}) and reads through the Kaitai parser
 * generated from {@code sss.ksy}; it never uses the reference implementation.
 */
package org.sss.conformance.peer;
