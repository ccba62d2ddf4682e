package org.sss.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A unique stream ID: the ID of the channel on which the stream was created (16 bytes) and the
 * LSID it had there (u64). Permanent across channels, so unlike other byte fields it owns a copy
 * of its bytes and can be used as a map key.
 *
 * @param channelId the creating channel's ID; 16 bytes, copied on the way in and out
 * @param creationLsid the stream's LSID on the creating channel
 */
public record Usid(byte[] channelId, long creationLsid) {
    /** Length of a channel ID. */
    public static final int CHANNEL_ID_LENGTH = 16;
    /** Encoded length of a USID. */
    public static final int LENGTH = CHANNEL_ID_LENGTH + 8;

    /** Copies the channel ID and checks its length. */
    public Usid {
        Wire.present(channelId, "channelId");
        if (channelId.length != CHANNEL_ID_LENGTH) {
            throw new IllegalArgumentException("channelId must be 16 bytes, got " + channelId.length);
        }
        channelId = channelId.clone();
    }

    /** Reads the 16 bytes of a channel ID from {@code channelId}'s readable bytes. */
    public static Usid of(ByteBuf channelId, long creationLsid) {
        Wire.exactly(channelId, CHANNEL_ID_LENGTH, "channelId");
        return new Usid(ByteBufUtil.getBytes(channelId), creationLsid);
    }

    /** A copy of the channel ID. */
    @Override
    public byte[] channelId() {
        return channelId.clone();
    }

    void writeTo(ByteBuf out) {
        out.writeBytes(channelId);
        out.writeLong(creationLsid);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Usid that
                && creationLsid == that.creationLsid
                && Arrays.equals(channelId, that.channelId);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(channelId) + Long.hashCode(creationLsid);
    }

    @Override
    public String toString() {
        return "Usid[" + HexFormat.of().formatHex(channelId) + "/" + Long.toUnsignedString(creationLsid) + "]";
    }
}
