package org.sss.tools.capture;

import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;
import org.sss.core.testservices.TestServices;

/** An echo transfer through a relay that drops a seeded share of the datagrams both ways. */
final class LossWorkload implements Workload {
    static final int SIZE = 32 * 1024;
    static final double LOSS_PERCENT = 8;

    @Override
    public String name() {
        return "loss";
    }

    @Override
    public String description() {
        return SIZE / 1024 + " KiB echoed through a relay that drops " + (int) LOSS_PERCENT + " % of the datagrams "
                + "each way (seeded): gaps in the ACK ranges and retransmitted STREAM data at the same offsets";
    }

    @Override
    public double defaultLossPercent() {
        return LOSS_PERCENT;
    }

    @Override
    public void run(CaptureSession session) throws Exception {
        SecureChannel channel = session.connect();
        Stream echo = StreamSteps.open(channel, TestServices.ECHO);
        byte[] data = StreamSteps.bytes(session, SIZE);
        StreamSteps.write(echo, data);
        echo.finish();
        StreamSteps.expectEcho(data, StreamSteps.readAll(echo), "the echo under loss");
        StreamSteps.close(channel, "capture: loss done");
    }
}
