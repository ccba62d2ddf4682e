/**
 * Congestion control and pacing for one channel (SPEC.md section 6.6): the {@link
 * org.sss.core.channel.cc.CongestionController} interface, NewReno, CUBIC and LEDBAT side by side, and the pacer.
 */
package org.sss.core.channel.cc;
