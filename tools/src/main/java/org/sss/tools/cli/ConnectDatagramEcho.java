package org.sss.tools.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.sss.core.host.Stream;

/**
 * The exchange of {@code sss connect} for {@code datagram-echo} (SPEC.md Appendix A.4): each line
 * of standard input (its bytes before {@code \n}; a last line without one counts) is sent as one
 * datagram under the stream, and each datagram the service sends back is written to standard
 * output as a line, in the order the datagrams complete. It stops when as many datagrams came back
 * as were sent, or when the timeout passes with none arriving after the input's end.
 */
final class ConnectDatagramEcho {
    private static final long POLL_MILLIS = 20;

    private final Stream stream;
    private final OutputStream stdout;
    private final ConnectWait wait;
    private final Object lock = new Object();
    private int received;
    private long lastReceivedAt = System.nanoTime();
    private IOException outputFailure;

    private ConnectDatagramEcho(Stream stream, OutputStream stdout, ConnectWait wait) {
        this.stream = stream;
        this.stdout = stdout;
        this.wait = wait;
    }

    /**
     * Runs the exchange, then finishes the stream.
     *
     * @throws ConnectFailure if fewer datagrams came back than were sent before the timeout, or a
     *     datagram could not be sent within it
     */
    static void run(Stream stream, InputStream stdin, OutputStream stdout, ConnectWait wait)
            throws ConnectFailure, IOException {
        new ConnectDatagramEcho(stream, stdout, wait).exchange(stdin);
    }

    private void exchange(InputStream stdin) throws ConnectFailure, IOException {
        acceptNext();
        int sent = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = stdin.read()) >= 0) {
            if (b == '\n') {
                send(line.toByteArray());
                sent++;
                line.reset();
            } else {
                line.write(b);
            }
        }
        if (line.size() > 0) {
            send(line.toByteArray());
            sent++;
        }
        wait.sendingDone();
        awaitEchoes(sent);
        stream.finish();
    }

    private void send(byte[] datagram) throws ConnectFailure {
        // SPEC STR-DGRAM-1: a datagram is an ephemeral substream of the stream
        wait.await(stream.sendDatagram(datagram), "sending a datagram");
    }

    private void awaitEchoes(int sent) throws ConnectFailure, IOException {
        long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(wait.timeoutMillis());
        long inputEndedAt = System.nanoTime();
        synchronized (lock) {
            while (received < sent) {
                if (outputFailure != null) {
                    throw outputFailure;
                }
                long lastProgress = lastReceivedAt - inputEndedAt > 0 ? lastReceivedAt : inputEndedAt;
                if (System.nanoTime() - (lastProgress + timeoutNanos) >= 0) {
                    throw new ConnectFailure(received + " of " + sent + " datagrams echoed; none more within "
                            + wait.timeoutMillis() + " ms");
                }
                try {
                    lock.wait(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConnectFailure("waiting for echoed datagrams: interrupted", e);
                }
            }
            if (outputFailure != null) {
                throw outputFailure;
            }
        }
    }

    /** Takes the service's datagrams as they open; each is read on its own (one lost piece holds up no other). */
    private void acceptNext() {
        stream.acceptSubstream().whenComplete((datagram, failure) -> {
            if (failure != null) {
                return; // the stream or channel ended; the main thread's wait reports what is missing
            }
            acceptNext();
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            readToEnd(datagram, message).whenComplete((ignored, readFailure) -> {
                if (readFailure != null) {
                    return; // an incomplete or reset datagram is no echo (SPEC STR-DGRAM-4, STR-DGRAM-5)
                }
                datagram.finish(); // this end's direction of the datagram: an empty FIN
                print(message.toByteArray());
            });
        });
    }

    private static CompletableFuture<Void> readToEnd(Stream datagram, ByteArrayOutputStream message) {
        return datagram.read(ConnectByteCopy.CHUNK).thenCompose(bytes -> {
            if (bytes.length == 0) {
                return CompletableFuture.completedFuture(null);
            }
            message.write(bytes, 0, bytes.length);
            return readToEnd(datagram, message);
        });
    }

    private void print(byte[] datagram) {
        synchronized (lock) {
            try {
                stdout.write(datagram);
                stdout.write('\n');
                stdout.flush();
            } catch (IOException e) {
                outputFailure = e;
            }
            received++;
            lastReceivedAt = System.nanoTime();
            lock.notifyAll();
        }
    }
}
