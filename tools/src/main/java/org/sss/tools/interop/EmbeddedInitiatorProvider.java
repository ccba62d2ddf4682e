package org.sss.tools.interop;

import org.sss.conformance.target.Initiator;
import org.sss.conformance.target.InitiatorProvider;
import org.sss.tools.cli.InteropConnect;

/**
 * The default initiator of {@code sss conform} (found by {@link java.util.ServiceLoader}): the
 * reference implementation's {@code sss connect}, run in-process.
 */
public final class EmbeddedInitiatorProvider implements InitiatorProvider {
    @Override
    public Initiator create() {
        return new InteropConnect();
    }
}
