/**
 * The tester peer's own cryptography (SPEC.md section 4), built on Bouncy Castle's X25519, XSalsa20
 * and Poly1305 and a 20-round HSalsa20 core written from the spec: NaCl box and secretbox in the
 * {@code tag ‖ ciphertext} layout, the nonce prefixes of section 4.3 and the key derivations of
 * sections 4.5 and 4.6. Independent of the reference implementation on purpose.
 */
package org.sss.conformance.peer.crypto;
