package org.sss.core.channel;

import org.sss.core.wire.ErrorCode;

/**
 * How a channel ended, as {@link ChannelListener#onClosed} reports it.
 *
 * @param origin who or what ended it
 * @param errorCode the raw u32 error code (IDLE_TIMEOUT for an idle timeout)
 * @param reason the reason text of the CLOSE, or a local description
 */
public record ChannelClosure(CloseOrigin origin, long errorCode, String reason) {

    /**
     * The error code to show.
     * SPEC FRM-CLOSE-5: an unknown code below 0x10000 is presented as INTERNAL_ERROR.
     */
    public ErrorCode displayCode() {
        return ErrorCode.forDisplay(errorCode);
    }
}
