package org.sss.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.sss.core.crypto.KeyPair;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;

/** A greeter service and its client on one machine: a record, three substreams and a datagram. */
public final class EchoExample {
    public static void main(String[] args) throws Exception {
        try (Host server = startHost(); Host client = startHost()) {
            // the service runs on the server's event loop, so it never blocks
            server.listen("greeter", "hello/1", "greets whoever asks", s -> { echoRecords(s); answerSubstreams(s); });

            SecureChannel channel = await(client.connect(server.localAddress(), server.identity()));
            Stream stream = await(channel.connect("greeter", "hello/1")); // waits for the service's OK

            stream.writeRecord("Hi there".getBytes(UTF_8));
            System.out.println("record:    " + new String(await(stream.readRecord()).data(), UTF_8));

            for (String name : new String[] {"Ada", "Brian", "Dan"}) {
                Stream request = stream.openSubstream(); // a child stream, opened with no round trip
                request.writeRecord(name.getBytes(UTF_8));
                request.finish();
                System.out.println("substream: " + new String(await(request.readRecord()).data(), UTF_8));
            }

            await(stream.sendDatagram("Datagram".getBytes(UTF_8)));
            System.out.println("datagram:  " + new String(await(stream.receiveDatagram()), UTF_8));

            await(stream.finish());
            await(channel.close("done"));
        }
    }

    private static void echoRecords(Stream stream) {
        stream.readRecord().thenAccept(record -> {
            if (record == null) { // the client finished its side: finish ours
                stream.finish();
            } else {
                stream.writeRecord(record.data());
                echoRecords(stream);
            }
        });
    }

    private static void answerSubstreams(Stream stream) {
        stream.acceptSubstream().thenAccept(child -> {
            answerSubstreams(stream);
            child.readRecord().thenAccept(message -> {
                byte[] reply = ("Hello, " + new String(message.data(), UTF_8)).getBytes(UTF_8);
                if (message.complete()) {
                    child.writeRecord(reply); // a request record: answer on its substream
                } else {
                    stream.sendDatagram(reply); // a datagram ends without a record boundary: answer with one
                }
                child.finish();
            });
        });
    }

    private static Host startHost() throws InterruptedException {
        HostConfig config = HostConfig.builder(KeyPair.generate(new SecureRandom()))
                .bindAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        return Host.start(config, new HostListener() { });
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }
}
