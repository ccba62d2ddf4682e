package org.sss.tools.cli;

import picocli.CommandLine.Command;

/**
 * {@code sss bench}: with no subcommand, SSS side by side with QUIC and TLS 1.3 and the raw
 * ceilings ({@link org.sss.tools.bench.compare.CompareRunner}); with one, a single benchmark of SSS
 * beside its own baseline.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        header = "Benchmarks: SSS beside QUIC and TLS 1.3 (no subcommand, or compare); JMH; handshakes; streams; profile.",
        description = BenchCommand.DESCRIPTION,
        subcommands = {
            BenchCompareCommand.class,
            BenchJmhCommand.class,
            BenchHandshakesCommand.class,
            BenchStreamsCommand.class,
            BenchProfileCommand.class,
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:the benchmarks ran; with no subcommand, every workload ran or is n/a",
            "1:with no subcommand, a workload failed for a contender (the report says which and why)",
            ExitCodes.USAGE_LINE,
            ExitCodes.INTERNAL_LINE,
        })
final class BenchCommand extends BenchCompareCall {
    /** What the comparison does, for both {@code sss bench} and {@code sss bench compare}. */
    static final String DESCRIPTION =
            "With no subcommand: SSS (the reference implementation), QUIC through netty-codec-native-quic "
            + "(quiche and BoringSSL) and TLS 1.3 over TCP (the JDK's), each server and client in this JVM on "
            + "127.0.0.1, and the raw ceilings (UDP packets with the same Netty transport and no crypto; "
            + "XSalsa20-Poly1305 seal+open of full-size packets on one core). After W warm-up repetitions, "
            + "R repetitions each run every workload, contenders interleaved: bulk goodput over 1 and K "
            + "streams; handshakes/s; time to first byte; request/response p50/p99 on an existing and a "
            + "fresh stream; N streams held open (opens/s, heap and RSS per stream); and bulk goodput under "
            + "each --loss rate, every contender in a child JVM in a network namespace whose loopback drops "
            + "that share of packets (nftables; needs root). Prints a table of medians (min-max), ratios "
            + "SSS/other (median of per-repetition ratios) and the issue's targets (met, or missed by how "
            + "much), and writes compare.md, compare.json and goodput.png. tools/BENCHMARKS.md describes the "
            + "subcommands, each SSS beside its own baseline.";
}
