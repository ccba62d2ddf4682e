package org.sss.core.wire;

import java.util.Optional;

/**
 * GOAWAY (type 13): graceful close; no new peer streams after {@code lastPeerLsid}.
 * Layout: type, u32 last peer LSID, u32 error code, string reason.
 *
 * @param lastPeerLsid the last peer-opened LSID that will be processed
 * @param errorCode the raw error code (u32)
 * @param reason human-readable reason
 */
public record GoawayFrame(long lastPeerLsid, long errorCode, String reason) implements Frame {
    /** Checks the field widths and the reason. */
    public GoawayFrame {
        Wire.u32(lastPeerLsid, "lastPeerLsid");
        Wire.u32(errorCode, "errorCode");
        Utf8.checkEncodable(reason, "reason");
    }

    /** The error code when version 1 defines it. */
    public Optional<ErrorCode> knownErrorCode() {
        return ErrorCode.lookup(errorCode);
    }

    @Override
    public FrameType type() {
        return FrameType.GOAWAY;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onGoaway(this);
    }
}
