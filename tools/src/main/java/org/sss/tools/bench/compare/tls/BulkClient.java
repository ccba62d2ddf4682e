package org.sss.tools.bench.compare.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The client's end of a bulk connection: announces its share as 8 big-endian bytes, writes the
 * share in slices of one random chunk while the connection is writable (so at most
 * {@link TlsPair#WATER_MARK}'s high mark waits in memory), and then waits for the server's 8-byte
 * count, which must equal the share.
 */
final class BulkClient extends ChannelInboundHandlerAdapter {
    private final ByteBuf chunk;
    private final long share;
    private final CompletableFuture<Long> answered = new CompletableFuture<>();
    private Channel channel;
    private long remaining;
    private long answer;
    private int answerBytes;

    /**
     * @param chunk the content, written over and over; shared, never released
     * @param share bytes this connection carries
     */
    BulkClient(ByteBuf chunk, long share) {
        this.chunk = chunk;
        this.share = share;
        this.remaining = share;
    }

    /** Completes with {@link System#nanoTime()} when the server's answer arrived and matched. */
    CompletableFuture<Long> answered() {
        return answered;
    }

    /** Starts writing, on the channel's event loop. */
    void start(Channel connected) {
        connected.eventLoop().execute(() -> {
            channel = connected;
            channel.write(channel.alloc().buffer(Long.BYTES).writeLong(share));
            pump();
        });
    }

    private void pump() {
        while (remaining > 0 && channel.isWritable()) {
            int length = (int) Math.min(chunk.readableBytes(), remaining);
            channel.write(chunk.slice(chunk.readerIndex(), length));
            remaining -= length;
        }
        channel.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (channel != null && remaining > 0 && ctx.channel().isWritable()) {
            pump();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            long now = System.nanoTime();
            while (bytes.isReadable()) {
                if (answerBytes == Long.BYTES) {
                    fail(new IllegalStateException("server sent more than its 8-byte count"));
                    return;
                }
                answer = (answer << 8) | bytes.readUnsignedByte();
                answerBytes++;
            }
            if (answerBytes == Long.BYTES) {
                if (answer != share) {
                    fail(new IllegalStateException("server counted " + answer + " bytes, client sent " + share));
                } else {
                    answered.complete(now);
                }
            }
        } finally {
            bytes.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(new IOException("connection closed before the server's count (" + (share - remaining) + " of " + share
                + " bytes written)"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause);
        ctx.close();
    }

    private void fail(Throwable cause) {
        answered.completeExceptionally(cause);
    }
}
