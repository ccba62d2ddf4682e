package org.sss.tools.capture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;
import org.sss.core.testservices.TestServices;

/** An echo stream with many substreams, two levels deep, each echoed on itself. */
final class SubstreamsWorkload implements Workload {
    static final int CHILDREN = 12;

    @Override
    public String name() {
        return "substreams";
    }

    @Override
    public String description() {
        return "an echo stream that opens " + CHILDREN + " substreams and a grandchild under each of the first "
                + "three, every one carrying a short message, echoed on itself and finished";
    }

    @Override
    public void run(CaptureSession session) throws Exception {
        SecureChannel channel = session.connect();
        Stream parent = StreamSteps.open(channel, TestServices.ECHO);
        byte[] hello = "parent".getBytes(StandardCharsets.UTF_8);
        CaptureSession.await(parent.write(hello), "the parent's first bytes");
        List<Stream> streams = new ArrayList<>();
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < CHILDREN; i++) {
            Stream child = parent.openSubstream();
            byte[] message = ("substream " + i).getBytes(StandardCharsets.UTF_8);
            CaptureSession.await(child.write(message), "substream " + i);
            streams.add(child);
            messages.add(message);
            if (i < 3) {
                Stream grandchild = child.openSubstream();
                byte[] deeper = ("substream " + i + ".0").getBytes(StandardCharsets.UTF_8);
                CaptureSession.await(grandchild.write(deeper), "substream " + i + ".0");
                streams.add(grandchild);
                messages.add(deeper);
            }
        }
        for (Stream s : streams) {
            s.finish();
        }
        for (int i = 0; i < streams.size(); i++) {
            StreamSteps.expectEcho(messages.get(i), StreamSteps.readAll(streams.get(i)), "substream " + i);
        }
        parent.finish();
        StreamSteps.expectEcho(hello, StreamSteps.readAll(parent), "the parent stream");
        StreamSteps.close(channel, "capture: substreams done");
    }
}
