package org.sss.tools.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.sss.core.host.Stream;
import org.sss.core.testservices.SourceService;

/**
 * The exchange of {@code sss connect} for {@code source} (SPEC.md Appendix A.3): sends the 12-byte
 * command record (u64 N, u32 S, big-endian), finishes this direction, and copies the bytes that
 * come back to standard output until the peer's FIN. It does not check them: that is the caller's job.
 */
final class ConnectSource {
    private ConnectSource() {
    }

    /**
     * Runs the exchange.
     *
     * @param bytes N, how many bytes the service is asked for (unsigned)
     * @param recordSize S, a record boundary after every S bytes, 0 for none (u32)
     * @throws ConnectFailure if the stream is reset or the peer is silent past the timeout
     */
    static void run(Stream stream, long bytes, long recordSize, OutputStream stdout, ConnectWait wait)
            throws ConnectFailure, IOException {
        // SPEC TST-SRC-1, TST-SRC-2: the command record, exactly 12 bytes, one record
        byte[] command = ByteBuffer.allocate(SourceService.COMMAND_LENGTH).putLong(bytes).putInt((int) recordSize)
                .array();
        wait.await(stream.writeRecord(command), "sending the source command");
        stream.finish(); // SPEC TST-SRC-3: anything after the command is discarded; send nothing more
        wait.sendingDone();
        ConnectByteCopy.copyToOutput(stream, stdout, wait);
    }
}
