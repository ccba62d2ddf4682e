package org.sss.core.host;

/**
 * Serves the streams that peers open to one service and protocol (SPEC.md section 9). Called on
 * the host's event loop after the OK reply has been queued; must not block.
 */
@FunctionalInterface
public interface ServiceHandler {
    /**
     * A peer connected a new top-level stream to the service.
     *
     * @param stream the stream; its data starts after the request record
     */
    void onStream(Stream stream);
}
