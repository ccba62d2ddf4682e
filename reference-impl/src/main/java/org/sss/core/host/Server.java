package org.sss.core.host;

/**
 * A service offered by a host under one protocol name ({@link Host#listen}); closing it withdraws
 * the offer (later connect requests get SERVICE_NOT_FOUND or PROTOCOL_NOT_FOUND) and leaves
 * streams already accepted open.
 */
public interface Server extends AutoCloseable {
    /** The service name. */
    String service();

    /** The protocol name. */
    String protocol();

    /** Withdraws the offer. */
    @Override
    void close();
}
