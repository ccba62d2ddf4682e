package org.sss.core.wire;

import java.util.Optional;

/**
 * RESET (type 6): aborts a stream in both directions. Layout: type, u32 LSID, u32 error code, string reason.
 *
 * @param lsid the stream's LSID
 * @param errorCode the raw error code (u32); see {@link #knownErrorCode()}
 * @param reason human-readable reason, UTF-8 on the wire
 */
public record ResetFrame(long lsid, long errorCode, String reason) implements Frame {
    /** Checks the field widths and the reason. */
    public ResetFrame {
        Wire.u32(lsid, "lsid");
        Wire.u32(errorCode, "errorCode");
        Utf8.checkEncodable(reason, "reason");
    }

    /** The error code when version 1 defines it. */
    public Optional<ErrorCode> knownErrorCode() {
        return ErrorCode.lookup(errorCode);
    }

    @Override
    public FrameType type() {
        return FrameType.RESET;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onReset(this);
    }
}
