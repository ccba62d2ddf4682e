/**
 * Sans-I/O HELLO / COOKIE / INITIATE negotiation (SPEC.md section 5): a stateless responder with
 * rotating minute keys and a cookie replay cache, and an initiator state machine with
 * retransmission timers. Produces {@link org.sss.core.negotiation.NegotiatedChannel}s.
 */
package org.sss.core.negotiation;
