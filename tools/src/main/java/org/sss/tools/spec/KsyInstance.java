package org.sss.tools.spec;

/**
 * A value instance of a Kaitai type: a derived value, not bytes on the wire.
 *
 * @param id    the instance's name
 * @param value the {@code value} expression as written, whitespace folded; null for a positioned instance
 * @param doc   the {@code doc}, whitespace folded; empty if none
 */
public record KsyInstance(String id, String value, String doc) {
}
