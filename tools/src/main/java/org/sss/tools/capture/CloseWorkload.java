package org.sss.tools.capture;

import java.nio.charset.StandardCharsets;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;
import org.sss.core.testservices.TestServices;

/** Two ways a channel ends: CLOSE with NO_ERROR and a reason, and CLOSE with an application error. */
final class CloseWorkload implements Workload {
    static final long APPLICATION_ERROR = 0x10001;

    @Override
    public String name() {
        return "close";
    }

    @Override
    public String description() {
        return "a channel closed with NO_ERROR and a reason while an echo stream is finished, and a second channel "
                + "closed with application error 0x10001";
    }

    @Override
    public void run(CaptureSession session) throws Exception {
        SecureChannel first = session.connect();
        Stream echo = StreamSteps.open(first, TestServices.ECHO);
        byte[] bye = "bye".getBytes(StandardCharsets.UTF_8);
        CaptureSession.await(echo.write(bye), "the last bytes");
        echo.finish();
        StreamSteps.expectEcho(bye, StreamSteps.readAll(echo), "the echo");
        StreamSteps.close(first, "capture: closing normally");
        SecureChannel second = session.connect(session.newPath());
        CaptureSession.await(second.ping(), "the PING");
        CaptureSession.await(second.closeWithApplicationError(APPLICATION_ERROR, "capture: application error"),
                "the channel to close with an application error");
    }
}
