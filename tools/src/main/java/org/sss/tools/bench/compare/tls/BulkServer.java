package org.sss.tools.bench.compare.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Queue;

/**
 * The server's end of a bulk connection. The client sends its length as 8 big-endian bytes, then
 * that many bytes; the server counts what follows the length and, once it has as many, answers with
 * the count as 8 big-endian bytes. A byte beyond the announced length is a failure, reported to
 * {@code failures} (and the client, which waits for its answer, sees the connection close).
 */
final class BulkServer extends ChannelInboundHandlerAdapter {
    private final Queue<String> failures;
    private long announced = -1;
    private int lengthBytesSeen;
    private long count;
    private boolean answered;

    BulkServer(Queue<String> failures) {
        this.failures = failures;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            while (announced < 0 && bytes.isReadable()) {
                // the length may straddle reads; collect it byte by byte into count, then move it
                count = (count << 8) | bytes.readUnsignedByte();
                if (++lengthBytesSeen == Long.BYTES) {
                    announced = count;
                    count = 0;
                }
            }
            count += bytes.readableBytes();
        } finally {
            bytes.release();
        }
        if (announced < 0) {
            return;
        }
        if (count > announced) {
            failures.add("server read " + count + " bytes on a connection that announced " + announced);
            ctx.close();
        } else if (count == announced && !answered) {
            answered = true;
            ctx.writeAndFlush(ctx.alloc().buffer(Long.BYTES).writeLong(count));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failures.add("server: " + cause);
        ctx.close();
    }
}
