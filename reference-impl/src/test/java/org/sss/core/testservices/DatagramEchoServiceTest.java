package org.sss.core.testservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.testservices.ServiceFixture.await;
import static org.sss.core.testservices.ServiceFixture.readToEnd;
import static org.sss.core.testservices.ServiceFixture.serve;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sss.core.host.PipeStreams;
import org.sss.core.host.PipeStreams.End;
import org.sss.core.host.PipeStreams.Pair;
import org.sss.core.host.Stream;
import org.sss.core.testing.TestSeed;
import org.sss.core.wire.ErrorCode;

/** SPEC.md Appendix A.4, the datagram-echo service, on an in-memory stream pair. */
class DatagramEchoServiceTest {
    private final PipeStreams pipe = new PipeStreams();

    @AfterEach
    void closePipe() {
        pipe.close();
    }

    @Test
    @DisplayName("TST-DGE-1: each datagram comes back with the same bytes as a new datagram opened by the IUT")
    void echoesEachDatagramAsANewOne() {
        SplittableRandom random = new SplittableRandom(TestSeed.forTest("echoesEachDatagramAsANewOne"));
        Pair pair = serve(pipe, new DatagramEchoService());
        for (int size : List.of(0, 1, 1150, 14_000, 100_000)) {
            byte[] datagram = new byte[size];
            random.nextBytes(datagram);
            pair.opener().sendDatagram(datagram);
            Stream echo = await(pair.opener().acceptSubstream());
            assertThat(echo.isLocallyOpened()).as("opened by the IUT").isFalse();
            assertThat(echo.parent()).containsSame(pair.opener());
            assertThat(readToEnd(echo)).as("%d-byte datagram", size).isEqualTo(datagram);
        }
        byte[] last = {42};
        pair.opener().sendDatagram(last);
        assertThat(await(pair.opener().receiveDatagram())).isEqualTo(last);
    }

    @Test
    @DisplayName("TST-DGE-2: no data on the stream or the received substreams; each substream gets an empty FIN, the stream FIN for FIN")
    void sendsNoDataExceptTheEchoes() {
        Pair pair = serve(pipe, new DatagramEchoService());
        // a datagram in reliable mode is a substream the opener fills and finishes (SPEC.md 8.7)
        End datagram = (End) pair.opener().openSubstream();
        datagram.writeRecord(new byte[] {1, 2});
        datagram.write(new byte[] {3});
        datagram.finish();
        pair.opener().writeRecord(new byte[] {9, 9, 9});
        assertThat(await(pair.opener().receiveDatagram())).containsExactly(1, 2, 3);
        assertThat(await(datagram.readRecord())).as("an empty FIN on the received substream").isNull();
        assertThat(datagram.bytesReceived()).isZero();
        pipe.settle();
        assertThat(pair.opener().finReceived()).isFalse();
        pair.opener().finish();
        assertThat(await(pair.opener().readRecord())).as("FIN for FIN, no data").isNull();
        assertThat(pair.opener().bytesReceived()).isZero();
    }

    @Test
    @DisplayName("TST-DGE-3: echoes leave in the order the datagrams completed; an incomplete one holds up none")
    void echoesInCompletionOrder() {
        Pair pair = serve(pipe, new DatagramEchoService());
        Stream slow = pair.opener().openSubstream();
        slow.write(new byte[] {1});
        Stream abandoned = pair.opener().openSubstream();
        abandoned.write(new byte[] {2});
        pair.opener().sendDatagram(new byte[] {3});
        assertThat(await(pair.opener().receiveDatagram())).containsExactly(3);
        slow.write(new byte[] {4});
        slow.finish();
        assertThat(await(pair.opener().receiveDatagram())).containsExactly(1, 4);
        // a datagram that never completes (here: reset) is never echoed
        abandoned.reset(ErrorCode.CANCELLED.code(), "lost a fragment");
        pipe.settle();
        assertThat(pair.opener().unacceptedSubstreams()).isZero();
        assertThat(pair.acceptor().resetCodeSent()).isEmpty();
    }
}
