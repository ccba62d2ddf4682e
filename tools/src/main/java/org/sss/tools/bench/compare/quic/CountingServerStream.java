package org.sss.tools.bench.compare.quic;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.handler.codec.quic.DefaultQuicStreamFrame;

/**
 * Server end of a bulk stream: counts the bytes it reads and, once the client has finished the
 * stream, answers with the count as 8 big-endian bytes and finishes its own side. The stream must
 * allow half closure.
 */
final class CountingServerStream extends ChannelInboundHandlerAdapter {
    private long count;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        count += bytes.readableBytes();
        bytes.release();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == ChannelInputShutdownReadComplete.INSTANCE) {
            ctx.writeAndFlush(new DefaultQuicStreamFrame(ctx.alloc().buffer(Long.BYTES).writeLong(count), true));
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
