package org.sss.tools.bench.compare.quic;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.quic.DefaultQuicStreamFrame;
import io.netty.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client end of a bulk stream: writes its share in {@value #WRITE}-byte slices of the shared random
 * content, only while the stream is writable (Netty's write-buffer watermarks, which follow quiche's
 * stream capacity, so memory stays bounded whatever the share), finishes the stream with the last
 * slice, and checks the server's 8-byte answer against the share.
 */
final class BulkClientStream extends ChannelInboundHandlerAdapter {
    /** Bytes per write. */
    static final int WRITE = 64 * 1024;

    private final ByteBuf content;
    private final long share;
    private final int firstSlice;
    private final AtomicLong firstWrite;
    private final AtomicLong lastAnswer;
    private final Completion completion;
    private final ByteBuf answer = Unpooled.buffer(Long.BYTES);
    private long written;
    private int slices;
    private boolean finished;

    /**
     * @param content random content whose size is a multiple of {@value #WRITE}, sliced, never released here
     * @param firstSlice index of the slice to start at, so that streams do not all send the same bytes
     * @param firstWrite set to {@link System#nanoTime()} by the first stream to write, if still 0
     * @param lastAnswer set to the time of each verified answer (the last one wins)
     */
    BulkClientStream(ByteBuf content, long share, int firstSlice, AtomicLong firstWrite, AtomicLong lastAnswer,
            Completion completion) {
        this.content = content;
        this.share = share;
        this.firstSlice = firstSlice;
        this.firstWrite = firstWrite;
        this.lastAnswer = lastAnswer;
        this.completion = completion;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        firstWrite.compareAndSet(0, System.nanoTime());
        writeWhileWritable(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        writeWhileWritable(ctx);
        ctx.fireChannelWritabilityChanged();
    }

    private void writeWhileWritable(ChannelHandlerContext ctx) {
        if (finished) {
            return;
        }
        int slicesInContent = content.capacity() / WRITE;
        while (ctx.channel().isWritable() && !finished) {
            int length = (int) Math.min(WRITE, share - written);
            int offset = ((firstSlice + slices++) % slicesInContent) * WRITE;
            ByteBuf slice = content.retainedSlice(offset, length);
            written += length;
            if (written == share) {
                finished = true;
                ctx.write(new DefaultQuicStreamFrame(slice, true)).addListener(this::failOnError);
            } else {
                ctx.write(slice).addListener(this::failOnError);
            }
        }
        ctx.flush();
    }

    private void failOnError(Future<? super Void> write) {
        if (!write.isSuccess()) {
            completion.fail(write.cause());
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            if (bytes.readableBytes() > answer.writableBytes()) {
                completion.fail(new IllegalStateException("stream " + ctx.channel() + ": answer longer than 8 bytes"));
                return;
            }
            answer.writeBytes(bytes);
        } finally {
            bytes.release();
        }
        if (answer.readableBytes() == Long.BYTES) {
            long counted = answer.readLong();
            if (counted != share) {
                completion.fail(new IllegalStateException("server counted " + counted + " bytes on a stream that sent "
                        + share));
                return;
            }
            lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
            completion.done();
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (answer.readerIndex() < Long.BYTES) {
            completion.fail(new IllegalStateException("stream closed after writing " + written + " of " + share
                    + " bytes and reading " + answer.readableBytes() + " of the 8-byte answer"));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        completion.fail(cause);
        ctx.close();
    }
}
