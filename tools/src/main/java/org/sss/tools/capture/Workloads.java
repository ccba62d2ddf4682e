package org.sss.tools.capture;

import java.util.List;
import java.util.stream.Collectors;

/** The workloads of {@code sss capture}, in the order of {@code pcaps/README.md}. */
public final class Workloads {
    private static final List<Workload> ALL = List.of(new HandshakeWorkload(), new BulkWorkload(),
            new SubstreamsWorkload(), new RecordsDatagramsWorkload(), new PrioritiesWorkload(), new LossWorkload(),
            new DetachAttachWorkload(), new RekeyWorkload(), new CloseWorkload(), new ReplayedHelloWorkload(),
            new ReplayedInitiateWorkload(), new ReplayedMessageWorkload(), new AmplificationWorkload(),
            new MalformedWorkload());

    /**
     * One workload as listed.
     *
     * @param name its name
     * @param attack whether it is an attack (recorded at the responder by default)
     * @param description what its capture shows
     */
    public record Entry(String name, boolean attack, String description) {
    }

    private Workloads() {
    }

    /** Every workload. */
    public static List<Entry> list() {
        return ALL.stream().map(w -> new Entry(w.name(), w.attack(), w.description())).toList();
    }

    /**
     * The workload named {@code name}.
     *
     * @throws IllegalArgumentException naming the valid names if there is none
     */
    static Workload find(String name) {
        return ALL.stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown workload " + name + "; one of: "
                        + ALL.stream().map(Workload::name).collect(Collectors.joining(", "))));
    }
}
