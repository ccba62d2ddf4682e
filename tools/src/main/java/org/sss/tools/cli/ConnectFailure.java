package org.sss.tools.cli;

/**
 * Why {@code sss connect} gave up after its command line was accepted: the channel could not be
 * negotiated, the service refused, the stream was reset, or the peer fell silent past the timeout.
 * It ends the command with exit code 1.
 */
final class ConnectFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ConnectFailure(String message) {
        super(message);
    }

    ConnectFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
