package org.sss.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.sss.core.crypto.KeyPair;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;
import org.sss.core.host.HostStatistics;
import org.sss.core.negotiation.HelloRateLimiter;
import org.sss.core.transport.TransportCounters;
import org.sss.core.wire.DropReason;

/**
 * The host's demultiplexer (SPEC.md section 3.2, PKT-DEMUX-1 to PKT-DEMUX-3) on any datagram, as
 * it arrives over a real loopback socket: whatever the bytes, the handler never throws
 * (the transport's HANDLER_FAILED stays 0), each datagram is dropped and counted exactly once under
 * some verdict, and no channel or pending negotiation appears (LIM-RES-3). The host accepts
 * channels with an unlimited HELLO rate, so that every HELLO reaches its box check; its keys are
 * fresh, so no fuzzed cookie or box can be authentic.
 */
class DemultiplexerFuzzTest {
    /** Larger than any SSS datagram (1232 bytes); longer fuzz inputs are cut here. */
    private static final int MAX_DATAGRAM = 1500;
    private static final long TIMEOUT_SECONDS = 30;

    private static Host host;
    private static DatagramSocket socket;
    private static InetSocketAddress target;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(HostConfig.builder(KeyPair.generate(new SecureRandom()))
                .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .helloRateLimiter(HelloRateLimiter.unlimited())
                .build(), new HostListener() { });
        target = host.localAddress();
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    static void stop() {
        if (socket != null) {
            socket.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @FuzzTest(maxDuration = "5m")
    void datagram(byte[] input) throws Exception {
        byte[] datagram = input.length > MAX_DATAGRAM ? Arrays.copyOf(input, MAX_DATAGRAM) : input;
        HostStatistics before = statistics();
        long received = before.transport().get(TransportCounters.Kind.DATAGRAMS_RECEIVED);
        send(datagram);
        HostStatistics after = statistics();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (after.transport().get(TransportCounters.Kind.DATAGRAMS_RECEIVED) == received) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the host did not receive a " + datagram.length + "-byte datagram in "
                        + TIMEOUT_SECONDS + " s");
            }
            Thread.onSpinWait();
            after = statistics();
        }
        assertThat(after.transport().get(TransportCounters.Kind.DATAGRAMS_RECEIVED)).isEqualTo(received + 1);
        assertThat(after.transport().get(TransportCounters.Kind.HANDLER_FAILED))
                .as("nothing throws out of the demultiplexer").isZero();
        assertThat(totalDrops(after) - totalDrops(before)).as("dropped and counted once: %s", after.drops())
                .isEqualTo(1);
        assertThat(after.rateLimited()).isEqualTo(before.rateLimited());
        assertThat(after.channels()).as("LIM-RES-3: no channel without a valid cookie").isZero();
        assertThat(after.pendingNegotiations()).isZero();
    }

    private static void send(byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, target));
    }

    private static HostStatistics statistics() throws InterruptedException, ExecutionException, TimeoutException {
        return host.statistics().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static long totalDrops(HostStatistics statistics) {
        long total = 0;
        for (DropReason reason : DropReason.values()) {
            total += statistics.drops().getOrDefault(reason, 0L);
        }
        return total;
    }
}
