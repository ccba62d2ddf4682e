package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.host.StreamIo.assertReads;
import static org.sss.core.host.StreamIo.await;
import static org.sss.core.host.StreamIo.failure;
import static org.sss.core.host.StreamIo.misuse;
import static org.sss.core.host.StreamIo.utf8;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.host.StreamPair.Ends;
import org.sss.core.wire.ServiceEntry;
import org.sss.core.wire.ServiceStatus;

/**
 * Service requests over real UDP on loopback (SPEC.md section 9): connect to offered and unknown
 * services and protocols, with and without waiting for the reply, listing services and protocols
 * in byte order, and withdrawing an offer.
 */
class ServiceRequestTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    /** Ascending in UTF-8 byte order, which differs from Java's UTF-16 order for the last two. */
    private static final List<String> SERVICES_IN_BYTE_ORDER = List.of("Zebra", "alpha", "alpha-2", "beta",
        "z\u00e9", "\uff5ewide", "\ud83d\ude00smile");

    @Test
    @DisplayName("SVC-CONN-3, SVC-CONN-5, SVC-STATUS-1: connect to an unknown service fails with SERVICE_NOT_FOUND (1)")
    void unknownServiceIsRefused() {
        StreamPair pair = StreamPair.start(HOSTS);

        Throwable refused = failure(pair.clientChannel.connect("no-such-service", StreamPair.PROTOCOL));

        assertRefused(refused, ServiceStatus.SERVICE_NOT_FOUND);
        pair.assertServerReceivesNoStreamWithin(Duration.ofMillis(200));
        // the channel is not harmed by a refusal
        Ends ends = pair.open();
        await(ends.client().write(utf8("fine")));
        assertReads(ends.server(), "fine");
    }

    @Test
    @DisplayName("SVC-STATUS-2, SVC-CONN-3: connect to an offered service with a protocol it does not speak fails with PROTOCOL_NOT_FOUND (2)")
    void unknownProtocolOfAKnownServiceIsRefused() {
        StreamPair pair = StreamPair.start(HOSTS);

        Throwable refused = failure(pair.clientChannel.connect(StreamPair.SERVICE, "stream-test/2"));

        assertRefused(refused, ServiceStatus.PROTOCOL_NOT_FOUND);
        pair.assertServerReceivesNoStreamWithin(Duration.ofMillis(200));
    }

    @Test
    @DisplayName("SVC-CONN-2, SVC-CONN-4, SVC-CONN-5: a zero-RTT stream to an unknown service fails its reads with ServiceRefusedException, its data unseen")
    void zeroRttStreamToAnUnknownServiceFailsItsReads() {
        StreamPair pair = StreamPair.start(HOSTS);

        Stream stream = pair.clientChannel.openStream("no-such-service", StreamPair.PROTOCOL);
        stream.write(utf8("data the acceptor must discard"));

        assertRefused(failure(stream.read(100)), ServiceStatus.SERVICE_NOT_FOUND);
        pair.assertServerReceivesNoStreamWithin(Duration.ofMillis(200));
    }

    @Test
    @DisplayName("SVC-CONN-1, SVC-CONN-3: one host offers several services and protocols, each reaching its own handler")
    void eachServiceAndProtocolReachesItsHandler() {
        StreamPair pair = StreamPair.start(HOSTS);
        BlockingQueue<String> served = new LinkedBlockingQueue<>();
        pair.server.listen("time", "v1", "the time, version 1", s -> served.add("time v1"));
        pair.server.listen("time", "v2", "the time, version 2", s -> served.add("time v2"));
        pair.server.listen("weather", "v1", "the weather", s -> served.add("weather v1"));

        Stream time2 = await(pair.clientChannel.connect("time", "v2"));
        Stream weather = await(pair.clientChannel.connect("weather", "v1"));
        Stream time1 = await(pair.clientChannel.connect("time", "v1"));

        assertThat(List.of(take(served), take(served), take(served))).containsExactly("time v2", "weather v1", "time v1");
        assertThat(List.of(time2, weather, time1)).doesNotContainNull();
        assertRefused(failure(pair.clientChannel.connect("weather", "v2")), ServiceStatus.PROTOCOL_NOT_FOUND);
    }

    @Test
    @DisplayName("SVC-LIST-1, SVC-LIST-2, SVC-LIST-4: listServices names every offered service once, in ascending byte order")
    void listServicesIsSortedByBytes() {
        StreamPair pair = StreamPair.start(HOSTS);
        List<String> registrationOrder = List.of("\ud83d\ude00smile", "beta", "alpha", "Zebra", "\uff5ewide",
            "z\u00e9", "alpha-2");
        for (String service : registrationOrder) {
            pair.server.listen(service, "p/1", "offers " + service, s -> { });
            pair.server.listen(service, "p/0", "offers " + service, s -> { });
        }

        List<ServiceEntry> services = await(pair.clientChannel.listServices());

        // the names tell byte order from Java's UTF-16 order, so a String sort would fail the check
        assertThat(SERVICES_IN_BYTE_ORDER).isSortedAccordingTo(ServiceRequestTest::compareUtf8)
                .isNotEqualTo(SERVICES_IN_BYTE_ORDER.stream().sorted().toList());

        List<String> expected = new ArrayList<>(SERVICES_IN_BYTE_ORDER);
        expected.add(StreamPair.SERVICE);
        expected.sort(ServiceRequestTest::compareUtf8);
        assertThat(services).extracting(ServiceEntry::name).containsExactlyElementsOf(expected);
        assertThat(services).extracting(ServiceEntry::description).doesNotContainNull();
        // the list stream closed (SVC-LIST-2): the channel still serves new requests
        assertThat(await(pair.clientChannel.listServices())).hasSameSizeAs(services);
    }

    @Test
    @DisplayName("SVC-LIST-3, SVC-LIST-4: listProtocols names a service's protocols in ascending byte order; an unknown service gets SERVICE_NOT_FOUND")
    void listProtocolsIsSortedAndKnowsItsServices() {
        StreamPair pair = StreamPair.start(HOSTS);
        List<String> protocols = List.of("v10", "v2", "V3", "v1", "\u00e9dition");
        for (String protocol : protocols) {
            pair.server.listen("clock", protocol, "clock protocol " + protocol, s -> { });
        }

        List<ServiceEntry> listed = await(pair.clientChannel.listProtocols("clock"));

        assertThat(listed).extracting(ServiceEntry::name).containsExactly("V3", "v1", "v10", "v2", "\u00e9dition");
        assertThat(await(pair.serverChannel.listProtocols(StreamPair.SERVICE))).extracting(ServiceEntry::name)
                .containsExactly(StreamPair.PROTOCOL);
        assertRefused(failure(pair.clientChannel.listProtocols("no-such-service")), ServiceStatus.SERVICE_NOT_FOUND);
    }

    @Test
    @DisplayName("Section 9: closing a Server withdraws the offer and leaves its accepted streams open")
    void closingAServerWithdrawsTheOffer() {
        StreamPair pair = StreamPair.start(HOSTS);
        BlockingQueue<Stream> accepted = new LinkedBlockingQueue<>();
        Server offer = pair.server.listen("temporary", "t/1", "here for a while", accepted::add);
        assertThat(offer.service()).isEqualTo("temporary");
        assertThat(offer.protocol()).isEqualTo("t/1");
        Stream client = await(pair.clientChannel.connect("temporary", "t/1"));
        Stream server = take(accepted);

        offer.close();

        assertRefused(failure(pair.clientChannel.connect("temporary", "t/1")), ServiceStatus.SERVICE_NOT_FOUND);
        assertThat(await(pair.clientChannel.listServices())).extracting(ServiceEntry::name)
                .containsExactly(StreamPair.SERVICE);
        await(client.write(utf8("still connected")));
        assertReads(server, "still connected");
    }

    @Test
    @DisplayName("SVC-GEN-4: service and protocol names of 0 or more than 255 bytes are refused before anything is sent")
    void badNamesAreRefused() {
        StreamPair pair = StreamPair.start(HOSTS);
        String tooLong = "s".repeat(256);

        assertThat(misuse(() -> pair.clientChannel.connect("", StreamPair.PROTOCOL)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(misuse(() -> pair.clientChannel.connect(StreamPair.SERVICE, tooLong)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(misuse(() -> pair.clientChannel.listProtocols(tooLong)))
                .isInstanceOf(IllegalArgumentException.class);
        pair.assertServerReceivesNoStreamWithin(Duration.ofMillis(200));
    }

    private static void assertRefused(Throwable failure, ServiceStatus status) {
        assertThat(failure).isInstanceOf(ServiceRefusedException.class);
        assertThat(((ServiceRefusedException) failure).status()).isEqualTo(status.code());
    }

    private static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T take(BlockingQueue<T> queue) {
        try {
            T value = queue.poll(StreamIo.STEP.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(value).as("a handler call within %d ms", StreamIo.STEP.toMillis()).isNotNull();
            return value;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
