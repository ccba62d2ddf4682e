package org.sss.tools.bench.compare.tls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The client's end of the echo workloads: sends a request, checks that exactly the same bytes come
 * back, and notes when the first and the last of them arrived. One request at a time; everything
 * runs on the channel's event loop.
 */
final class EchoClient extends ChannelInboundHandlerAdapter {
    /**
     * A verified reply.
     *
     * @param firstByteNanos {@link System#nanoTime()} when its first byte was read
     * @param lastByteNanos when its last byte was read
     */
    record Reply(long firstByteNanos, long lastByteNanos) {
    }

    private byte[] expected;
    private int received;
    private long firstByteNanos;
    private CompletableFuture<Reply> pending;

    /** Sends {@code request} on {@code channel}, whose pipeline holds this handler. */
    CompletableFuture<Reply> exchange(Channel channel, byte[] request) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        if (channel.eventLoop().inEventLoop()) {
            send(channel, request, reply);
        } else {
            channel.eventLoop().execute(() -> send(channel, request, reply));
        }
        return reply;
    }

    private void send(Channel channel, byte[] request, CompletableFuture<Reply> reply) {
        if (pending != null) {
            reply.completeExceptionally(new IllegalStateException("a request is already outstanding"));
            return;
        }
        expected = request;
        received = 0;
        firstByteNanos = 0;
        pending = reply;
        channel.writeAndFlush(Unpooled.wrappedBuffer(request)).addListener(write -> {
            if (!write.isSuccess()) {
                fail(write.cause());
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            long now = System.nanoTime();
            if (pending == null) {
                ctx.close();
                return;
            }
            if (firstByteNanos == 0) {
                firstByteNanos = now;
            }
            int length = bytes.readableBytes();
            if (received + length > expected.length) {
                fail(new IllegalStateException("echo returned " + (received + length) + " bytes, sent "
                        + expected.length));
                return;
            }
            for (int i = 0; i < length; i++) {
                if (bytes.getByte(bytes.readerIndex() + i) != expected[received + i]) {
                    fail(new IllegalStateException("echo differs at byte " + (received + i)));
                    return;
                }
            }
            received += length;
            if (received == expected.length) {
                CompletableFuture<Reply> done = pending;
                pending = null;
                done.complete(new Reply(firstByteNanos, now));
            }
        } finally {
            bytes.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(new IOException("connection closed with " + received + " of " + (expected == null ? 0 : expected.length)
                + " echoed bytes"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause);
        ctx.close();
    }

    private void fail(Throwable cause) {
        if (pending != null) {
            CompletableFuture<Reply> failed = pending;
            pending = null;
            failed.completeExceptionally(cause);
        }
    }
}
