package org.sss.core.wire;

import java.util.Optional;

/**
 * CLOSE (type 7): closes the whole channel at once. Layout: type, u32 error code, string reason,
 * then a complete ACK frame including its type byte 0x02. CLOSE is the last frame processed in its packet.
 *
 * @param errorCode the raw error code (u32); see {@link #knownErrorCode()}
 * @param reason human-readable reason
 * @param finalAck the closing side's final acknowledgement
 */
public record CloseFrame(long errorCode, String reason, AckFrame finalAck) implements Frame {
    /** Checks the field widths and the reason. */
    public CloseFrame {
        Wire.u32(errorCode, "errorCode");
        Utf8.checkEncodable(reason, "reason");
        Wire.present(finalAck, "finalAck");
    }

    /** The error code when version 1 defines it. */
    public Optional<ErrorCode> knownErrorCode() {
        return ErrorCode.lookup(errorCode);
    }

    @Override
    public FrameType type() {
        return FrameType.CLOSE;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onClose(this);
    }
}
