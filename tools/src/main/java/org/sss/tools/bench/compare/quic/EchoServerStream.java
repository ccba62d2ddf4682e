package org.sss.tools.bench.compare.quic;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.handler.codec.quic.DefaultQuicStreamFrame;
import org.sss.tools.bench.compare.EchoServerHandler;

/**
 * Server end of an echo stream: echoes as {@link EchoServerHandler} does, and finishes its side when
 * the client finishes its own. The stream must allow half closure.
 */
@ChannelHandler.Sharable
final class EchoServerStream extends EchoServerHandler {
    static final EchoServerStream INSTANCE = new EchoServerStream();

    private EchoServerStream() {
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == ChannelInputShutdownReadComplete.INSTANCE) {
            ctx.writeAndFlush(new DefaultQuicStreamFrame(Unpooled.EMPTY_BUFFER, true));
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }
}
