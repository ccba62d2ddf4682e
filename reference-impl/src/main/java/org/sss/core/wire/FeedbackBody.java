package org.sss.core.wire;

/**
 * The subtype-specific body of a {@link DecongestionFrame}.
 */
public sealed interface FeedbackBody permits CubicFeedback, ChicagoFeedback, LedbatFeedback, InterArrivalFeedback {
    /** The DECONGESTION subtype this body belongs to. */
    CongestionFeedback subtype();
}
