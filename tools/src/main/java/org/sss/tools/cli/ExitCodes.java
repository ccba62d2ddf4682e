package org.sss.tools.cli;

/**
 * The exit codes of every {@code sss} command. The {@code *_LINE} constants are the lines of the
 * usage footer that documents them ({@code code:description}, picocli's exit-code list format).
 */
public final class ExitCodes {

    /** The command did its job; with {@code --check}, everything it checks is up to date. */
    public static final int OK = 0;
    /** A check failed: with {@code --check}, a generated file differs from what its source yields. */
    public static final int CHECK_FAILED = 1;
    /** The command line is wrong: an unknown verb or option, a missing argument. */
    public static final int USAGE = 2;
    /** An input is missing or invalid, e.g. SPEC.md names a type sss.ksy lacks; every problem is listed. */
    public static final int BAD_INPUT = 3;
    /** Anything else: an I/O failure or a bug; a stack trace follows. */
    public static final int INTERNAL = 4;

    static final String OK_LINE = "0:done; with --check, everything is up to date";
    static final String CHECK_FAILED_LINE = "1:--check found a generated file out of date";
    static final String VECTORS_OK_LINE = "0:every test vector passed";
    static final String VECTORS_FAILED_LINE = "1:a test vector failed, or a file's area has no checker";
    static final String ANY_OK_LINE = "0:done; every check passed";
    static final String ANY_CHECK_FAILED_LINE =
            "1:a check failed: --check found a generated file out of date, or a test vector failed";
    static final String USAGE_LINE = "2:usage error (unknown command or option, missing argument)";
    static final String BAD_INPUT_LINE = "3:an input file is missing or invalid; every problem is listed";
    static final String INTERNAL_LINE = "4:internal error (I/O failure or bug); a stack trace follows";
    static final String HEADING = "%nExit codes:%n";

    private ExitCodes() {
    }
}
