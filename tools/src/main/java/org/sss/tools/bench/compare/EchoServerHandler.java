package org.sss.tools.bench.compare;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The server's end of the echo workloads of a Netty-based contender (a QUIC stream or a TLS
 * connection): writes back whatever it reads, flushed once per read batch. A channel that fails is
 * closed, which the client notices. It holds no state, so one instance serves every channel.
 */
@ChannelHandler.Sharable
public class EchoServerHandler extends ChannelInboundHandlerAdapter {
    /** The handler. */
    public static final EchoServerHandler INSTANCE = new EchoServerHandler();

    /** For protocols that add their own end-of-stream handling. */
    protected EchoServerHandler() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.write(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a client that closes right after its handshake may reset the server's writes; nothing to report
        ctx.close();
    }
}
