package org.sss.tools.bench.compare.quic;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;

/**
 * The Netty UDP transport under QUIC: native epoll where it loads (as the SSS reference uses), NIO
 * otherwise; one event-loop thread; pooled buffers; otherwise Netty's and the system's defaults, as
 * Netty's QUIC examples use them. The SSS reference's own socket settings (4 MiB socket buffers,
 * fixed 2048-byte receive buffers read with recvmmsg) measured two to five times slower for quiche
 * on loopback: with buffers that large CUBIC's window fills them without loss, the round trip grows
 * to tens or hundreds of milliseconds, and goodput falls.
 */
final class DatagramTransport {
    private DatagramTransport() {
    }

    /** Whether the native epoll transport is used. */
    static boolean epoll() {
        return Epoll.isAvailable();
    }

    /** The transport, for the report. */
    static String name() {
        return epoll() ? "epoll" : "NIO";
    }

    /** A new group of one event-loop thread for the transport in use. */
    static EventLoopGroup newGroup() {
        return new MultiThreadIoEventLoopGroup(1, epoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    /** A bootstrap for a datagram channel on {@code group}. */
    static Bootstrap bootstrap(EventLoopGroup group) {
        return new Bootstrap()
                .group(group)
                .channel(epoll() ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT);
    }
}
