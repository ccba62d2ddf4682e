package org.sss.core.negotiation;

import io.netty.buffer.ByteBuf;
import java.util.Objects;
import org.sss.core.wire.FrameCodec;
import org.sss.core.wire.SettingsFrame;

/**
 * Writes the frames of the message carried by an INITIATE (SPEC.md section 5.4). The
 * {@link Initiator} writes the packet header before them (version 1 present, the packet number
 * being the INITIATE's nonce counter) and the zero padding after them; this callback writes
 * everything in between. It is called once per INITIATE sent, retransmissions included, so that
 * each can repeat what is still unacknowledged (NEG-TIMER-5).
 */
@FunctionalInterface
public interface InitiateContent {

    /**
     * Writes frames at the writer index of {@code out}.
     *
     * <p>The first frame MUST be the initiator's SETTINGS frame (NEG-INITIATE-4), repeated
     * unchanged in every INITIATE (FRM-SET-1), and only frame types allowed in INITIATE may
     * follow (NEG-INITIATE-5). The initiator checks the first and throws
     * {@link IllegalStateException} otherwise.
     *
     * @param packetNumber the packet number of this message (the INITIATE's nonce counter)
     * @param out where the frames go
     * @param maxBytes the most bytes that may be written
     */
    void writeFrames(long packetNumber, ByteBuf out, int maxBytes);

    /**
     * The default content: the local SETTINGS frame and nothing else.
     *
     * @param settings the initiator's SETTINGS
     */
    static InitiateContent settingsOnly(SettingsFrame settings) {
        Objects.requireNonNull(settings, "settings");
        return (packetNumber, out, maxBytes) -> FrameCodec.encode(settings, out);
    }
}
