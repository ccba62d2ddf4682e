package org.sss.tools.bench.compare.quic;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.quic.DefaultQuicStreamFrame;

/**
 * Client end of an echo stream: sends one request at a time and checks that exactly the request
 * comes back, byte for byte, then tells its {@link Listener} when the first and the last byte of
 * the reply arrived. Runs on the stream's event loop; {@link #request} must be called there, after
 * the stream is active.
 */
final class EchoClientStream extends ChannelInboundHandlerAdapter {
    /** Hears about each verified reply, on the stream's event loop. */
    interface Listener {
        /** The reply matched the request; {@link System#nanoTime()} readings of its first and last byte. */
        void replied(EchoClientStream stream, long firstByteNanos, long lastByteNanos);

        /** The exchange broke. */
        void failed(Throwable cause);
    }

    private final Listener listener;
    private ChannelHandlerContext ctx;
    private byte[] expected;
    private int matched;
    private long firstByte;

    EchoClientStream(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    /** Sends {@code request}; with {@code finish}, the stream's last bytes (FIN). */
    void request(byte[] request, boolean finish) {
        expected = request;
        matched = 0;
        firstByte = 0;
        ByteBuf bytes = Unpooled.wrappedBuffer(request);
        ctx.writeAndFlush(finish ? new DefaultQuicStreamFrame(bytes, true) : bytes).addListener(write -> {
            if (!write.isSuccess()) {
                listener.failed(write.cause());
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        long now = System.nanoTime();
        ByteBuf bytes = (ByteBuf) msg;
        try {
            if (expected == null || bytes.readableBytes() > expected.length - matched) {
                listener.failed(new IllegalStateException("echo: more bytes came back than were sent"));
                return;
            }
            if (firstByte == 0) {
                firstByte = now;
            }
            while (bytes.isReadable()) {
                if (bytes.readByte() != expected[matched]) {
                    listener.failed(new IllegalStateException("echo: byte " + matched + " differs from the request"));
                    return;
                }
                matched++;
            }
        } finally {
            bytes.release();
        }
        if (matched == expected.length) {
            expected = null;
            listener.replied(this, firstByte, now);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (expected != null) {
            listener.failed(new IllegalStateException("echo: stream closed after " + matched + " of "
                    + expected.length + " reply bytes"));
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        listener.failed(cause);
        context.close();
    }
}
