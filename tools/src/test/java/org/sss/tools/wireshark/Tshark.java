package org.sss.tools.wireshark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs tshark with the generated Lua dissector loaded and reads the fields it prints, one map per
 * UDP datagram (ICMP errors quoting a UDP header are left out). tshark is a prerequisite of the tests
 * (scripts/lib/prereqs.sh installs it); when it is missing the tests fail and say so rather than skip.
 */
public final class Tshark {
    /** Generous: tshark starts slowly on a loaded machine; never a speed assertion. */
    private static final long TIMEOUT_SECONDS = 180;
    /** Separates several occurrences of one field; expert messages contain commas. */
    static final String AGGREGATOR = "|";

    private final Path executable;
    private final Path lua;
    private final Path configDir;

    private Tshark(Path executable, Path lua, Path configDir) {
        this.executable = executable;
        this.lua = lua;
        this.configDir = configDir;
    }

    /**
     * tshark from the PATH with {@code lua} loaded and an empty personal configuration in {@code scratch},
     * so that nobody's Wireshark preferences change what the tests see.
     */
    public static Tshark require(Path lua, Path scratch) throws IOException {
        Path found = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir).resolve("tshark");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                found = candidate;
                break;
            }
        }
        if (found == null) {
            fail("tshark is not installed, so the Wireshark dissector tools/wireshark/sss.lua cannot be tested. "
                    + "scripts/lib/prereqs.sh installs it (Debian package tshark), as CI does.");
        }
        assertThat(lua).as("the generated dissector; generate it with ./sss spec wireshark").isRegularFile();
        return new Tshark(found, lua, Files.createDirectories(scratch.resolve("wireshark-config")));
    }

    /** The command line {@link #fields} runs, for messages and the report. */
    public List<String> command(Path pcap, List<String> options, List<String> fields) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-n",
                "-X", "lua_script:" + lua, "-o", "udp.try_heuristic_first:TRUE"));
        command.addAll(options);
        command.addAll(List.of("-r", pcap.toString(), "-Y", "udp && !icmp && !icmpv6", "-T", "fields",
                "-E", "header=y", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=" + AGGREGATOR));
        for (String field : fields) {
            command.add("-e");
            command.add(field);
        }
        return command;
    }

    /**
     * The values of {@code fields} in every UDP frame of {@code pcap}, in frame order; an absent field
     * maps to the empty string.
     *
     * @param options extra tshark options, e.g. {@code -o sssv1.udp_port:0}
     */
    public List<Map<String, String>> fields(Path pcap, List<String> options, List<String> fields)
            throws IOException, InterruptedException {
        List<String> command = command(pcap, options, fields);
        Path out = Files.createTempFile(configDir, "tshark", ".out");
        Path err = Files.createTempFile(configDir, "tshark", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("WIRESHARK_CONFIG_DIR", configDir.toString());
        builder.environment().put("HOME", configDir.toString());
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("tshark did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (stderr.contains("Lua") || process.exitValue() != 0) {
            fail("tshark exited " + process.exitValue() + " for: " + String.join(" ", command) + "\n" + stderr
                    + "\n(if it says Lua is disabled: this Wireshark does not run user Lua scripts as root; "
                    + "see tools/wireshark/README.md)");
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).as("tshark output with a header line").isNotEmpty();
        List<String> header = List.of(lines.get(0).split("\t", -1));
        assertThat(header).as("the header tshark printed").isEqualTo(fields);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                row.put(fields.get(i), i < values.length ? values[i] : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
