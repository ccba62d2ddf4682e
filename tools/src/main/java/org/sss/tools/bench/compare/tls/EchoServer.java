package org.sss.tools.bench.compare.tls;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The server's end of the echo workloads: writes back whatever it reads, flushed once per read
 * batch. A connection that fails is closed, which the client notices.
 */
final class EchoServer extends ChannelInboundHandlerAdapter {

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
        // a client that closes right after its handshake may reset the server's tickets; nothing to report
        ctx.close();
    }
}
