package org.sss.core.channel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.CloseFrame;
import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameCodec;
import org.sss.core.wire.SettingsFrame;

/**
 * The rules on a well-formed packet's frames that depend on where it came from and on channel
 * state, and that end in PROTOCOL_VIOLATION rather than a verdict: where SETTINGS may stand and
 * whether it changed, which frames INITIATE may carry, and whether each ACK is plausible. The
 * whole packet is checked before any of its frames acts (FRM-GEN-7).
 */
final class InboundRules {
    private InboundRules() {
    }

    /**
     * What in {@code frames} breaks a rule, or {@code null}.
     *
     * @param frames the packet's frames in order
     * @param kind where the packet came from
     * @param firstPeerSettings the encoding of the first SETTINGS accepted from the peer, or null
     * @param sent this end's sent packets, against which ACKs are judged
     */
    static String problem(List<Frame> frames, PacketKind kind, byte[] firstPeerSettings, SentPacketLog sent) {
        if (kind.requiresSettingsFirst() && (frames.isEmpty() || !(frames.get(0) instanceof SettingsFrame))) {
            // SPEC NEG-INITIATE-6, NEG-IPROC-3: the first packet begins with the peer's SETTINGS
            return (kind.isInitiate() ? "NEG-INITIATE-6: the INITIATE message" : "NEG-IPROC-3: the first MESSAGE")
                    + " does not begin with SETTINGS";
        }
        for (int i = 0; i < frames.size(); i++) {
            Frame frame = frames.get(i);
            String problem = null;
            if (kind.isInitiate() && !FrameRules.isAllowedInInitiate(frame.type())) {
                // SPEC NEG-INITIATE-6: only frame types that section 7.0 allows in INITIATE
                problem = "NEG-INITIATE-6: " + frame.type() + " is not allowed in INITIATE";
            } else if (frame instanceof SettingsFrame settings) {
                problem = settingsProblem(settings, i, firstPeerSettings);
            } else if (frame instanceof AckFrame ack) {
                problem = ackProblem(ack, sent);
            } else if (frame instanceof CloseFrame close) {
                problem = ackProblem(close.finalAck(), sent);
            }
            if (problem != null) {
                return "frame " + i + ": " + problem;
            }
        }
        return null;
    }

    private static String settingsProblem(SettingsFrame settings, int index, byte[] firstPeerSettings) {
        // SPEC FRM-SET-7: SETTINGS only as the first frame, and unchanged from the first one accepted
        if (index != 0) {
            return "FRM-SET-7: SETTINGS is not the first frame of its packet";
        }
        if (firstPeerSettings != null && !Arrays.equals(encode(settings), firstPeerSettings)) {
            return "FRM-SET-7: SETTINGS differs from the first SETTINGS accepted";
        }
        return null;
    }

    private static String ackProblem(AckFrame ack, SentPacketLog sent) {
        String problem = sent.problem(ack, AckedSegments.of(ack));
        return problem == null ? null : "CHN-ACK-10/11: " + problem;
    }

    /** The wire bytes of a SETTINGS frame, type byte included, for FRM-SET-7 and FRM-SET-8. */
    static byte[] encode(SettingsFrame settings) {
        ByteBuf out = Unpooled.buffer(FrameCodec.encodedLength(settings));
        FrameCodec.encode(settings, out);
        return ByteBufUtil.getBytes(out);
    }
}
