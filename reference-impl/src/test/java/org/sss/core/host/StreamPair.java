package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Two hosts on loopback with one channel between them, for the stream tests. Each host offers
 * {@link #SERVICE} with {@link #PROTOCOL} and queues the streams its handler receives, so that the
 * client can connect to the server and the server to the client (top-level streams from both
 * sides). The handler only queues (it runs on the event loop and must not block); tests take the
 * streams with {@link #nextAtServer()} and {@link #nextAtClient()}.
 */
final class StreamPair {
    /** The service both hosts offer. */
    static final String SERVICE = "stream-test";
    /** Its protocol. */
    static final String PROTOCOL = "stream-test/1";

    /** A stream as the client and the server see it. */
    record Ends(Stream client, Stream server) {
    }

    final Host server;
    final Host client;
    final HostEvents serverEvents = new HostEvents();
    final HostEvents clientEvents = new HostEvents();
    /** The client's end of the channel (the initiator). */
    final SecureChannel clientChannel;
    /** The server's end of the channel (the responder). */
    final SecureChannel serverChannel;

    private final LoopbackHosts hosts;
    private final BlockingQueue<Stream> atServer = new LinkedBlockingQueue<>();
    private final BlockingQueue<Stream> atClient = new LinkedBlockingQueue<>();

    private StreamPair(LoopbackHosts hosts, HostConfig.Builder serverConfig, HostConfig.Builder clientConfig) {
        this.hosts = hosts;
        server = hosts.start(serverConfig, serverEvents);
        client = hosts.start(clientConfig, clientEvents);
        server.listen(SERVICE, PROTOCOL, "queues streams for the test", atServer::add);
        client.listen(SERVICE, PROTOCOL, "queues streams for the test", atClient::add);
        clientChannel = LoopbackHosts.connect(client, server.localAddress(), server);
        assertThat(clientEvents.nextOpened().channel()).isSameAs(clientChannel);
        serverChannel = serverEvents.nextOpened().channel();
    }

    /** Two hosts with the fast test timers and a channel between them. */
    static StreamPair start(LoopbackHosts hosts) {
        return new StreamPair(hosts, hosts.config(), hosts.config());
    }

    /** As {@link #start(LoopbackHosts)} with the given configurations. */
    static StreamPair start(LoopbackHosts hosts, HostConfig.Builder serverConfig, HostConfig.Builder clientConfig) {
        return new StreamPair(hosts, serverConfig, clientConfig);
    }

    /** The client connects a new top-level stream to the server's service; returns both ends. */
    Ends open() {
        Stream client = StreamIo.await(clientChannel.connect(SERVICE, PROTOCOL));
        return new Ends(client, nextAtServer());
    }

    /** The server connects a new top-level stream to the client's service; returns both ends. */
    Ends openFromServer() {
        Stream server = StreamIo.await(serverChannel.connect(SERVICE, PROTOCOL));
        return new Ends(nextAtClient(), server);
    }

    /** The next stream that the server's handler received. */
    Stream nextAtServer() {
        return take(atServer, "the server's service to receive a stream");
    }

    /** The next stream that the client's handler received. */
    Stream nextAtClient() {
        return take(atClient, "the client's service to receive a stream");
    }

    /** Asserts that the server's handler receives no stream within {@code quiet}. */
    void assertServerReceivesNoStreamWithin(Duration quiet) {
        Stream unexpected = poll(atServer, quiet);
        assertThat(unexpected).as("a stream the server's service received although it should not").isNull();
    }

    /** A second channel from the client to the same server, and the server's end of it. */
    SecureChannel[] connectAgain() {
        SecureChannel clientEnd = LoopbackHosts.connect(client, server.localAddress(), server);
        assertThat(clientEvents.nextOpened().channel()).isSameAs(clientEnd);
        SecureChannel serverEnd = serverEvents.nextOpened().channel();
        assertThat(clientEnd.channelId()).isNotEqualTo(clientChannel.channelId());
        assertThat(serverEnd.channelId()).isEqualTo(clientEnd.channelId());
        return new SecureChannel[] {clientEnd, serverEnd};
    }

    /** Another host with the test timers, closed after the test. */
    Host startThirdHost() {
        return hosts.start(hosts.config(), new HostEvents());
    }

    private static Stream take(BlockingQueue<Stream> queue, String what) {
        Stream stream = poll(queue, StreamIo.STEP);
        if (stream == null) {
            throw new AssertionError("Expected: " + what + " within " + StreamIo.STEP.toMillis() + " ms / Actual: none");
        }
        return stream;
    }

    private static Stream poll(BlockingQueue<Stream> queue, Duration timeout) {
        try {
            return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
