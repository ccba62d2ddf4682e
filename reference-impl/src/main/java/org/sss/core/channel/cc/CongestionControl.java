package org.sss.core.channel.cc;

/**
 * The congestion-control algorithms a channel may use (SPEC.md section 6.6): NewReno is the
 * mandatory baseline (CHN-CC-1), CUBIC the reference implementation's default and LEDBAT a
 * less-than-best-effort choice for background transfers (CHN-CC-2).
 */
public enum CongestionControl {
    /** CUBIC (RFC 9438); the default. */
    CUBIC,
    /** NewReno (RFC 9002 section 7). */
    NEWRENO,
    /** LEDBAT-style delay-based control (RFC 6817). */
    LEDBAT;

    /** A new controller of this algorithm at the initial window. */
    public CongestionController create() {
        switch (this) {
            case NEWRENO:
                return new NewReno();
            case LEDBAT:
                return new Ledbat();
            case CUBIC:
            default:
                return new Cubic();
        }
    }
}
