package org.sss.tools.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;
import org.sss.core.testservices.TestServices;

/** The stream steps the workloads share: open a test service, write, read back, check. */
final class StreamSteps {
    /** The size of each write of a long transfer. */
    static final int CHUNK = 16 * 1024;

    private StreamSteps() {
    }

    /** A stream to test service {@code service} (SPEC.md Appendix A), after its OK reply. */
    static Stream open(SecureChannel channel, String service) {
        return CaptureSession.await(channel.connect(service, TestServices.PROTOCOL), "the " + service + " service");
    }

    /** Writes {@code data} in chunks, each write awaited (so the stream's send window paces it). */
    static void write(Stream stream, byte[] data) {
        for (int offset = 0; offset < data.length; offset += CHUNK) {
            byte[] chunk = Arrays.copyOfRange(data, offset, Math.min(data.length, offset + CHUNK));
            CaptureSession.await(stream.write(chunk), "a write of " + chunk.length + " bytes");
        }
    }

    /** Reads {@code stream} to its end. */
    static byte[] readAll(Stream stream) {
        return CaptureSession.await(CompletableFuture.supplyAsync(() -> {
            try {
                return stream.inputStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), "the stream to be read to its end");
    }

    /** Reads exactly {@code length} bytes of {@code stream}. */
    static byte[] read(Stream stream, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < length) {
            byte[] bytes = CaptureSession.await(stream.read(length - out.size()), "a read");
            if (bytes.length == 0) {
                throw new IllegalStateException("the stream ended after " + out.size() + " of " + length + " bytes");
            }
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** Fails unless the echo returned what was sent. */
    static void expectEcho(byte[] sent, byte[] echoed, String what) {
        if (!Arrays.equals(sent, echoed)) {
            throw new IllegalStateException(what + ": the echo differs from what was sent (" + sent.length
                    + " bytes sent, " + echoed.length + " received)");
        }
    }

    /** {@code length} bytes from the session's seeded random. */
    static byte[] bytes(CaptureSession session, int length) {
        byte[] data = new byte[length];
        session.random().nextBytes(data);
        return data;
    }

    /** Closes {@code channel} with NO_ERROR and {@code reason}, and waits for the closure. */
    static void close(SecureChannel channel, String reason) {
        CaptureSession.await(channel.close(reason), "the channel to close");
    }
}
