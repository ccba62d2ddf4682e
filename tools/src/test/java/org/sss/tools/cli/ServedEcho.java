package org.sss.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.sss.core.crypto.KeyPair;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;
import org.sss.core.host.KeyFile;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;
import org.sss.core.testservices.TestServices;

/** A reference client's echo exchange with a running {@code sss serve}, the payload checked on return. */
final class ServedEcho {
    private ServedEcho() {
    }

    /** Waits for {@code serve} to be ready, has its echo service return {@code payload}, and closes the channel. */
    static void exchange(ServeRun serve, byte[] payload) throws Exception {
        Matcher ready = serve.awaitReady();
        InetSocketAddress address = new InetSocketAddress(ready.group(1), Integer.parseInt(ready.group(2)));
        try (Host client = Host.start(HostConfig.builder(KeyPair.generate(new SecureRandom()))
                .bindAddress(new InetSocketAddress("127.0.0.1", 0)).acceptChannels(false).build(),
                new HostListener() { })) {
            SecureChannel channel = await(client.connect(address, KeyFile.parsePublicKey(ready.group(3))));
            Stream echo = await(channel.connect(TestServices.ECHO, TestServices.PROTOCOL));
            echo.write(payload);
            echo.finish();
            assertThat(echo.inputStream().readAllBytes()).isEqualTo(payload);
            await(channel.close("done"));
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(ServeRun.WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
