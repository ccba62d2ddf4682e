/**
 * NaCl-compatible cryptography of SSS: X25519, HSalsa20, XSalsa20-Poly1305 (secretbox and box), the
 * protocol's nonces and its SHA-512 key derivations, each behind a small interface of its own.
 *
 * <p>See SPEC.md section 4 (Cryptography). The default provider is Bouncy Castle's lightweight API;
 * nothing here registers a JCE provider.
 */
package org.sss.core.crypto;
