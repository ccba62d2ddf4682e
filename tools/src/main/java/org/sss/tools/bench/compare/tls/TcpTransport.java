package org.sss.tools.bench.compare.tls;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The TCP transport both ends use: Netty's native epoll where it loads, NIO otherwise, chosen the
 * way the reference implementation's {@code UdpTransport} chooses for UDP.
 *
 * @param name {@code epoll} or {@code NIO}
 * @param epoll whether native epoll is in use
 */
record TcpTransport(String name, boolean epoll) {

    /** Epoll where it loads, NIO otherwise. */
    static TcpTransport preferred() {
        return Epoll.isAvailable() ? new TcpTransport("epoll", true) : new TcpTransport("NIO", false);
    }

    /** A group of one event-loop thread. */
    EventLoopGroup newGroup() {
        return new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    Class<? extends ServerSocketChannel> serverChannel() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    Class<? extends SocketChannel> clientChannel() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
