/**
 * Checks the committed test vectors against the reference implementation, one checker per vector
 * area; handshake.json is replayed by a responder and an initiator built on the production codecs.
 */
package org.sss.tools.vectors;
