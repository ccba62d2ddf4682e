package org.sss.conformance.fuzz;

/** The target failed the oracle before the fuzzer sent anything: a wrong address or key, or it is down. */
public final class TargetNotLiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TargetNotLiveException(String message) {
        super(message);
    }
}
