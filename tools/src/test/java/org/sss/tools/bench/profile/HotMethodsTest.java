package org.sss.tools.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotMethodsTest {
    private static final String THREAD = "hot-methods-test-worker";
    private static final String IDLE = "hot-methods-test-idle";

    @BeforeAll
    static void epollLoads() {
        assumeTrue(Epoll.isAvailable(), "the idle thread of this test is a native epoll event loop");
    }

    @Test
    void aThreadBusyInBouncyCastleIsCountedUnderBouncyCastleAndAnIdleEventLoopNotAtAll(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("busy.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(20));
            recording.start();
            Thread worker = new Thread(HotMethodsTest::xsalsaForTwoSeconds, THREAD);
            // an idle epoll event loop: its thread sits in epoll_wait, in native code, waiting for work
            EventLoopGroup idle = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(IDLE),
                    EpollIoHandler.newFactory());
            try {
                idle.submit(() -> { }).sync();
                worker.start();
                worker.join();
            } finally {
                idle.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
            }
            recording.stop();
            recording.dump(file);
        }
        assertThat(Files.size(file)).isPositive();

        HotMethods.Summary summary = HotMethods.read(file, THREAD, 5);

        assertThat(summary.executionSamples()).as("samples of the worker").isGreaterThan(10);
        assertThat(summary.parts().get(0).name()).isEqualTo("Bouncy Castle crypto");
        assertThat(summary.parts().get(0).share()).isGreaterThan(0.5);
        assertThat(summary.methods()).hasSizeLessThanOrEqualTo(5);
        assertThat(summary.methods().get(0).name()).startsWith("org.bouncycastle.");
        assertThat(summary.format()).contains("Bouncy Castle crypto").contains("by method");

        HotMethods.Summary idle = HotMethods.read(file, IDLE, 5);
        assertThat(idle.idleSamples()).as("an event loop in epoll_wait waits for work").isPositive();
        assertThat(idle.nativeSamples()).as("and is not counted as native work").isZero();
        assertThat(idle.methods()).isEmpty();

        HotMethods.Summary otherThreads = HotMethods.read(file, "no-such-thread-", 5);
        assertThat(otherThreads.executionSamples()).isZero();
        assertThat(otherThreads.methods()).isEmpty();
    }

    private static void xsalsaForTwoSeconds() {
        XSalsa20Engine engine = new XSalsa20Engine();
        engine.init(true, new ParametersWithIV(new KeyParameter(new byte[32]), new byte[24]));
        byte[] block = new byte[1168];
        long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < end) {
            engine.processBytes(block, 0, block.length, block, 0);
        }
    }
}
