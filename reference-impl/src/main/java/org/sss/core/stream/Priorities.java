package org.sss.core.stream;

/** Priority values (SPEC.md section 8.8): a u32, 0 the most urgent. */
public final class Priorities {
    /** SPEC STR-PRIO-1: a top-level stream starts at 2^31. */
    public static final long DEFAULT = 0x8000_0000L;
    /** The least urgent value. */
    public static final long LOWEST = 0xFFFF_FFFFL;

    private Priorities() {
    }

    /**
     * Checks an application's priority value.
     *
     * @throws IllegalArgumentException outside 0 to 2^32 − 1
     */
    public static long check(long priority) {
        if (priority < 0 || priority > LOWEST) {
            throw new IllegalArgumentException("priority must be in [0, 2^32-1], got " + priority);
        }
        return priority;
    }
}
