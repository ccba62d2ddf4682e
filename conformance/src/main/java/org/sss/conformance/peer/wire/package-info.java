/**
 * The tester peer's wire format: plain immutable records for packet headers and every frame of
 * SPEC.md section 7, an encoder that writes exactly what the records say (it validates nothing, so
 * that scenarios can send wrong-on-purpose bytes), padding per section 6.2, packet layouts of
 * sections 5 and 6, service messages of section 9, and decoders that read through the Kaitai parser
 * generated from {@code sss.ksy} ({@link org.sss.spec.kaitai.Sss}).
 */
package org.sss.conformance.peer.wire;
