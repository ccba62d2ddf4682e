/**
 * The sans-I/O SSS channel (SPEC.md section 6): MESSAGE sealing and opening, replay window, packet
 * header rules, acknowledgements, RTT estimation, loss detection and probing, congestion control
 * (through {@link org.sss.core.channel.cc}), SETTINGS, PING, close, idle timeout and rotation;
 * datagrams and time go in, datagrams and listener events come out.
 */
package org.sss.core.channel;
