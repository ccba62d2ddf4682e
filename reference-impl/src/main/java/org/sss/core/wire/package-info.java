/**
 * The SSS version 1 wire codec: packets, packet headers, frames and service messages as
 * immutable values, with stateless codecs that read and write Netty {@link io.netty.buffer.ByteBuf}s.
 *
 * <p>The layouts are those of {@code spec/sss.ksy}; the tests prove this hand-written codec
 * equal to the Kaitai parser generated from it. Rules that hold for the whole package:
 * <ul>
 *   <li>Every value instance is valid: a constructor rejects a field that the spec forbids with
 *       an {@link IllegalArgumentException} naming the field, so invalid frames cannot be encoded.
 *       Invalid wire input is represented only as bytes.</li>
 *   <li>Decoders never throw on wire input: they return a {@link org.sss.core.wire.DecodeResult},
 *       a value or a {@link org.sss.core.wire.DropReason} with a detail message. Every length is
 *       checked against what remains before anything is read or allocated.</li>
 *   <li>Byte fields of decoded values are non-retained slices of the input buffer (zero copy).
 *       They stay valid while the input buffer does; a consumer that keeps one beyond that copies it
 *       or retains a slice. Values never release buffers, and encoders read them without moving
 *       their reader index. Equality of such fields is by content ({@code ByteBuf.equals}).</li>
 *   <li>Integers are unsigned on the wire and held in the next wider Java type; 64-bit fields are
 *       held in a {@code long} with the same bit pattern and compared with
 *       {@link java.lang.Long#compareUnsigned(long, long)}.</li>
 * </ul>
 */
package org.sss.core.wire;
