package org.sss.tools.bench.compare.quic;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.quic.Quic;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicClientCodecBuilder;
import io.netty.handler.codec.quic.QuicCodecBuilder;
import io.netty.handler.codec.quic.QuicServerCodecBuilder;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.sss.tools.bench.compare.Loopback;
import org.sss.tools.bench.compare.NettyTransport;
import org.sss.tools.bench.compare.ServerCertificate;

/**
 * A QUIC server and a QUIC client in this JVM, each on its own UDP socket and event-loop thread
 * ({@link DatagramTransport}). The server accepts every connection (no Retry: Netty's default token
 * handler sends none), presents a fresh self-signed certificate, and runs a new
 * {@code serverStream} handler on every stream the client opens. The client trusts any
 * certificate; one client socket carries every connection, which quiche tells apart by connection
 * ID.
 */
final class QuicPair implements AutoCloseable {
    private static volatile String negotiated;

    private final EventLoopGroup serverGroup;
    private final EventLoopGroup clientGroup;
    private final Channel server;
    private final Channel client;
    private final AtomicLong serverConnections;

    private QuicPair(EventLoopGroup serverGroup, EventLoopGroup clientGroup, Channel server, Channel client,
            AtomicLong serverConnections) {
        this.serverGroup = serverGroup;
        this.clientGroup = clientGroup;
        this.server = server;
        this.client = client;
        this.serverConnections = serverConnections;
    }

    /**
     * Binds the server on {@code loopback} and the client on the same address.
     *
     * @throws IllegalStateException if the native QUIC library does not load here
     */
    static QuicPair start(Loopback loopback, QuicSettings settings, Supplier<ChannelHandler> serverStream)
            throws InterruptedException, GeneralSecurityException {
        requireNative();
        ServerCertificate certificate = ServerCertificate.generate();
        QuicSslContext serverTls = QuicSslContextBuilder
                .forServer(certificate.key(), null, certificate.certificate())
                .applicationProtocols(QuicSettings.ALPN).build();
        QuicSslContext clientTls = QuicSslContextBuilder.forClient()
                .trustManager(InsecureTrustManagerFactory.INSTANCE)
                .applicationProtocols(QuicSettings.ALPN).build();
        AtomicLong serverConnections = new AtomicLong();
        ChannelHandler serverCodec = configure(new QuicServerCodecBuilder(), settings)
                .sslContext(serverTls)
                .handler(new ConnectionCounter(serverConnections))
                .streamOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .streamHandler(new ChannelInitializer<QuicStreamChannel>() {
                    @Override
                    protected void initChannel(QuicStreamChannel stream) {
                        stream.pipeline().addLast(serverStream.get());
                    }
                })
                .build();
        ChannelHandler clientCodec = configure(new QuicClientCodecBuilder(), settings).sslContext(clientTls).build();
        EventLoopGroup serverGroup = DatagramTransport.TRANSPORT.newGroup();
        EventLoopGroup clientGroup = DatagramTransport.TRANSPORT.newGroup();
        try {
            Channel server = DatagramTransport.bootstrap(serverGroup).handler(serverCodec)
                    .bind(loopback.anyPort()).sync().channel();
            Channel client = DatagramTransport.bootstrap(clientGroup).handler(clientCodec)
                    .bind(loopback.anyPort()).sync().channel();
            return new QuicPair(serverGroup, clientGroup, server, client, serverConnections);
        } catch (InterruptedException | RuntimeException e) {
            NettyTransport.shutdown(serverGroup, clientGroup);
            throw e;
        }
    }

    /** Fails with the reason when quiche's native library cannot be loaded on this platform. */
    static void requireNative() {
        if (!Quic.isAvailable()) {
            throw new IllegalStateException("QUIC contender: the native quiche library of netty-codec-native-quic "
                    + "did not load on " + System.getProperty("os.name") + "/" + System.getProperty("os.arch"),
                    Quic.unavailabilityCause());
        }
    }

    private static <B extends QuicCodecBuilder<B>> B configure(B builder, QuicSettings settings) {
        return builder
                .maxIdleTimeout(settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .initialMaxData(settings.maxData())
                .initialMaxStreamDataBidirectionalLocal(settings.maxStreamData())
                .initialMaxStreamDataBidirectionalRemote(settings.maxStreamData())
                .initialMaxStreamsBidirectional(settings.maxStreams())
                .initialMaxStreamsUnidirectional(0);
    }

    /**
     * Starts a new connection to the server; the future completes once the handshake has (the
     * server opens no streams, so the client's stream handler is a no-op).
     */
    Future<QuicChannel> connect() {
        Future<QuicChannel> connected = QuicChannel.newBootstrap(client)
                .streamHandler(new ChannelInboundHandlerAdapter())
                .remoteAddress(server.localAddress())
                .connect();
        if (negotiated == null) {
            connected.addListener(done -> {
                if (done.isSuccess()) {
                    SSLSession session = ((QuicChannel) done.getNow()).sslEngine().getSession();
                    negotiated = session.getProtocol() + " " + session.getCipherSuite();
                }
            });
        }
        return connected;
    }

    /** Protocol and cipher suite of the last run's first connection, for the report; null before any. */
    static String negotiated() {
        return negotiated;
    }

    /** The client's event loop, for promises that its connections complete. */
    EventExecutor clientExecutor() {
        return client.eventLoop();
    }

    /** The server's UDP address. */
    InetSocketAddress serverAddress() {
        return (InetSocketAddress) server.localAddress();
    }

    /** Connections whose handshake completed on the server side so far. */
    long serverConnections() {
        return serverConnections.get();
    }

    @Override
    public void close() {
        client.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        NettyTransport.shutdown(serverGroup, clientGroup);
    }

    /** Counts the server's connections as their handshakes complete. */
    @ChannelHandler.Sharable
    private static final class ConnectionCounter extends ChannelInboundHandlerAdapter {
        private final AtomicLong established;

        ConnectionCounter(AtomicLong established) {
            this.established = established;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            established.incrementAndGet();
            ctx.fireChannelActive();
        }
    }
}
