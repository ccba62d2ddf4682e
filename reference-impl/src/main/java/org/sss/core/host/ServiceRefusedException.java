package org.sss.core.host;

/** A connect or list request was answered with a status other than OK (SPEC.md section 9.4). */
public final class ServiceRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long status;

    /**
     * @param status the reply's status (an unknown value counts as REFUSED, SVC-STATUS-1)
     * @param message the reply's message
     */
    public ServiceRefusedException(long status, String message) {
        super("service request refused with status " + status + (message == null || message.isEmpty() ? ""
                : ": " + message));
        this.status = status;
    }

    /** The reply's status value. */
    public long status() {
        return status;
    }
}
