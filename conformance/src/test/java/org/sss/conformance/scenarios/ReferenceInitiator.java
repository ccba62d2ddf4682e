package org.sss.conformance.scenarios;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sss.conformance.target.Initiator;
import org.sss.conformance.target.InitiatorProvider;
import org.sss.conformance.target.InitiatorRequest;
import org.sss.conformance.target.InitiatorResult;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.PublicKey;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;
import org.sss.core.testservices.TestServices;

/**
 * The default initiator of the suite's own test run: what {@code ./sss connect --strict} does (IUT.md
 * section 2), in this JVM for speed, with a reference {@link Host} that accepts no channels. Found
 * through {@link java.util.ServiceLoader} when no {@code sss.initiator.cmd} is given; like
 * {@link ReferenceTarget}, a test-scope class and the only kind that may use {@code org.sss.core}.
 */
public final class ReferenceInitiator implements InitiatorProvider, Initiator {
    private static final Set<String> KNOWN = Set.of(TestServices.ECHO, TestServices.DISCARD, TestServices.SOURCE,
            TestServices.DATAGRAM_ECHO);

    @Override
    public Initiator create() {
        return this;
    }

    @Override
    public String description() {
        return "reference implementation (embedded sss connect --strict)";
    }

    @Override
    public InitiatorResult run(InitiatorRequest request) {
        if (!KNOWN.contains(request.service())) {
            return new InitiatorResult(NOT_SUPPORTED, new byte[0], "service '" + request.service()
                    + "' is not supported by this client (--strict)", false);
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        long timeout = request.timeout().toMillis();
        HostConfig config = HostConfig.builder(KeyPair.generate(new SecureRandom()))
                .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .acceptChannels(false)
                .build();
        try (Host client = Host.start(config, new HostListener() { })) {
            SecureChannel channel = client.connect(new InetSocketAddress(request.host(), request.port()),
                    PublicKey.of(request.key())).get(timeout, TimeUnit.MILLISECONDS);
            Stream stream = channel.connect(request.service(), TestServices.PROTOCOL)
                    .get(timeout, TimeUnit.MILLISECONDS);
            switch (request.service()) {
                case TestServices.SOURCE -> source(stream, request, stdout, timeout);
                case TestServices.DATAGRAM_ECHO -> datagrams(stream, request.stdin(), stdout, timeout);
                default -> copy(stream, request.stdin(), stdout, timeout);
            }
            channel.close("done").get(timeout, TimeUnit.MILLISECONDS);
            return new InitiatorResult(OK, stdout.toByteArray(), "", false);
        } catch (ExecutionException | TimeoutException e) {
            return new InitiatorResult(FAILED, stdout.toByteArray(), "sss connect: " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InitiatorResult(FAILED, stdout.toByteArray(), "interrupted", false);
        }
    }

    private static void copy(Stream stream, byte[] stdin, ByteArrayOutputStream stdout, long timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        Future<Void> reading = CompletableFuture.runAsync(() -> readAll(stream, stdout, timeout));
        if (stdin.length > 0) {
            stream.write(stdin).get(timeout, TimeUnit.MILLISECONDS);
        }
        stream.finish().get(timeout, TimeUnit.MILLISECONDS);
        reading.get(timeout, TimeUnit.MILLISECONDS);
    }

    private static void source(Stream stream, InitiatorRequest request, ByteArrayOutputStream stdout, long timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        List<String> args = request.serviceArguments();
        long bytes = Long.parseLong(args.get(args.indexOf("--bytes") + 1));
        long recordSize = args.contains("--record-size") ? Long.parseLong(args.get(args.indexOf("--record-size") + 1))
                : 0;
        stream.writeRecord(ByteBuffer.allocate(12).putLong(bytes).putInt((int) recordSize).array())
                .get(timeout, TimeUnit.MILLISECONDS);
        stream.finish().get(timeout, TimeUnit.MILLISECONDS);
        readAll(stream, stdout, timeout);
    }

    private static void datagrams(Stream stream, byte[] stdin, ByteArrayOutputStream stdout, long timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        List<byte[]> lines = new ArrayList<>();
        for (String line : new String(stdin, StandardCharsets.UTF_8).split("\n")) {
            lines.add(line.getBytes(StandardCharsets.UTF_8));
        }
        for (byte[] line : lines) {
            stream.sendDatagram(line).get(timeout, TimeUnit.MILLISECONDS);
        }
        for (int i = 0; i < lines.size(); i++) {
            stdout.writeBytes(stream.receiveDatagram().get(timeout, TimeUnit.MILLISECONDS));
            stdout.write('\n');
        }
        stream.finish().get(timeout, TimeUnit.MILLISECONDS);
    }

    private static void readAll(Stream stream, ByteArrayOutputStream stdout, long timeout) {
        try {
            byte[] chunk;
            while ((chunk = stream.read(65_536).get(timeout, TimeUnit.MILLISECONDS)).length > 0) {
                synchronized (stdout) {
                    stdout.writeBytes(chunk);
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("reading the stream: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
