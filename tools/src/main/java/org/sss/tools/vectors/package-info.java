/**
 * Checks the committed test vectors against the reference implementation, one checker per vector area.
 */
package org.sss.tools.vectors;
