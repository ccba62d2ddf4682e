package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.host.StreamIo.assertAtEnd;
import static org.sss.core.host.StreamIo.assertReads;
import static org.sss.core.host.StreamIo.await;
import static org.sss.core.host.StreamIo.failure;
import static org.sss.core.host.StreamIo.misuse;
import static org.sss.core.host.StreamIo.randomBytes;
import static org.sss.core.host.StreamIo.utf8;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.host.StreamPair.Ends;
import org.sss.core.wire.ErrorCode;

/**
 * How streams end over real UDP on loopback (SPEC.md sections 8.4, 8.5, 8.9 and 8.10): RESET by
 * either end with the code seen at the other, substreams untouched by their parent's RESET, and
 * streams whose channel closes.
 */
class StreamCloseAndResetTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    private static final long APPLICATION_CODE = ErrorCode.FIRST_APPLICATION + 0x42;

    @Test
    @DisplayName("STR-RESET-2, STR-FIN-3, section 8.5: a RESET by the opener fails the acceptor's reads with its code, and both ends' closed()")
    void resetByTheOpenerReachesTheAcceptor() {
        StreamPair pair = StreamPair.start(HOSTS);
        Ends ends = pair.open();
        await(ends.client().write(utf8("before the reset")));
        assertReads(ends.server(), "before the reset");
        CompletableFuture<byte[]> pendingRead = ends.server().read(100);

        ends.client().reset(APPLICATION_CODE, "changed my mind");

        assertPeerReset(failure(pendingRead), APPLICATION_CODE);
        assertPeerReset(failure(ends.server().read(100)), APPLICATION_CODE);
        assertPeerReset(failure(ends.server().closed()), APPLICATION_CODE);
        Throwable own = failure(ends.client().closed());
        assertThat(own).isInstanceOf(StreamResetException.class);
        assertThat(((StreamResetException) own).byPeer()).isFalse();
        assertThat(((StreamResetException) own).errorCode()).isEqualTo(APPLICATION_CODE);
        // writing on a stream this end reset is a misuse; on one the peer reset, the peer's reset is reported
        assertThat(misuse(() -> ends.client().write(utf8("after")))).isInstanceOf(IllegalStateException.class);
        assertPeerReset(misuse(() -> ends.server().write(utf8("after"))), APPLICATION_CODE);
    }

    @Test
    @DisplayName("STR-RESET-2, section 8.5: a RESET by the acceptor, with data in flight, fails the opener's reads with its code")
    void resetByTheAcceptorReachesTheOpener() {
        StreamPair pair = StreamPair.start(HOSTS);
        Ends ends = pair.open();
        // more than the window, unread: the reset discards what is still queued
        ends.client().write(randomBytes(HOSTS.random(), 1_000_000));
        CompletableFuture<byte[]> pendingRead = ends.client().read(100);

        ends.server().reset(APPLICATION_CODE + 7, "");

        assertPeerReset(failure(pendingRead), APPLICATION_CODE + 7);
        assertPeerReset(failure(ends.client().closed()), APPLICATION_CODE + 7);
        Throwable own = failure(ends.server().closed());
        assertThat(own).isInstanceOf(StreamResetException.class);
        assertThat(((StreamResetException) own).byPeer()).isFalse();
    }

    @Test
    @DisplayName("STR-RESET-3: resetting a stream leaves its substreams working, whichever end resets")
    void resetLeavesSubstreamsAlone() {
        StreamPair pair = StreamPair.start(HOSTS);
        Ends parent = pair.open();
        Stream childAtClient = parent.client().openSubstream();
        await(childAtClient.write(utf8("child")));
        Stream childAtServer = await(parent.server().acceptSubstream());
        assertReads(childAtServer, "child");
        Stream grandchildAtServer = childAtServer.openSubstream();
        await(grandchildAtServer.write(utf8("grandchild")));
        Stream grandchildAtClient = await(childAtClient.acceptSubstream());
        assertReads(grandchildAtClient, "grandchild");

        parent.client().reset(APPLICATION_CODE, "parent only");
        assertPeerReset(failure(parent.server().read(1)), APPLICATION_CODE);
        childAtServer.reset(APPLICATION_CODE + 1, "child only");
        assertPeerReset(failure(childAtClient.read(1)), APPLICATION_CODE + 1);

        // the grandchild, below two reset streams, still works both ways and closes normally
        await(grandchildAtClient.write(utf8("up")));
        assertReads(grandchildAtServer, "up");
        await(grandchildAtServer.write(utf8("down")));
        assertReads(grandchildAtClient, "down");
        await(grandchildAtClient.finish());
        await(grandchildAtServer.finish());
        assertAtEnd(grandchildAtServer);
        assertAtEnd(grandchildAtClient);
        await(grandchildAtClient.closed());
        await(grandchildAtServer.closed());
        // and another stream of the channel was never touched
        Ends other = pair.open();
        await(other.client().write(utf8("unaffected")));
        assertReads(other.server(), "unaffected");
    }

    @Test
    @DisplayName("STR-ATTACH-8, section 8: when the channel closes, the streams on it fail with StreamClosedException")
    void closingTheChannelEndsItsStreams() {
        StreamPair pair = StreamPair.start(HOSTS);
        Ends ends = pair.open();
        await(ends.client().write(utf8("hello")));
        assertReads(ends.server(), "hello");
        CompletableFuture<byte[]> serverRead = ends.server().read(10);
        CompletableFuture<Stream> serverAccept = ends.server().acceptSubstream();
        CompletableFuture<byte[]> clientRead = ends.client().read(10);

        await(pair.clientChannel.close("done"));

        assertThat(failure(serverRead)).isInstanceOf(StreamClosedException.class);
        assertThat(failure(serverAccept)).isInstanceOf(StreamClosedException.class);
        assertThat(failure(ends.server().closed())).isInstanceOf(StreamClosedException.class);
        assertThat(failure(clientRead)).isInstanceOf(StreamClosedException.class);
        assertThat(failure(ends.client().closed())).isInstanceOf(StreamClosedException.class);
    }

    private static void assertPeerReset(Throwable failure, long errorCode) {
        assertThat(failure).isInstanceOf(StreamResetException.class);
        StreamResetException reset = (StreamResetException) failure;
        assertThat(reset.errorCode()).isEqualTo(errorCode);
        assertThat(reset.byPeer()).isTrue();
    }
}
