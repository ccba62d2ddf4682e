package org.sss.tools.capture;

import java.util.ArrayList;
import java.util.List;
import org.sss.core.host.ReceivedRecord;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;
import org.sss.core.testservices.TestServices;

/** Records on an echo stream (boundaries kept), then datagrams to the datagram-echo service. */
final class RecordsDatagramsWorkload implements Workload {
    private static final int[] RECORD_SIZES = {1, 40, 700, 3000, 5, 90};
    private static final int[] DATAGRAM_SIZES = {16, 200, 900};

    @Override
    public String name() {
        return "records-datagrams";
    }

    @Override
    public String description() {
        return "records of 1 to 3000 bytes on an echo stream, echoed with their boundaries (STREAM frames with "
                + "the record flag), then best-effort datagrams (ephemeral substreams) to datagram-echo and back";
    }

    @Override
    public void run(CaptureSession session) throws Exception {
        SecureChannel channel = session.connect();
        Stream echo = StreamSteps.open(channel, TestServices.ECHO);
        List<byte[]> records = new ArrayList<>();
        for (int size : RECORD_SIZES) {
            byte[] record = StreamSteps.bytes(session, size);
            records.add(record);
            CaptureSession.await(echo.writeRecord(record), "a record of " + size + " bytes");
        }
        echo.finish();
        for (byte[] record : records) {
            ReceivedRecord back = CaptureSession.await(echo.readRecord(), "an echoed record");
            if (back == null || !back.complete()) {
                throw new IllegalStateException("the echo lost a record boundary");
            }
            StreamSteps.expectEcho(record, back.data(), "a record");
        }
        Stream datagrams = StreamSteps.open(channel, TestServices.DATAGRAM_ECHO);
        for (int size : DATAGRAM_SIZES) {
            byte[] datagram = StreamSteps.bytes(session, size);
            CaptureSession.await(datagrams.sendDatagram(datagram), "a datagram of " + size + " bytes");
            StreamSteps.expectEcho(datagram, CaptureSession.await(datagrams.receiveDatagram(), "the echoed datagram"),
                    "a datagram");
        }
        StreamSteps.close(channel, "capture: records and datagrams done");
    }
}
