package org.sss.core.wire;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** Body codec of {@link SettingsFrame}. */
final class SettingsFrameCodec {
    private SettingsFrameCodec() {
    }

    static int encodedLength(SettingsFrame frame) {
        int length = 1 + 2;
        for (Setting setting : frame.settings()) {
            length += 4 + setting.value().readableBytes();
        }
        return length;
    }

    static void encode(SettingsFrame frame, ByteBuf out) {
        out.writeByte(FrameType.SETTINGS.code());
        out.writeShort(frame.settings().size());
        for (Setting setting : frame.settings()) {
            out.writeShort(setting.tag());
            out.writeShort(setting.value().readableBytes());
            Wire.writeBytes(out, setting.value());
        }
    }

    /**
     * Decodes the body.
     * SPEC FRM-GEN-8: each entry in turn: SETTINGS_NOT_ASCENDING on its tag, FRAME_TRUNCATED on its
     * value, then SETTINGS_BAD_VALUE.
     */
    static DecodeResult<Frame> decode(ByteBuf in) {
        if (in.readableBytes() < 2) {
            return DecodeResult.failed(DropReason.FRAME_TRUNCATED,
                    "SETTINGS: count needs 2 bytes, %d remain", in.readableBytes());
        }
        int count = in.readUnsignedShort();
        // sized by what the bytes can hold (4 per entry at least), not by the peer's count alone
        List<Setting> settings = new ArrayList<>(Math.min(count, in.readableBytes() / 4));
        int previousTag = -1;
        for (int i = 0; i < count; i++) {
            if (in.readableBytes() < 2) {
                return DecodeResult.failed(DropReason.FRAME_TRUNCATED,
                        "SETTINGS: entry %d of %d: tag needs 2 bytes, %d remain", i, count, in.readableBytes());
            }
            int tag = in.readUnsignedShort();
            // SPEC FRM-SET-2: tags strictly ascending (so no duplicates)
            if (tag <= previousTag) {
                return DecodeResult.failed(DropReason.SETTINGS_NOT_ASCENDING,
                        "SETTINGS: entry %d tag %d follows tag %d", i, tag, previousTag);
            }
            if (in.readableBytes() < 2) {
                return DecodeResult.failed(DropReason.FRAME_TRUNCATED,
                        "SETTINGS: entry %d (tag %d): length needs 2 bytes, %d remain", i, tag, in.readableBytes());
            }
            int length = in.readUnsignedShort();
            if (in.readableBytes() < length) {
                return DecodeResult.failed(DropReason.FRAME_TRUNCATED,
                        "SETTINGS: entry %d (tag %d) value length %d but %d bytes remain", i, tag, length,
                        in.readableBytes());
            }
            ByteBuf value = in.readSlice(length);
            // SPEC FRM-SET-4: a known tag with the wrong length or an invalid value; FRM-SET-3: unknown tags are kept, unread
            String problem = Setting.valueProblem(tag, value);
            if (problem != null) {
                return DecodeResult.failed(DropReason.SETTINGS_BAD_VALUE, "SETTINGS: entry %d: %s", i, problem);
            }
            settings.add(new Setting(tag, value));
            previousTag = tag;
        }
        return DecodeResult.ok(new SettingsFrame(settings));
    }
}
