package org.sss.tools.bench.compare;

import java.util.List;
import java.util.function.Supplier;
import org.sss.tools.bench.compare.quic.QuicContender;
import org.sss.tools.bench.compare.sss.SssContender;
import org.sss.tools.bench.compare.tls.TlsContender;

/** The contenders {@code sss bench} knows, by id, in the order they run: SSS first, then its peers. */
public final class Contenders {
    /** Every id, in running order. */
    public static final List<String> IDS = List.of("sss", "quic", "tls");
    /** The contender the ratios and targets are about. */
    public static final String SUBJECT = "sss";

    private Contenders() {
    }

    /**
     * A new instance of the contender {@code id}.
     *
     * @throws IllegalArgumentException for an unknown id
     */
    public static Contender create(String id) {
        Supplier<Contender> factory = switch (id) {
            case "sss" -> SssContender::new;
            case "quic" -> QuicContender::new;
            case "tls" -> TlsContender::new;
            default -> throw new IllegalArgumentException("unknown contender '" + id + "', expected one of " + IDS);
        };
        return factory.get();
    }
}
