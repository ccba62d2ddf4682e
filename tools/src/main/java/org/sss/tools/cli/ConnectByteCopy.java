package org.sss.tools.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.sss.core.host.Stream;

/**
 * The exchange of {@code sss connect} for {@code echo}, {@code discard} and any service it does not
 * know: standard input is copied to the stream, which is finished (FIN) at the input's end, while the
 * stream's bytes are copied to standard output until the peer's FIN. Record boundaries are not
 * represented on either side.
 */
final class ConnectByteCopy {
    /** The most bytes read from standard input, or from the stream, at a time. */
    static final int CHUNK = 64 * 1024;

    private ConnectByteCopy() {
    }

    /**
     * Runs the exchange; returns at the peer's FIN, once every byte before it is on {@code stdout}.
     *
     * @throws ConnectFailure if the stream is reset or closed, a write or (after the input's end) the
     *     peer's data does not come within the timeout, or standard input fails
     */
    static void run(Stream stream, InputStream stdin, OutputStream stdout, ConnectWait wait)
            throws ConnectFailure, IOException {
        Thread sender = new Thread(() -> send(stream, stdin, wait), "sss-connect-stdin");
        sender.setDaemon(true);
        sender.start();
        copyToOutput(stream, stdout, wait);
    }

    /** Copies the stream's bytes to {@code stdout}, flushing each chunk, until the peer's FIN. */
    static void copyToOutput(Stream stream, OutputStream stdout, ConnectWait wait) throws ConnectFailure, IOException {
        while (true) {
            byte[] bytes = wait.awaitPeer(stream.read(CHUNK), "reading the stream");
            if (bytes.length == 0) {
                return; // the peer's FIN, every byte before it read
            }
            stdout.write(bytes);
            stdout.flush();
        }
    }

    private static void send(Stream stream, InputStream stdin, ConnectWait wait) {
        byte[] buffer = new byte[CHUNK];
        try {
            while (true) {
                int n = stdin.read(buffer);
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    // waits for the send window: back-pressure from the peer reaches standard input
                    wait.await(stream.write(Arrays.copyOf(buffer, n)), "writing to the stream");
                }
            }
            stream.finish(); // FIN at the input's end; the reader waits for the peer's answer
            wait.sendingDone();
        } catch (ConnectFailure e) {
            wait.abort(e);
        } catch (IOException e) {
            wait.abort(new ConnectFailure("reading standard input: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            wait.abort(new ConnectFailure("writing to the stream: " + e, e));
        }
    }
}
