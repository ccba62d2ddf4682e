package org.sss.tools.capture;

import java.io.ByteArrayOutputStream;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;
import org.sss.core.testservices.TestServices;

/** A stream that moves to a second channel to the same responder halfway through (SPEC.md 8.9). */
final class DetachAttachWorkload implements Workload {
    static final int HALF = 8 * 1024;

    @Override
    public String name() {
        return "detach-attach";
    }

    @Override
    public String description() {
        return "two channels to the same responder (the second from another address); an echo stream sends "
                + HALF / 1024 + " KiB on the first, attaches to the second (STREAM frames with the USID) and sends "
                + HALF / 1024 + " KiB more there; the echo follows it";
    }

    @Override
    public void run(CaptureSession session) throws Exception {
        SecureChannel first = session.connect();
        SecureChannel second = session.connect(session.newPath());
        Stream echo = StreamSteps.open(first, TestServices.ECHO);
        byte[] before = StreamSteps.bytes(session, HALF);
        byte[] after = StreamSteps.bytes(session, HALF);
        StreamSteps.write(echo, before);
        byte[] echoedBefore = StreamSteps.read(echo, HALF);
        CaptureSession.await(echo.attach(second), "the attach to the second channel");
        StreamSteps.write(echo, after);
        echo.finish();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(echoedBefore);
        all.writeBytes(StreamSteps.readAll(echo));
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        sent.writeBytes(before);
        sent.writeBytes(after);
        StreamSteps.expectEcho(sent.toByteArray(), all.toByteArray(), "the echo across the attach");
        StreamSteps.close(second, "capture: detach-attach done");
        StreamSteps.close(first, "capture: detach-attach done");
    }
}
