package org.sss.core.negotiation;

import java.util.Objects;
import org.sss.core.wire.DropReason;

/**
 * A negotiation packet was dropped silently (nothing is sent in reply, NEG-ERR-1) and counted
 * under its verdict in the {@link org.sss.core.wire.DropCounters}. The same outcome for every
 * entry point of the {@link Responder} and the {@link Initiator}.
 *
 * @param reason the verdict of SPEC.md section 13
 * @param detail what exactly was wrong, for logs and test reports
 */
public record Dropped(DropReason reason, String detail)
        implements HelloOutcome, InitiateOutcome, CookieOutcome, FirstMessageOutcome {

    /** Checks that both parts are present. */
    public Dropped {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
