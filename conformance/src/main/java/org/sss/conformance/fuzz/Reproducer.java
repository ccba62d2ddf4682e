package org.sss.conformance.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.report.PcapFile;

/**
 * Writes a finding's reproducer into its own directory: {@code packets.pcap} (every datagram the fuzzer
 * sent in the last failing trial, handshakes included), {@code keylog.txt} (the channels' keys, the
 * format of {@code report/Keylog}), {@code case.txt} (seed, stage, the inputs left after shrinking with
 * their bytes) and {@code replay.txt} (the commands that play it back). {@link #read} reads the inputs
 * of a {@code case.txt} back for {@code sss fuzz --reproduce}.
 */
public final class Reproducer {
    /** The file that names the inputs. */
    public static final String CASE = "case.txt";
    /** The capture. */
    public static final String PCAP = "packets.pcap";

    private Reproducer() {
    }

    /** The inputs and session seed of a reproducer. */
    public record Case(List<FuzzInput> inputs, long sessionSeed) {
    }

    static void write(Path dir, FuzzConfig config, long batch, long sessionSeed, Oracle.Failure failure,
            int batchSize, Execution last, String targetDescription, String targetOption) throws IOException {
        Files.createDirectories(dir);
        PcapFile.write(dir.resolve(PCAP), last.datagrams());
        Files.writeString(dir.resolve("keylog.txt"), last.keylog(), StandardCharsets.UTF_8);
        StringBuilder c = new StringBuilder("# sss fuzz reproducer (conformance/FUZZING.md)\n");
        c.append("seed ").append(config.seed()).append('\n');
        c.append("batch ").append(batch).append('\n');
        c.append("batch-size ").append(config.batchSize()).append('\n');
        c.append("stage ").append(last.stage().label()).append('\n');
        c.append("session-seed ").append(sessionSeed).append('\n');
        c.append("verdict ").append(failure.kind()).append(": ").append(failure.detail().replace('\n', ' '))
                .append('\n');
        c.append("target ").append(targetDescription).append('\n');
        if (last.note() != null) {
            c.append("note ").append(last.note()).append('\n');
        }
        c.append("# ").append(last.sent().size()).append(" of ").append(batchSize)
                .append(" inputs left after shrinking, in order: input STAGE SEED LABEL\n");
        for (SentInput s : last.sent()) {
            c.append("input ").append(s.input().stage().label()).append(' ').append(s.input().seed()).append(' ')
                    .append(s.label()).append('\n');
            c.append("  datagram ").append(Hex.of(s.datagram())).append('\n');
            if (s.plaintext() != null) {
                c.append("  plaintext ").append(Hex.of(s.plaintext())).append('\n');
            }
        }
        Files.writeString(dir.resolve(CASE), c.toString(), StandardCharsets.UTF_8);
        String replay = "# Play the datagrams back to a fresh target:\n"
                + "./sss replay " + dir.resolve(PCAP) + " " + targetOption + "\n"
                + "# Post-handshake MESSAGEs are sealed for the fuzzer's channel (keylog.txt); to send the same\n"
                + "# inputs through a new handshake, re-run them from their seeds:\n"
                + "./sss fuzz --reproduce " + dir + " " + targetOption + "\n";
        Files.writeString(dir.resolve("replay.txt"), replay, StandardCharsets.UTF_8);
    }

    /** Reads the inputs of {@code dir}'s {@code case.txt}. */
    public static Case read(Path dir) throws IOException {
        Path file = Files.isDirectory(dir) ? dir.resolve(CASE) : dir;
        List<FuzzInput> inputs = new ArrayList<>();
        long sessionSeed = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] words = line.split(" ", 4);
            if (words[0].equals("input") && words.length >= 3) {
                inputs.add(new FuzzInput(Stage.of(words[1]), Long.parseLong(words[2])));
            } else if (words[0].equals("session-seed") && words.length >= 2) {
                sessionSeed = Long.parseLong(words[1]);
            }
        }
        if (inputs.isEmpty()) {
            throw new IOException(file + " names no input");
        }
        return new Case(inputs, sessionSeed);
    }
}
