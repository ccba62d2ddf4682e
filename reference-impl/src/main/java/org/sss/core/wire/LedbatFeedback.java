package org.sss.core.wire;

import java.util.List;

/**
 * DECONGESTION subtype 3 (LEDBAT): u8 count (at least 1), then that many receive timestamps.
 *
 * @param samples 1..255 samples
 */
public record LedbatFeedback(List<ReceiveTimestamp> samples) implements FeedbackBody {
    /** Checks the sample count. */
    public LedbatFeedback {
        samples = List.copyOf(Wire.present(samples, "samples"));
        if (samples.isEmpty() || samples.size() > 255) {
            throw new IllegalArgumentException("samples must hold 1..255 entries, got " + samples.size());
        }
    }

    @Override
    public CongestionFeedback subtype() {
        return CongestionFeedback.LEDBAT;
    }
}
