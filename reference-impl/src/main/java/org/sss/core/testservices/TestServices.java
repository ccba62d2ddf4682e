package org.sss.core.testservices;

import java.util.ArrayList;
import java.util.List;
import org.sss.core.host.Host;
import org.sss.core.host.Server;
import org.sss.core.host.ServiceHandler;
import org.sss.core.misbehaviour.ProtocolBugs;

/**
 * Offers the four test services of SPEC.md Appendix A under protocol {@value #PROTOCOL}, with the
 * descriptions of its table (TST-GEN-1, TST-GEN-2).
 */
public final class TestServices {
    /** The protocol all four services speak. */
    public static final String PROTOCOL = "sss-test/1";

    /** The {@code echo} service (A.1). */
    public static final String ECHO = "echo";
    /** The {@code discard} service (A.2). */
    public static final String DISCARD = "discard";
    /** The {@code source} service (A.3). */
    public static final String SOURCE = "source";
    /** The {@code datagram-echo} service (A.4). */
    public static final String DATAGRAM_ECHO = "datagram-echo";

    /** The description of {@code echo}, as listed. */
    public static final String ECHO_DESCRIPTION = "echoes bytes, records and substreams";
    /** The description of {@code discard}, as listed. */
    public static final String DISCARD_DESCRIPTION = "reads and discards everything";
    /** The description of {@code source}, as listed. */
    public static final String SOURCE_DESCRIPTION = "sends a requested amount of patterned data";
    /** The description of {@code datagram-echo}, as listed. */
    public static final String DATAGRAM_ECHO_DESCRIPTION = "echoes each datagram as a new datagram";

    private TestServices() {
    }

    /** Where services are offered: {@link Host#listen} or a stand-in. */
    @FunctionalInterface
    public interface Registrar {
        /** Offers {@code service} under {@code protocol}; see {@link Host#listen}. */
        Server listen(String service, String protocol, String description, ServiceHandler handler);
    }

    /**
     * Offers echo, discard, source and datagram-echo on {@code host}.
     *
     * @return the four offers, in that order; closing them withdraws the services
     * @throws IllegalStateException if one of them is offered already (none is left offered then)
     */
    public static List<Server> register(Host host) {
        return register(host::listen, host.protocolBugs());
    }

    /** As {@link #register(Host)}, through any registrar. */
    public static List<Server> register(Registrar registrar) {
        return register(registrar, ProtocolBugs.none());
    }

    /** As {@link #register(Registrar)}, with deliberate misbehaviours (for the conformance self-tests only). */
    public static List<Server> register(Registrar registrar, ProtocolBugs bugs) {
        List<Server> servers = new ArrayList<>(4);
        try {
            // SPEC TST-GEN-1, TST-GEN-2: the four services, protocol sss-test/1, the table's descriptions
            servers.add(registrar.listen(ECHO, PROTOCOL, ECHO_DESCRIPTION, new EchoService(bugs)));
            servers.add(registrar.listen(DISCARD, PROTOCOL, DISCARD_DESCRIPTION, new DiscardService()));
            servers.add(registrar.listen(SOURCE, PROTOCOL, SOURCE_DESCRIPTION, new SourceService()));
            servers.add(registrar.listen(DATAGRAM_ECHO, PROTOCOL, DATAGRAM_ECHO_DESCRIPTION,
                    new DatagramEchoService()));
        } catch (RuntimeException e) {
            servers.forEach(Server::close);
            throw e;
        }
        return List.copyOf(servers);
    }
}
