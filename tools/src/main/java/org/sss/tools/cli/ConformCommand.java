package org.sss.tools.cli;

import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.sss.tools.conform.ConformProfile;
import org.sss.tools.conform.ConformRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sss conform}: the conformance suite against an implementation under test, or against the
 * embedded reference implementation when no target is given.
 */
@Command(
        name = "conform",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Run the conformance scenarios against an implementation under test (conformance/IUT.md).",
        description = {
            "Runs the Cucumber scenarios of the conformance suite in this JVM against the",
            "responder at --target (with --target-key), or against the embedded reference",
            "implementation when no --target is given. Shows a progress bar, then a table by",
            "SPEC.md section (pass, lenient, fail, unsupported, inconclusive), the failed",
            "scenarios with their requirement IDs, and the paths of the reports: Cucumber's",
            "HTML, JUnit XML, results.json, the traceability report, and an evidence bundle",
            "(pcap, keylog, expected vs observed exchange, seed, replay command) for each",
            "failed scenario. With --repeat N every scenario runs N times and its pass rate is",
            "reported. A profile (YAML or properties, conformance/README.md) names the IUT's",
            "claimed features, timer hooks, expected failures and accepted alternatives.",
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:every MUST scenario passed (failed SHOULD scenarios are warnings)",
            "1:a MUST scenario failed (in any run)",
            "2:usage error (unknown option, bad tag expression or profile, no scenario selected)",
            "3:nothing failed, but some scenario was inconclusive",
            ExitCodes.INTERNAL_LINE,
        })
final class ConformCommand implements Callable<Integer> {

    @Mixin
    private TargetOptions targetOptions;

    @Option(names = "--initiator-cmd", paramLabel = "TEMPLATE",
            description = "Command that makes the IUT initiate a channel, for the initiator-role scenarios "
                    + "(conformance/IUT.md), e.g. \"myimpl connect {host} {port} {key} {service}\".")
    private String initiatorCommand;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "The IUT's expectation profile, YAML (.yaml, .yml) or properties (conformance/README.md).")
    private Path profileFile;

    @Option(names = "--tags", paramLabel = "EXPR",
            description = "Cucumber tag expression selecting scenarios, e.g. \"@must and not @negative\" or \"@CHN-RECV-1\".")
    private String tags;

    @Option(names = "--name", paramLabel = "REGEX",
            description = "Only scenarios whose whole name matches this regular expression (as Cucumber's cucumber.filter.name; the replay commands use it).")
    private String name;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of every scenario's random choices (default: a fresh one per scenario, printed in run.log).")
    private Long seed;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Run the selection N times, 1 to " + ConformRun.MAX_REPEAT + ", and report a pass rate per "
                    + "scenario (default: ${DEFAULT-VALUE}).")
    private int repeat;

    @Option(names = "--list", description = "List the selected scenarios with their tags; run nothing.")
    private boolean list;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "target/conformance-report",
            description = "Where the reports go, relative to the working directory (default: ${DEFAULT-VALUE}).")
    private Path reportDir;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String target = targetOptions.address();
        String targetKey = targetOptions.key();
        if ((target == null) != (targetKey == null)) {
            return Usage.error(spec, "--target and --target-key go together");
        }
        if (repeat < 1 || repeat > ConformRun.MAX_REPEAT) {
            return Usage.error(spec, "--repeat must be 1 to " + ConformRun.MAX_REPEAT + ", not " + repeat);
        }
        ConformProfile profile;
        Expression selection;
        try {
            profile = profileFile == null ? ConformProfile.none() : ConformProfile.read(profileFile);
            selection = tags == null ? null : TagExpressionParser.parse(tags);
            if (name != null) {
                Pattern.compile(name);
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Usage.error(spec, e.getMessage());
        } catch (TagExpressionException e) {
            return Usage.error(spec, "--tags: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        ConformRun run = new ConformRun(profile, tags, selection, name);
        if (list) {
            out.print(run.listing());
            out.flush();
            return ExitCodes.OK;
        }
        if (run.selected().isEmpty()) {
            return Usage.error(spec, "no scenario matches" + (tags == null ? "" : " --tags " + tags)
                    + (name == null ? "" : " --name " + name));
        }
        ConformRun.Settings settings;
        try {
            settings = new ConformRun.Settings(target, targetKey, initiatorCommand, seed, repeat,
                    reportDir.toAbsolutePath().normalize(), replayPrefix());
        } catch (IllegalArgumentException e) {
            return Usage.error(spec, e.getMessage());
        }
        PrintStream progress = System.err;
        ConformRun.Report report = run.execute(settings, progress, System.console() != null);
        out.print(report.text());
        out.flush();
        return report.exitCode();
    }

    /** {@code ./sss conform} with the options a replay needs again: the target and the profile. */
    private String replayPrefix() {
        StringBuilder command = new StringBuilder("./sss conform");
        if (targetOptions.address() != null) {
            command.append(" --target ").append(targetOptions.address()).append(" --target-key ")
                    .append(targetOptions.key());
        }
        if (profileFile != null) {
            command.append(" --profile ").append(profileFile);
        }
        if (initiatorCommand != null) {
            command.append(" --initiator-cmd '").append(initiatorCommand.replace("'", "'\\''")).append('\'');
        }
        return command.toString();
    }
}
