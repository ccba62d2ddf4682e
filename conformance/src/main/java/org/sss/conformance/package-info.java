/**
 * The conformance suite: an independent oracle that judges any SSS implementation over UDP; it
 * reads the wire through the Kaitai parser of {@code sss-spec} and never uses {@code org.sss.core}.
 */
package org.sss.conformance;
