/**
 * Checks the committed test vectors against the reference implementation, one checker per vector
 * area; handshake.json is replayed through the real Responder, Initiator and Channel.
 */
package org.sss.tools.vectors;
