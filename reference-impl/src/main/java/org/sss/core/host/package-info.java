/** The public API: a host's identity, its UDP socket and its channels. */
package org.sss.core.host;
