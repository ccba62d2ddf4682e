package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sss.core.host.StreamIo.assertAtEnd;
import static org.sss.core.host.StreamIo.assertReads;
import static org.sss.core.host.StreamIo.assertStaysPending;
import static org.sss.core.host.StreamIo.await;
import static org.sss.core.host.StreamIo.misuse;
import static org.sss.core.host.StreamIo.randomBytes;
import static org.sss.core.host.StreamIo.readExactly;
import static org.sss.core.host.StreamIo.utf8;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.host.StreamPair.Ends;

/**
 * Top-level streams through the public API over real UDP on loopback (SPEC.md sections 8.2 to 8.4
 * and 9.2): connecting, bytes both ways, half-close, identifiers, statistics and API misuse.
 */
class StreamApiTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    @Test
    @DisplayName("SVC-CONN-1, SVC-CONN-3, STR-DATA-1: connect completes after the OK and the stream carries bytes both ways")
    void connectedStreamCarriesBytesBothWays() {
        StreamPair pair = StreamPair.start(HOSTS);
        Random random = HOSTS.random();

        Ends ends = pair.open();
        byte[] up = randomBytes(random, 100_000);
        byte[] down = randomBytes(random, 50_000);
        CompletableFuture<Void> upWritten = ends.client().write(up);
        assertReads(ends.server(), up);
        CompletableFuture<Void> downWritten = ends.server().write(down);
        assertReads(ends.client(), down);
        await(upWritten);
        await(downWritten);

        assertThat(ends.client().isLocallyOpened()).isTrue();
        assertThat(ends.server().isLocallyOpened()).isFalse();
        // SPEC STR-ROOT-2: a connected stream is top-level, a child of the root
        assertThat(ends.client().parent()).isEmpty();
        assertThat(ends.server().parent()).isEmpty();
        assertThat(ends.client().channel()).isSameAs(pair.clientChannel);
        assertThat(ends.server().channel()).isSameAs(pair.serverChannel);
    }

    @Test
    @DisplayName("SVC-CONN-2: openStream returns at once and data written right after the request reaches the service")
    void openStreamSendsDataWithoutWaitingForTheReply() {
        StreamPair pair = StreamPair.start(HOSTS);

        Stream client = pair.clientChannel.openStream(StreamPair.SERVICE, StreamPair.PROTOCOL);
        CompletableFuture<Void> written = client.write(utf8("sent before any reply"));
        Stream server = pair.nextAtServer();

        // SPEC SVC-CONN-3: the service gets the stream's data after the request record, and nothing else
        assertReads(server, "sent before any reply");
        await(written);
        await(server.write(utf8("and answered")));
        assertReads(client, "and answered");
    }

    @Test
    @DisplayName("STR-ID-1, STR-ID-3, STR-ID-6: both ends name a stream by one LSID of its opener's parity and by one USID")
    void bothEndsShareTheStreamsIdentifiers() {
        StreamPair pair = StreamPair.start(HOSTS);

        Ends fromClient = pair.open();
        Ends fromServer = pair.openFromServer();

        // SPEC STR-ID-1: odd LSIDs for the channel's initiator (the client), even for the responder
        assertThat(fromClient.client().lsid()).isPositive().isOdd();
        assertThat(fromServer.server().lsid()).isPositive().isEven();
        for (Ends ends : new Ends[] {fromClient, fromServer}) {
            // SPEC STR-ID-3: both directions use the one LSID the opener chose
            assertThat(ends.server().lsid()).isEqualTo(ends.client().lsid());
            // SPEC STR-ID-6: USID = channel_id || be64(L) of the creating channel
            assertThat(ends.server().usid()).isEqualTo(ends.client().usid());
            assertThat(ends.client().usid().channelId()).isEqualTo(pair.clientChannel.channelId());
            assertThat(ends.client().usid().creationLsid()).isEqualTo(ends.client().lsid());
        }
        assertThat(fromServer.server().isLocallyOpened()).isTrue();
        assertThat(fromServer.client().isLocallyOpened()).isFalse();
        await(fromServer.server().write(utf8("from the responder")));
        assertReads(fromServer.client(), "from the responder");
    }

    @Test
    @DisplayName("STR-FIN-1, STR-FIN-3, section 8.4: finishing one direction leaves the other working; read returns an empty array at the end")
    void halfCloseLeavesTheOtherDirectionOpen() {
        StreamPair pair = StreamPair.start(HOSTS);
        Random random = HOSTS.random();
        Ends ends = pair.open();

        await(ends.client().write(utf8("request")));
        CompletableFuture<Void> clientFinished = ends.client().finish();
        assertReads(ends.server(), "request");
        assertAtEnd(ends.server());
        // finish() completes once every byte and the FIN are acknowledged
        await(clientFinished);

        byte[] reply = randomBytes(random, 300_000);
        CompletableFuture<Void> replyWritten = ends.server().write(reply);
        assertReads(ends.client(), reply);
        await(replyWritten);
        await(ends.server().write(utf8("still open")));
        assertReads(ends.client(), "still open");

        // SPEC STR-FIN-3: not closed while the server's direction is open
        assertThat(ends.client().closed().isDone()).as("client closed() before the server finished").isFalse();
        CompletableFuture<Void> serverFinished = ends.server().finish();
        assertAtEnd(ends.client());
        await(serverFinished);
        await(ends.client().closed());
        await(ends.server().closed());
    }

    @Test
    @DisplayName("STR-FIN-3: closed() completes on both ends only after both FINs")
    void closedCompletesAfterBothFins() {
        StreamPair pair = StreamPair.start(HOSTS);
        Ends ends = pair.open();

        await(ends.server().finish());
        assertAtEnd(ends.client());
        assertStaysPending(ends.client().closed(), Duration.ofMillis(300), "the client's closed() with one FIN");
        assertThat(ends.server().closed().isDone()).as("the server's closed() with one FIN").isFalse();

        await(ends.client().finish());
        assertAtEnd(ends.server());
        await(ends.client().closed());
        await(ends.server().closed());
    }

    @Test
    @DisplayName("CHN-CC-1, section 8: statistics() reports what was written, acknowledged and received, and the channel's RTT and window")
    void statisticsArePlausible() {
        StreamPair pair = StreamPair.start(HOSTS);
        Random random = HOSTS.random();
        Ends ends = pair.open();
        int length = 300_000;

        CompletableFuture<Void> written = ends.client().write(randomBytes(random, length));
        readExactly(ends.server(), length);
        await(written);

        StreamStatistics sent = Await.until("the client's data to be acknowledged",
                () -> await(ends.client().statistics()),
                s -> s.bytesAcknowledged() >= length && s.sendQueueBytes() == 0, StreamIo.STEP);
        assertThat(sent.lsid()).isEqualTo(ends.client().lsid());
        assertThat(sent.priority()).isEqualTo(Stream.DEFAULT_PRIORITY);
        // the connect request may or may not count as written by the application; nothing else may
        assertThat(sent.bytesWritten()).isBetween((long) length, (long) length + 1024);
        assertThat(sent.bytesAcknowledged()).isLessThanOrEqualTo(sent.bytesWritten());
        assertThat(sent.bytesRetransmitted()).isNotNegative();
        assertThat(sent.sendWindowBytes()).isNotNegative();
        assertThat(sent.smoothedRttNanos()).isPositive();
        // SPEC CHN-CC-1: never below the minimum window of 2 * 1232 bytes
        assertThat(sent.congestionWindowBytes()).isGreaterThanOrEqualTo(2464);
        assertThat(sent.bytesInFlight()).isNotNegative();

        StreamStatistics received = await(ends.server().statistics());
        assertThat(received.lsid()).isEqualTo(ends.client().lsid());
        assertThat(received.bytesReceived()).isBetween((long) length, (long) length + 1024);
        assertThat(received.receiveQueueBytes()).isZero();
        assertThat(received.bytesWritten()).isBetween(0L, 1024L);
    }

    @Test
    @DisplayName("Stream API misuse: write after finish, priority out of range and read(0) are refused with the documented exceptions")
    void misuseIsRefused() {
        StreamPair pair = StreamPair.start(HOSTS);
        Ends ends = pair.open();
        Stream client = ends.client();

        await(client.finish());
        assertThat(misuse(() -> client.write(utf8("too late")))).isInstanceOf(IllegalStateException.class);
        assertThat(misuse(() -> client.writeRecord(utf8("too late")))).isInstanceOf(IllegalStateException.class);

        assertThatThrownBy(() -> client.priority(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.priority(Stream.LOWEST_PRIORITY + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(client.priority()).as("priority after refused changes").isEqualTo(Stream.DEFAULT_PRIORITY);

        assertThat(misuse(() -> client.read(0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(misuse(() -> client.read(-1))).isInstanceOf(IllegalArgumentException.class);

        // the refused calls left the stream usable in the other direction
        await(ends.server().write(utf8("still fine")));
        assertReads(client, "still fine");
        assertAtEnd(ends.server());
    }
}
