/**
 * Captured traffic played back to a live implementation: a pcap reader (Pcap4J over the system's libpcap, with a
 * plain reader of the format when libpcap does not load) and a {@link org.sss.conformance.replay.Replayer} that sends
 * a chosen subset of a capture's datagrams to a target with the capture's timing preserved, compressed, or as fast
 * as possible, and collects what comes back.
 */
package org.sss.conformance.replay;
