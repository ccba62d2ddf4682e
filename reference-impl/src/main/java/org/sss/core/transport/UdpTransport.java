package org.sss.core.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sss.core.misbehaviour.ProtocolBugCrash;

/**
 * One bound UDP socket and the event loop that serves it.
 *
 * <p>Reads go to a {@link DatagramHandler} on the event loop; writes are queued with
 * {@link #write} and pushed to the kernel together by {@link #flush}, so a burst of replies
 * costs one system call on epoll (sendmmsg). Buffers come from the pooled direct allocator.
 * An optional {@link DatagramTap} sees a copy of every datagram sent and received (for captures).
 */
public final class UdpTransport implements AutoCloseable {

    /**
     * Largest UDP payload SSS ever sends: 1280-byte IPv6 minimum MTU less 40 bytes of IPv6
     * header and 8 of UDP (SPEC.md section 3).
     */
    public static final int MAX_PAYLOAD = 1232;

    /** Receive buffers are a little larger, so an oversized datagram is seen whole and dropped. */
    private static final int RECEIVE_BUFFER = 2048;

    private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);

    private final EventLoopGroup group;
    private final Channel channel;
    private final TransportCounters counters;
    private final boolean nativeEpoll;
    private final DatagramTap tap;

    private UdpTransport(EventLoopGroup group, Channel channel, TransportCounters counters, boolean nativeEpoll,
            DatagramTap tap) {
        this.group = group;
        this.channel = channel;
        this.counters = counters;
        this.nativeEpoll = nativeEpoll;
        this.tap = tap;
    }

    /**
     * Binds a socket and starts serving it.
     *
     * @param local the address to bind (port 0 picks a free one)
     * @param handler receives every datagram
     * @param preferNative use native epoll when it loads
     * @return the running transport
     * @throws InterruptedException if interrupted while binding
     */
    public static UdpTransport bind(InetSocketAddress local, DatagramHandler handler, boolean preferNative)
            throws InterruptedException {
        return bind(local, handler, preferNative, null);
    }

    /**
     * As {@link #bind(InetSocketAddress, DatagramHandler, boolean)}, with a tap that sees every datagram.
     *
     * @param tap called with a copy of every datagram sent and received, or null for none
     * @return the running transport
     * @throws InterruptedException if interrupted while binding
     */
    @SuppressWarnings("deprecation") // RCVBUF_ALLOCATOR: 4.2's replacement does not fix datagram sizes yet
    public static UdpTransport bind(InetSocketAddress local, DatagramHandler handler, boolean preferNative,
            DatagramTap tap) throws InterruptedException {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(handler, "handler");
        boolean useEpoll = preferNative && Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                useEpoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        TransportCounters counters = new TransportCounters();
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(useEpoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(RECEIVE_BUFFER))
                .option(ChannelOption.SO_RCVBUF, 4 << 20)
                .option(ChannelOption.SO_SNDBUF, 4 << 20)
                .handler(new InboundHandler(handler, counters, tap));
        if (useEpoll) {
            // recvmmsg: read up to RECEIVE_BUFFER-sized datagrams in batches
            bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, RECEIVE_BUFFER);
        }
        try {
            Channel channel = bootstrap.bind(local).sync().channel();
            LOG.debug("bound {} ({})", channel.localAddress(), useEpoll ? "epoll" : "nio");
            return new UdpTransport(group, channel, counters, useEpoll, tap);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    /** Returns the bound local address. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Returns whether the native epoll transport is in use. */
    public boolean isNativeEpoll() {
        return nativeEpoll;
    }

    /** Returns the event loop every callback runs on; the sans-I/O core runs there too. */
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /** Returns the transport's counters. */
    public TransportCounters counters() {
        return counters;
    }

    /** Returns a pooled direct buffer sized for one datagram. */
    public ByteBuf allocate() {
        return channel.alloc().directBuffer(MAX_PAYLOAD, MAX_PAYLOAD);
    }

    /**
     * Queues a datagram; {@link #flush} sends it. Takes ownership of {@code payload}.
     *
     * @param payload the UDP payload, at most {@link #MAX_PAYLOAD} bytes
     * @param recipient where to send it
     */
    public void write(ByteBuf payload, InetSocketAddress recipient) {
        Objects.requireNonNull(recipient, "recipient");
        if (payload.readableBytes() > MAX_PAYLOAD) {
            payload.release();
            counters.increment(TransportCounters.Kind.DATAGRAMS_TOO_LARGE);
            throw new IllegalArgumentException("payload of " + payload.readableBytes()
                    + " bytes exceeds the " + MAX_PAYLOAD + "-byte UDP payload limit");
        }
        if (tap != null) {
            tap(tap, DatagramTap.Direction.SENT, payload, localAddress(), recipient);
        }
        channel.write(new DatagramPacket(payload, recipient)).addListener(future -> {
            if (future.isSuccess()) {
                counters.increment(TransportCounters.Kind.DATAGRAMS_SENT);
            } else {
                counters.increment(TransportCounters.Kind.SEND_FAILED);
                LOG.debug("send to {} failed", recipient, future.cause());
            }
        });
    }

    /** Pushes queued datagrams to the socket. */
    public void flush() {
        channel.flush();
    }

    /** Closes the socket and stops the event loop; waits at most a few seconds. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** Hands a copy of {@code payload} to {@code tap}; a failing tap never disturbs the transport. */
    private static void tap(DatagramTap tap, DatagramTap.Direction direction, ByteBuf payload,
            InetSocketAddress local, InetSocketAddress remote) {
        try {
            tap.onDatagram(direction, ByteBufUtil.getBytes(payload), local, remote, Instant.now());
        } catch (RuntimeException e) {
            LOG.debug("datagram tap failed on a {} datagram", direction, e);
        }
    }

    private static final class InboundHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final DatagramHandler handler;
        private final TransportCounters counters;
        private final DatagramTap tap;

        InboundHandler(DatagramHandler handler, TransportCounters counters, DatagramTap tap) {
            super(DatagramPacket.class, true);
            this.handler = handler;
            this.counters = counters;
            this.tap = tap;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            counters.increment(TransportCounters.Kind.DATAGRAMS_RECEIVED);
            if (tap != null) {
                tap(tap, DatagramTap.Direction.RECEIVED, packet.content(),
                        (InetSocketAddress) ctx.channel().localAddress(), packet.sender());
            }
            try {
                handler.onDatagram(packet.content(), packet.sender());
            } catch (RuntimeException e) {
                // never let bad input or a handler bug tear down the socket
                counters.increment(TransportCounters.Kind.HANDLER_FAILED);
                LOG.debug("handler failed on a datagram from {}", packet.sender(), e);
            } catch (ProtocolBugCrash e) {
                // a deliberate protocol bug (self-tests only) simulates a crash: the receive loop ends
                LOG.warn("receive loop stopped: {}", e.getMessage());
                ctx.channel().close();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            try {
                handler.onReadBatchComplete();
            } catch (RuntimeException e) {
                counters.increment(TransportCounters.Kind.HANDLER_FAILED);
                LOG.debug("handler failed after a read batch", e);
            }
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("socket error", cause);
        }
    }
}
