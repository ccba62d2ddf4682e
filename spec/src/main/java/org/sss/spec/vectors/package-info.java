/**
 * The test vectors' model: loading the vector files, reading their inputs with the Kaitai parser
 * generated from {@code sss.ksy}, and comparing field trees. Depends only on the spec itself, so
 * the reference implementation, the conformance suite and third-party tools can share it.
 */
package org.sss.spec.vectors;
