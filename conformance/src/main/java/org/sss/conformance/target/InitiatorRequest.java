package org.sss.conformance.target;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What the suite asks an initiator IUT to do (conformance/IUT.md section 2): connect to the
 * responder at {@code host}:{@code port} whose long-term public key is {@code key}, open a stream to
 * {@code service}, feed it {@code stdin}, and give up after {@code timeout}.
 *
 * @param service the service name ({@code {service}})
 * @param host the responder's address as text ({@code {host}})
 * @param port its UDP port ({@code {port}})
 * @param key its long-term public key, 32 bytes ({@code {key}}, as 64 lowercase hex digits)
 * @param serviceArguments extra arguments the service needs ({@code {args}}): for {@code source},
 *     {@code --bytes N --record-size S}; empty otherwise
 * @param stdin the bytes written to the IUT's standard input, which is then closed
 * @param timeout how long the run may take before the suite stops it
 */
public record InitiatorRequest(String service, String host, int port, byte[] key, List<String> serviceArguments,
        byte[] stdin, Duration timeout) {
    /** Checks and copies. */
    public InitiatorRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeout, "timeout");
        if (key.length != 32) {
            throw new IllegalArgumentException("a long-term public key has 32 bytes, not " + key.length);
        }
        key = key.clone();
        serviceArguments = List.copyOf(serviceArguments);
        stdin = stdin.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    /** The key as the command template receives it: 64 lowercase hex digits. */
    public String keyHex() {
        return HexFormat.of().formatHex(key);
    }
}
