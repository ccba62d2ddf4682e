/**
 * {@code sss interop}: runs the initiator-role exchanges between implementations given by their
 * contract commands (conformance/IUT.md), through a UDP relay that records and checks every datagram,
 * and prints a matrix of initiators against responders.
 */
package org.sss.tools.interop;
