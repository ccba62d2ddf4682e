package org.sss.conformance.check;

import java.util.List;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * A message plaintext split by the Kaitai parser into its header and frames, each frame with its
 * offset and its exact bytes, up to the first fault, and the bytes after a CLOSE frame.
 *
 * @param plaintext the whole plaintext
 * @param header the header, or null when it did not parse
 * @param frames the frames that parsed, in order
 * @param fault where and why parsing stopped, or null when the whole plaintext parsed
 * @param afterClose the bytes that follow a CLOSE frame (empty when there is none)
 */
public record Dissection(byte[] plaintext, PacketHeader header, List<Slice> frames, Fault fault,
        byte[] afterClose) {
    /** Copies the arrays and the list. */
    public Dissection {
        plaintext = plaintext.clone();
        frames = List.copyOf(frames);
        afterClose = afterClose.clone();
    }

    /**
     * One frame.
     *
     * @param offset where its type byte is in the plaintext
     * @param bytes its bytes, type byte included
     * @param frame the decoded record
     */
    public record Slice(int offset, byte[] bytes, PeerFrame frame) {
        /** Copies the bytes. */
        public Slice {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /**
     * Why the parser stopped.
     *
     * @param offset where the header or frame at fault starts
     * @param inHeader whether the header is at fault (else a frame)
     * @param message the parser's message, which names the field of {@code sss.ksy} that failed
     */
    public record Fault(int offset, boolean inHeader, String message) {
        /** Whether the parser rejected the field at {@code ksyPath} (for example {@code /types/packet_header/seq/0}). */
        public boolean at(String ksyPath) {
            return message != null && message.contains(ksyPath);
        }
    }

    @Override
    public byte[] plaintext() {
        return plaintext.clone();
    }

    @Override
    public byte[] afterClose() {
        return afterClose.clone();
    }

    /** The decoded frames, in order. */
    public List<PeerFrame> frameRecords() {
        return frames.stream().map(Slice::frame).toList();
    }

    /** Whether the header and every frame parsed. */
    public boolean isWellFormed() {
        return header != null && fault == null;
    }
}
