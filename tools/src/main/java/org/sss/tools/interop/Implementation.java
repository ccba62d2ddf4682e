package org.sss.tools.interop;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.sss.conformance.target.CommandInitiator;
import org.sss.conformance.target.Initiator;

/**
 * One implementation taking part in {@code sss interop}: a name, how to start it as a responder (a
 * serve command, IUT.md section 1) and how to run it as an initiator (IUT.md section 2).
 *
 * @param name what the matrix calls it
 * @param serveCommand the responder's command line; it must print the ready line
 * @param initiator the initiator, from a connect command template or in-process
 */
public record Implementation(String name, List<String> serveCommand, Supplier<Initiator> initiator) {
    /** Checks and copies. */
    public Implementation {
        Objects.requireNonNull(name, "name");
        serveCommand = List.copyOf(serveCommand);
        Objects.requireNonNull(initiator, "initiator");
    }

    /**
     * Parses {@code NAME=SERVE_CMD,CONNECT_CMD}: the first {@code =} ends the name and the first comma
     * after it ends the serve command, which is therefore free of commas; both commands are split into
     * words as {@link CommandInitiator} does, and the connect command is a template with
     * {@code {host}}, {@code {port}}, {@code {key}}, {@code {service}} and optionally {@code {args}}.
     *
     * @throws IllegalArgumentException when a part is missing
     */
    public static Implementation parse(String spec) {
        int eq = spec.indexOf('=');
        int comma = eq < 0 ? -1 : spec.indexOf(',', eq);
        if (eq <= 0 || comma < 0 || comma == eq + 1 || comma == spec.length() - 1) {
            throw new IllegalArgumentException("--impl takes NAME=SERVE_CMD,CONNECT_CMD, not '" + spec + "'");
        }
        String connect = spec.substring(comma + 1);
        CommandInitiator initiator = new CommandInitiator(connect);
        return new Implementation(spec.substring(0, eq), CommandInitiator.split(spec.substring(eq + 1, comma)),
                () -> initiator);
    }
}
