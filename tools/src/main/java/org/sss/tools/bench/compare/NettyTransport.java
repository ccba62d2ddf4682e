package org.sss.tools.bench.compare;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * The Netty transport under the Netty-based contenders (UDP for QUIC, TCP for TLS): native epoll
 * where it loads, NIO otherwise, chosen the way the reference implementation's {@code UdpTransport}
 * chooses for SSS, with one event-loop thread per group.
 *
 * @param name {@code epoll} or {@code NIO}, for the report
 * @param epoll whether native epoll is in use
 */
public record NettyTransport(String name, boolean epoll) {

    /** Epoll where it loads, NIO otherwise. */
    public static NettyTransport preferred() {
        return Epoll.isAvailable() ? new NettyTransport("epoll", true) : new NettyTransport("NIO", false);
    }

    /** A new group of one event-loop thread. */
    public EventLoopGroup newGroup() {
        return new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    /**
     * Shuts the groups down with no quiet period (a measurement is over, nothing is left to send)
     * and waits up to 10 s for each to terminate.
     */
    public static void shutdown(EventLoopGroup... groups) {
        for (EventLoopGroup group : groups) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        for (EventLoopGroup group : groups) {
            group.terminationFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    /** The UDP channel class. */
    public Class<? extends DatagramChannel> datagramChannel() {
        return epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }

    /** The TCP listening channel class. */
    public Class<? extends ServerSocketChannel> serverChannel() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** The TCP connection channel class. */
    public Class<? extends SocketChannel> clientChannel() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
