package org.sss.tools.capture;

import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;
import org.sss.core.testservices.TestServices;

/** One stream carrying 200 KiB to the discard service, FIN, then CLOSE. */
final class BulkWorkload implements Workload {
    static final int SIZE = 160 * 1024;

    @Override
    public String name() {
        return "bulk";
    }

    @Override
    public String description() {
        return "one stream to the discard service carrying " + SIZE / 1024 + " KiB in full-size MESSAGEs, "
                + "ACKs and flow-control credit coming back, FIN, then CLOSE";
    }

    @Override
    public void run(CaptureSession session) throws Exception {
        SecureChannel channel = session.connect();
        Stream stream = StreamSteps.open(channel, TestServices.DISCARD);
        StreamSteps.write(stream, StreamSteps.bytes(session, SIZE));
        CaptureSession.await(stream.finish(), "every byte and the FIN to be acknowledged");
        StreamSteps.close(channel, "capture: bulk done");
    }
}
