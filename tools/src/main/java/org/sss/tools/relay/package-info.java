/** A loopback UDP relay between initiators and one responder, with a hook that sees and may drop each datagram. */
package org.sss.tools.relay;
