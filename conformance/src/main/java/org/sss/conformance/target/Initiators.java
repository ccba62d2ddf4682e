package org.sss.conformance.target;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Which initiator IUT the initiator-role scenarios run. In order: the command template of the system
 * property {@code sss.initiator.cmd} ({@code ./sss conform --initiator-cmd}); else the first
 * {@link InitiatorProvider} on the class path; else none, and those scenarios end unsupported.
 */
public final class Initiators {
    /** The system property holding the command template. */
    public static final String COMMAND_PROPERTY = "sss.initiator.cmd";

    private static Initiator provided;

    private Initiators() {
    }

    /** The initiator of the running scenarios, or empty when none is configured. */
    public static synchronized Optional<Initiator> current() {
        String template = System.getProperty(COMMAND_PROPERTY);
        if (template != null && !template.isBlank()) {
            return Optional.of(new CommandInitiator(template));
        }
        if (provided == null) {
            for (InitiatorProvider provider : ServiceLoader.load(InitiatorProvider.class)) {
                provided = provider.create();
                break;
            }
        }
        return Optional.ofNullable(provided);
    }
}
