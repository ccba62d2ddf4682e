package org.sss.tools.bench.compare.tls;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.sss.tools.bench.compare.Loopback;
import org.sss.tools.bench.compare.NettyTransport;

/**
 * A TLS server and a client in this JVM, each on its own one-thread event loop as two hosts would
 * be, over TCP with Nagle off. Every connection is a new TCP connection and a full TLS 1.3
 * handshake; the pair counts the handshakes its client finished, and {@link #verifyFullHandshakes()}
 * checks that each was full.
 */
final class TlsPair implements AutoCloseable {
    /** Unflushed plus unsent bytes at which a connection stops being writable; bulk writers wait below it. */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 512 * 1024);

    private final TlsContexts tls;
    private final Negotiated negotiated;
    private final EventLoopGroup serverGroup;
    private final EventLoopGroup clientGroup;
    private final Bootstrap client;
    private final InetSocketAddress serverAddress;
    private final AtomicLong handshakes = new AtomicLong();

    private TlsPair(TlsContexts tls, Negotiated negotiated, EventLoopGroup serverGroup, EventLoopGroup clientGroup,
            Bootstrap client, InetSocketAddress serverAddress) {
        this.tls = tls;
        this.negotiated = negotiated;
        this.serverGroup = serverGroup;
        this.clientGroup = clientGroup;
        this.client = client;
        this.serverAddress = serverAddress;
    }

    /**
     * Binds the server on {@code loopback}; each accepted connection gets a TLS handler, then a
     * handler from {@code serverHandler}.
     */
    static TlsPair start(Loopback loopback, TlsSetup setup, Supplier<ChannelHandler> serverHandler)
            throws InterruptedException, SSLException {
        TlsContexts tls = TlsContexts.create(setup.certificate());
        NettyTransport transport = setup.transport();
        EventLoopGroup serverGroup = transport.newGroup();
        EventLoopGroup clientGroup = transport.newGroup();
        try {
            ServerBootstrap server = new ServerBootstrap()
                    .group(serverGroup)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(tls.server().newHandler(channel.alloc()), serverHandler.get());
                        }
                    });
            Channel listener = server.bind(loopback.anyPort()).sync().channel();
            Bootstrap client = new Bootstrap()
                    .group(clientGroup)
                    .channel(transport.clientChannel())
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                    .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK);
            return new TlsPair(tls, setup.negotiated(), serverGroup, clientGroup, client,
                    (InetSocketAddress) listener.localAddress());
        } catch (InterruptedException | RuntimeException e) {
            NettyTransport.shutdown(serverGroup, clientGroup);
            throw e;
        }
    }

    /**
     * Opens a new connection with {@code handler} behind the client's TLS handler.
     *
     * @return completes with the channel once the client has finished a TLS 1.3 handshake, or
     *         exceptionally
     */
    CompletableFuture<Channel> connect(ChannelHandler handler) {
        CompletableFuture<Channel> ready = new CompletableFuture<>();
        ChannelFuture connected = client.clone()
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        // no peer host and port: the JDK cannot look up a session to resume (see TlsContexts)
                        channel.pipeline().addLast(tls.client().newHandler(channel.alloc()), handler);
                    }
                })
                .connect(serverAddress);
        connected.addListener(connect -> {
            if (!connect.isSuccess()) {
                ready.completeExceptionally(connect.cause());
                return;
            }
            Channel channel = connected.channel();
            SslHandler ssl = channel.pipeline().get(SslHandler.class);
            ssl.handshakeFuture().addListener(handshake -> {
                if (!handshake.isSuccess()) {
                    channel.close();
                    ready.completeExceptionally(handshake.cause());
                    return;
                }
                try {
                    negotiated.check(ssl.engine().getSession());
                } catch (IllegalStateException e) {
                    channel.close();
                    ready.completeExceptionally(e);
                    return;
                }
                handshakes.incrementAndGet();
                ready.complete(channel);
            });
        });
        return ready;
    }

    /** Handshakes the client finished so far. */
    long handshakes() {
        return handshakes.get();
    }

    /**
     * Checks that every handshake the client finished was full: the client checked the server's
     * certificate once for each.
     *
     * @throws IllegalStateException if some were resumed
     */
    void verifyFullHandshakes() {
        long full = tls.trust().serverChecks();
        long done = handshakes.get();
        if (full < done) {
            throw new IllegalStateException(done + " TLS handshakes finished but only " + full
                    + " checked a server certificate: " + (done - full) + " were resumed");
        }
    }

    @Override
    public void close() throws InterruptedException {
        NettyTransport.shutdown(clientGroup, serverGroup);
    }
}
