package org.sss.core.wire;

/**
 * DECONGESTION subtype 2 (Chicago): four RTT statistics in microseconds (u32 each).
 *
 * @param rttHighUs highest RTT
 * @param rttLowUs lowest RTT
 * @param rttAverageUs average RTT
 * @param rttMeanDeviationUs mean deviation of the RTT
 */
public record ChicagoFeedback(long rttHighUs, long rttLowUs, long rttAverageUs, long rttMeanDeviationUs)
        implements FeedbackBody {
    /** Checks the field widths. */
    public ChicagoFeedback {
        Wire.u32(rttHighUs, "rttHighUs");
        Wire.u32(rttLowUs, "rttLowUs");
        Wire.u32(rttAverageUs, "rttAverageUs");
        Wire.u32(rttMeanDeviationUs, "rttMeanDeviationUs");
    }

    @Override
    public CongestionFeedback subtype() {
        return CongestionFeedback.CHICAGO;
    }
}
