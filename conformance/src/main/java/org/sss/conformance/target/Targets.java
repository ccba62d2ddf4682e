package org.sss.conformance.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Which target the scenarios run against. In order: one installed by the caller ({@link #install});
 * else the system properties {@code sss.target} ({@code host:port}) and {@code sss.target.key} (64 hex
 * digits, or a file holding them or the 32 raw bytes), with timer hooks from
 * {@code sss.target.timer.NAME} in milliseconds; else the first {@link TargetProvider} on the class
 * path, started once and stopped by {@link #stopStarted}.
 */
public final class Targets {
    private static Target installed;
    private static Target started;

    private Targets() {
    }

    /** The target of the running scenarios. */
    public static synchronized Target current() {
        if (installed != null) {
            return installed;
        }
        if (started != null) {
            return started;
        }
        String address = System.getProperty("sss.target");
        if (address != null) {
            installed = external(address, System.getProperty("sss.target.key"), timersFromProperties());
            return installed;
        }
        for (TargetProvider provider : ServiceLoader.load(TargetProvider.class)) {
            started = provider.start();
            return started;
        }
        throw new IllegalStateException("no target: give -Dsss.target=host:port and -Dsss.target.key=KEY"
                + " (./sss conform --target ... --target-key ...), or put a TargetProvider on the class path");
    }

    /** Makes {@code target} the target of the scenarios that run next, until {@link #uninstall}. */
    public static synchronized void install(Target target) {
        installed = target;
    }

    /** Forgets an installed target (it is not closed). */
    public static synchronized void uninstall() {
        installed = null;
    }

    /** Stops the target started from a provider, if any. */
    public static synchronized void stopStarted() {
        if (started != null) {
            started.close();
            started = null;
        }
    }

    /** A target given as {@code host:port} (IPv6 as {@code [addr]:port}) and a key in hex or a key file. */
    public static ExternalTarget external(String hostPort, String key, Map<String, Duration> timers) {
        if (key == null) {
            throw new IllegalArgumentException("the target's long-term public key is missing (sss.target.key)");
        }
        return new ExternalTarget(parseAddress(hostPort), parseKey(key), timers);
    }

    /** Parses {@code host:port} or {@code [v6]:port}. */
    public static InetSocketAddress parseAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("a target is host:port, not '" + hostPort + "'");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + hostPort + "'", e);
        }
        return new InetSocketAddress(host, port);
    }

    /** A key as 64 hex digits, or the path of a file holding them (whitespace ignored) or 32 raw bytes. */
    public static byte[] parseKey(String key) {
        String trimmed = key.trim();
        if (trimmed.matches("[0-9a-fA-F]{64}")) {
            return HexFormat.of().parseHex(trimmed);
        }
        Path file = Path.of(trimmed);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("a key is 64 hex digits or a key file; '" + key + "' is neither");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 32) {
                return bytes;
            }
            String text = new String(bytes, StandardCharsets.US_ASCII).replaceAll("\\s", "");
            if (text.matches("[0-9a-fA-F]{64}")) {
                return HexFormat.of().parseHex(text);
            }
            throw new IllegalArgumentException("key file " + file + " holds neither 32 bytes nor 64 hex digits");
        } catch (IOException e) {
            throw new UncheckedIOException("reading key file " + file, e);
        }
    }

    private static Map<String, Duration> timersFromProperties() {
        Map<String, Duration> timers = new LinkedHashMap<>();
        for (String name : new String[] {Target.IDLE_TIMEOUT, Target.MINUTE_KEY_ROTATION, Target.REKEY_INTERVAL}) {
            String value = System.getProperty("sss.target.timer." + name);
            if (value != null) {
                timers.put(name, Duration.ofMillis(Long.parseLong(value.trim())));
            }
        }
        return timers;
    }
}
