package org.sss.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UdpTransportTest {

    private static InetSocketAddress loopback(boolean ipv6) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ipv6 ? "::1" : "127.0.0.1"), 0);
    }

    @ParameterizedTest(name = "native={0}")
    @ValueSource(booleans = {true, false})
    void deliversDatagramsBothWaysOverLoopback(boolean preferNative) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        DatagramHandler collect = (payload, sender) -> received.add(payload.toString(StandardCharsets.US_ASCII));
        try (UdpTransport a = UdpTransport.bind(loopback(false), collect, preferNative);
             UdpTransport b = UdpTransport.bind(loopback(false), collect, preferNative)) {
            send(a, "from a", b.localAddress());
            send(b, "from b", a.localAddress());
            assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(a.counters().get(TransportCounters.Kind.DATAGRAMS_RECEIVED)).isEqualTo(1);
            assertThat(b.counters().get(TransportCounters.Kind.DATAGRAMS_RECEIVED)).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "native={0}")
    @ValueSource(booleans = {true, false})
    void worksOverIpv6Loopback(boolean preferNative) throws Exception {
        BlockingQueue<InetSocketAddress> senders = new LinkedBlockingQueue<>();
        try (UdpTransport a = UdpTransport.bind(loopback(true), (p, s) -> { }, preferNative);
             UdpTransport b = UdpTransport.bind(loopback(true), (p, s) -> senders.add(s), preferNative)) {
            send(a, "hello", b.localAddress());
            InetSocketAddress sender = senders.poll(10, TimeUnit.SECONDS);
            assertThat(sender).isNotNull();
            assertThat(sender.getPort()).isEqualTo(a.localAddress().getPort());
        }
    }

    @ParameterizedTest(name = "native={0}")
    @ValueSource(booleans = {true, false})
    void survivesAHandlerThatThrowsAndCountsIt(boolean preferNative) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        DatagramHandler flaky = (payload, sender) -> {
            String text = payload.toString(StandardCharsets.US_ASCII);
            if (text.equals("boom")) {
                throw new IllegalStateException("handler bug");
            }
            received.add(text);
        };
        try (UdpTransport a = UdpTransport.bind(loopback(false), (p, s) -> { }, preferNative);
             UdpTransport b = UdpTransport.bind(loopback(false), flaky, preferNative)) {
            send(a, "boom", b.localAddress());
            send(a, "after", b.localAddress());
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("after");
            assertThat(b.counters().get(TransportCounters.Kind.HANDLER_FAILED)).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "native={0}")
    @ValueSource(booleans = {true, false})
    void refusesPayloadsOverTheLimitWithAClearError(boolean preferNative) throws Exception {
        try (UdpTransport a = UdpTransport.bind(loopback(false), (p, s) -> { }, preferNative)) {
            ByteBuf big = Unpooled.buffer(UdpTransport.MAX_PAYLOAD + 1).writeZero(UdpTransport.MAX_PAYLOAD + 1);
            assertThatThrownBy(() -> a.write(big, a.localAddress()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1233 bytes");
            assertThat(big.refCnt()).isZero();
            assertThat(a.counters().get(TransportCounters.Kind.DATAGRAMS_TOO_LARGE)).isEqualTo(1);
        }
    }

    private static void send(UdpTransport from, String text, InetSocketAddress to) {
        ByteBuf buf = from.allocate();
        ByteBufUtil.writeAscii(buf, text);
        from.eventLoop().execute(() -> {
            from.write(buf, to);
            from.flush();
        });
    }
}
