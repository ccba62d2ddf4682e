/**
 * The UDP fuzzer of the conformance suite (conformance/FUZZING.md): packets generated from the wire
 * grammar of SPEC.md and mutated, sent to any target of the IUT contract in two stages (before the
 * handshake, and inside a real channel as validly encrypted MESSAGEs), with a liveness oracle after
 * every batch, delta debugging of failing batches and reproducers (pcap, keylog, seed) on disk.
 * Like the rest of the suite's main code it never uses the reference implementation.
 */
package org.sss.conformance.fuzz;
