package org.sss.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameCodec;
import org.sss.core.wire.FrameReader;
import org.sss.core.wire.FrameVisitor;
import org.sss.core.wire.MessagePlaintext;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PlaintextWriter;

/**
 * The frame decoder on any message plaintext (the contents of a MESSAGE box: header and frames,
 * SPEC.md sections 6 and 7) and on any single frame. It never throws; a rejection is a plaintext
 * verdict (or the plaintext length rule); an accepted plaintext re-encodes to exactly its bytes,
 * and the visitor path of {@link FrameReader#read} delivers the same frames as {@link FrameReader#decode},
 * or none at all when the plaintext is rejected (a plaintext is processed whole or not at all).
 */
class FrameDecoderFuzzTest {
    private final FrameReader reader = new FrameReader();

    @FuzzTest(maxDuration = "5m")
    void plaintext(byte[] plaintext) {
        DecodeResult<MessagePlaintext> decoded = FrameReader.decode(Unpooled.wrappedBuffer(plaintext));
        List<Frame> visited = new ArrayList<>();
        DecodeResult<PacketHeader> read = reader.read(Unpooled.wrappedBuffer(plaintext), recorder(visited));
        assertThat(read.isOk()).as("read and decode agree").isEqualTo(decoded.isOk());
        if (!decoded.isOk()) {
            assertThat(decoded.dropReason()).isEqualTo(read.dropReason());
            assertThat(decoded.dropReason().scope() == DropReason.Scope.PLAINTEXT
                    || decoded.dropReason() == DropReason.BAD_PACKET_LENGTH).as("%s", decoded).isTrue();
            assertThat(visited).as("no frame of a rejected plaintext is delivered").isEmpty();
            return;
        }
        MessagePlaintext message = decoded.value();
        assertThat(read.value()).isEqualTo(message.header());
        assertThat(visited).isEqualTo(message.frames());
        assertThat(message.encodedLength()).isEqualTo(plaintext.length);
        ByteBuf out = Unpooled.buffer(plaintext.length);
        PlaintextWriter.writeExactly(message, out);
        assertThat(ByteBufUtil.getBytes(out)).as("re-encoded").isEqualTo(plaintext);
    }

    @FuzzTest(maxDuration = "5m")
    void frame(byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        DecodeResult<Frame> decoded = FrameCodec.decode(in);
        if (!decoded.isOk()) {
            assertThat(decoded.dropReason().scope() == DropReason.Scope.PLAINTEXT
                    || decoded.dropReason() == DropReason.BAD_PACKET_LENGTH).as("%s", decoded).isTrue();
            return;
        }
        Frame frame = decoded.value();
        int consumed = in.readerIndex();
        assertThat(FrameCodec.encodedLength(frame)).isEqualTo(consumed);
        ByteBuf out = Unpooled.buffer(consumed);
        FrameCodec.encode(frame, out);
        assertThat(ByteBufUtil.getBytes(out)).as("re-encoded").isEqualTo(ByteBufUtil.getBytes(in, 0, consumed));
    }

    /** A visitor that records every frame it is given, whatever its type. */
    private static FrameVisitor recorder(List<Frame> into) {
        return (FrameVisitor) Proxy.newProxyInstance(FrameVisitor.class.getClassLoader(),
                new Class<?>[] {FrameVisitor.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                                : method.getName().equals("equals") ? proxy == args[0] : "recorder";
                    }
                    into.add((Frame) args[0]);
                    return null;
                });
    }
}
