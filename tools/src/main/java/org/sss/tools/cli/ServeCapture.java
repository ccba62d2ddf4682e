package org.sss.tools.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import org.sss.core.host.ChannelKeyLog;
import org.sss.core.host.ChannelSecrets;
import org.sss.core.transport.DatagramTap;
import org.sss.tools.capture.HostRecorder;

/**
 * {@code sss serve --capture FILE --keylog FILE}: the server's {@link HostRecorder}, which streams every
 * datagram into the capture and every channel line and minute key into the key log (SPEC.md Appendix D)
 * as the server runs.
 */
final class ServeCapture implements DatagramTap, ChannelKeyLog, AutoCloseable {
    private final HostRecorder recorder;

    private ServeCapture(HostRecorder recorder) {
        this.recorder = recorder;
    }

    /**
     * Creates (truncating) both files, so that a file that cannot be written fails now, not after serving.
     *
     * @param pcap the capture file, or null for none
     * @param keylog the keylog file, or null for none
     */
    static ServeCapture open(Path pcap, Path keylog) throws IOException {
        return new ServeCapture(HostRecorder.open(pcap, keylog));
    }

    /** Whether datagrams are recorded. */
    boolean capturesDatagrams() {
        return recorder.capturesDatagrams();
    }

    /** Whether keys are logged. */
    boolean logsKeys() {
        return recorder.logsKeys();
    }

    @Override
    public void onDatagram(Direction direction, byte[] payload, InetSocketAddress local, InetSocketAddress remote,
            Instant time) {
        recorder.onDatagram(direction, payload, local, remote, time);
    }

    @Override
    public void onChannelEstablished(ChannelSecrets secrets) {
        recorder.onChannelEstablished(secrets);
    }

    @Override
    public void onMinuteKey(byte[] minuteKey) {
        recorder.onMinuteKey(minuteKey);
    }

    /**
     * Closes both files; call after the host has closed, so that its last datagrams (CLOSE) are in it.
     *
     * @return a line describing what was written, or null when nothing was captured
     */
    String finish() throws IOException {
        return recorder.finish();
    }

    @Override
    public void close() throws IOException {
        recorder.close();
    }
}
