package org.sss.tools.bench.compare.quic;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import org.sss.tools.bench.compare.NettyTransport;

/**
 * The Netty UDP transport under QUIC: {@link NettyTransport#preferred()} (native epoll where it
 * loads, as the SSS reference uses), one event-loop thread; pooled buffers; otherwise Netty's and
 * the system's defaults, as Netty's QUIC examples use them. The SSS reference's own socket settings
 * (4 MiB socket buffers, fixed 2048-byte receive buffers read with recvmmsg) measured two to five
 * times slower for quiche on loopback: with buffers that large CUBIC's window fills them without
 * loss, the round trip grows to tens or hundreds of milliseconds, and goodput falls.
 */
final class DatagramTransport {
    /** The transport in use. */
    static final NettyTransport TRANSPORT = NettyTransport.preferred();

    private DatagramTransport() {
    }

    /** A bootstrap for a datagram channel on {@code group}, a group of {@link #TRANSPORT}. */
    static Bootstrap bootstrap(EventLoopGroup group) {
        return new Bootstrap()
                .group(group)
                .channel(TRANSPORT.datagramChannel())
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT);
    }
}
