package org.sss.core.testservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.testservices.ServiceFixture.await;
import static org.sss.core.testservices.ServiceFixture.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sss.core.host.PipeStreams;
import org.sss.core.host.PipeStreams.End;
import org.sss.core.host.PipeStreams.Pair;
import org.sss.core.host.Stream;

/** SPEC.md Appendix A.2, the discard service, on an in-memory stream pair. */
class DiscardServiceTest {
    private static final int WINDOW = 64 * 1024;

    private final PipeStreams pipe = new PipeStreams(WINDOW);

    @AfterEach
    void closePipe() {
        pipe.close();
    }

    @Test
    @DisplayName("TST-DISC-1: all data on the stream and every substream is read and dropped, and none is sent")
    void readsAndDropsEverythingSendsNothing() {
        Pair pair = serve(pipe, new DiscardService());
        End child = (End) pair.opener().openSubstream();
        End grandchild = (End) child.openSubstream();
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        byte[] chunk = new byte[10_000];
        for (int i = 0; i < 100; i++) {
            for (Stream stream : List.of(pair.opener(), child, grandchild)) {
                writes.add(i % 2 == 0 ? stream.write(chunk) : stream.writeRecord(chunk));
            }
        }
        // 1 MB per stream against a 64 KiB window: the writes complete only because the service keeps reading
        for (CompletableFuture<Void> write : writes) {
            await(write);
        }
        pipe.settle();
        for (End end : List.of(pair.opener(), child, grandchild)) {
            assertThat(end.bytesReceived()).as("nothing sent after the reply").isZero();
            assertThat(end.finReceived()).isFalse();
        }
        assertThat(pair.acceptor().unreadBytes()).isZero();
    }

    @Test
    @DisplayName("TST-DISC-2: FIN on the stream or a substream is answered with FIN and no data")
    void finIsAnsweredWithFin() {
        Pair pair = serve(pipe, new DiscardService());
        End child = (End) pair.opener().openSubstream();
        End grandchild = (End) child.openSubstream();
        for (End end : List.of(grandchild, child, pair.opener())) {
            end.writeRecord(new byte[] {1, 2, 3});
            pipe.settle();
            assertThat(end.finReceived()).as("no FIN before the peer's").isFalse();
            end.finish();
            assertThat(await(end.readRecord())).as("FIN with no data").isNull();
            assertThat(end.bytesReceived()).isZero();
            assertThat(await(end.closed())).isNull();
        }
    }
}
