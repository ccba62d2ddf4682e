package org.sss.core.wire;

import java.util.List;
import java.util.OptionalLong;

/**
 * SETTINGS (type 8): the sender's own limits and preferences, sent once per side as the first frame.
 * Layout: type, u16 count, entries with strictly ascending tags.
 *
 * @param settings the entries, tags strictly ascending, at most 65535
 */
public record SettingsFrame(List<Setting> settings) implements Frame {
    /** Checks the count and the order. */
    public SettingsFrame {
        settings = List.copyOf(Wire.present(settings, "settings"));
        if (settings.size() > WireLimits.MAX_U16) {
            throw new IllegalArgumentException("settings has " + settings.size() + " entries; at most 65535");
        }
        for (int i = 1; i < settings.size(); i++) {
            // SPEC FRM-SET-2: tags strictly ascending, no duplicates
            if (settings.get(i).tag() <= settings.get(i - 1).tag()) {
                throw new IllegalArgumentException("settings: tag " + settings.get(i).tag()
                        + " does not ascend from " + settings.get(i - 1).tag());
            }
        }
    }

    /** The value of a known tag, if present. */
    public OptionalLong get(SettingsTag tag) {
        for (Setting setting : settings) {
            if (setting.tag() == tag.code()) {
                return OptionalLong.of(setting.numericValue());
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public FrameType type() {
        return FrameType.SETTINGS;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onSettings(this);
    }
}
