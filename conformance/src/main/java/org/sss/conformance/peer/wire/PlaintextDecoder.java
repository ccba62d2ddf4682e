package org.sss.conformance.peer.wire;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.util.ArrayList;
import java.util.List;
import org.sss.spec.kaitai.Sss;

/** Reads a whole message plaintext (SPEC.md 6.2) with the Kaitai parser into records. */
public final class PlaintextDecoder {
    private PlaintextDecoder() {
    }

    /**
     * Parses {@code plaintext}.
     *
     * @throws RuntimeException what Kaitai throws on a plaintext it rejects
     */
    public static DecodedPlaintext decode(byte[] plaintext) {
        Sss.MessagePlaintext m = new Sss.MessagePlaintext(new ByteBufferKaitaiStream(plaintext));
        PacketHeader header = header(m.header());
        List<PeerFrame> frames = new ArrayList<>();
        for (Sss.Frame f : m.frames()) {
            frames.add(FrameDecoder.fromKaitai(f));
        }
        return new DecodedPlaintext(header, frames, m.ignoredAfterClose(), m);
    }

    /**
     * The record of a header read by the Kaitai parser; {@code packetNumber} holds the low bits the
     * header carries, which only the nonce counter completes (CHN-HDR-5).
     */
    public static PacketHeader header(Sss.PacketHeader h) {
        int flags = (int) h.reserved() << 5 | (h.isFecLast() ? PacketHeader.IS_FEC_LAST : 0)
                | (int) h.seqSizeCode() << 2 | (h.hasFecGroup() ? PacketHeader.HAS_FEC_GROUP : 0)
                | (h.hasVersion() ? PacketHeader.HAS_VERSION : 0);
        return new PacketHeader(flags, h.version() == null ? 0 : h.version(), h.packetNumberLow());
    }
}
