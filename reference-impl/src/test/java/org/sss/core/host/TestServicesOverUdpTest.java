package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.host.StreamIo.await;
import static org.sss.core.host.StreamIo.readToEnd;
import static org.sss.core.host.StreamIo.utf8;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.testservices.TestServices;
import org.sss.core.wire.ServiceEntry;

/**
 * The four test services of SPEC.md Appendix A, served by a real host and used over real UDP: what
 * the conformance suite will expect of the reference implementation as its default target.
 */
class TestServicesOverUdpTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    private static SecureChannel channelToServices() {
        Host server = HOSTS.start(HOSTS.config(), new HostEvents());
        TestServices.register(server);
        Host client = HOSTS.start(HOSTS.config().acceptChannels(false), new HostEvents());
        return LoopbackHosts.connect(client, server.localAddress(), server);
    }

    @Test
    @DisplayName("TST-GEN-2: the four services are listed with their descriptions, and sss-test/1 for each")
    void listsTheFourServices() {
        SecureChannel channel = channelToServices();
        List<ServiceEntry> services = await(channel.listServices());
        assertThat(services).containsExactly(
                new ServiceEntry(TestServices.DATAGRAM_ECHO, TestServices.DATAGRAM_ECHO_DESCRIPTION),
                new ServiceEntry(TestServices.DISCARD, TestServices.DISCARD_DESCRIPTION),
                new ServiceEntry(TestServices.ECHO, TestServices.ECHO_DESCRIPTION),
                new ServiceEntry(TestServices.SOURCE, TestServices.SOURCE_DESCRIPTION));
        for (ServiceEntry service : services) {
            assertThat(await(channel.listProtocols(service.name()))).extracting(ServiceEntry::name)
                    .containsExactly(TestServices.PROTOCOL);
        }
    }

    @Test
    @DisplayName("TST-ECHO-1..4: bytes, records and a tree of substreams come back byte for byte, boundary for boundary")
    void echoesStreamsRecordsAndSubstreams() {
        SecureChannel channel = channelToServices();
        Stream stream = await(channel.connect(TestServices.ECHO, TestServices.PROTOCOL));
        byte[] big = new byte[300_000];
        new Random(HOSTS.nextSeed()).nextBytes(big);
        stream.writeRecord(utf8("one"));
        stream.write(big);
        stream.writeRecord(utf8("two"));
        Stream child = stream.openSubstream();
        child.writeRecord(utf8("child"));
        Stream grandchild = child.openSubstream();
        grandchild.write(utf8("grandchild"));
        grandchild.finish();
        child.finish();
        stream.finish();

        assertThat(await(stream.readRecord())).isEqualTo(new ReceivedRecord(utf8("one"), true));
        byte[] echoedBigAndTwo = await(stream.readRecord()).data();
        assertThat(echoedBigAndTwo).hasSize(big.length + 3);
        assertThat(ByteBuffer.wrap(echoedBigAndTwo, 0, big.length)).isEqualTo(ByteBuffer.wrap(big));
        assertThat(await(stream.readRecord())).isNull();
        assertThat(await(child.readRecord())).isEqualTo(new ReceivedRecord(utf8("child"), true));
        assertThat(await(child.readRecord())).isNull();
        assertThat(readToEnd(grandchild)).isEqualTo(utf8("grandchild"));
    }

    @Test
    @DisplayName("TST-SRC-1, TST-SRC-2: N bytes of i mod 251 with a boundary every S bytes and at N")
    void sourceSendsThePattern() {
        SecureChannel channel = channelToServices();
        Stream stream = await(channel.connect(TestServices.SOURCE, TestServices.PROTOCOL));
        long n = 1_000_003;
        int s = 4096;
        stream.writeRecord(ByteBuffer.allocate(12).putLong(n).putInt(s).array());
        stream.finish();
        long offset = 0;
        List<Integer> sizes = new ArrayList<>();
        for (ReceivedRecord record = await(stream.readRecord()); record != null; record = await(stream.readRecord())) {
            assertThat(record.complete()).isTrue();
            for (byte b : record.data()) {
                assertThat(b & 0xFF).as("byte at offset %d", offset).isEqualTo((int) (offset % 251));
                offset++;
            }
            sizes.add(record.data().length);
        }
        assertThat(offset).isEqualTo(n);
        assertThat(sizes.subList(0, sizes.size() - 1)).allMatch(size -> size == s);
        assertThat(sizes.get(sizes.size() - 1)).isEqualTo((int) (n % s));
    }

    @Test
    @DisplayName("TST-DGE-1, TST-DISC-1: datagrams come back as datagrams; discard sends nothing but its FIN")
    void datagramEchoAndDiscard() {
        SecureChannel channel = channelToServices();
        Stream echo = await(channel.connect(TestServices.DATAGRAM_ECHO, TestServices.PROTOCOL));
        byte[] large = new byte[50_000];
        new Random(HOSTS.nextSeed()).nextBytes(large);
        await(echo.sendDatagram(utf8("small")));
        assertThat(await(echo.receiveDatagram())).isEqualTo(utf8("small"));
        await(echo.sendDatagram(large));
        assertThat(await(echo.receiveDatagram())).isEqualTo(large);
        echo.finish();
        assertThat(readToEnd(echo)).isEmpty();

        Stream discard = await(channel.connect(TestServices.DISCARD, TestServices.PROTOCOL));
        await(discard.write(new byte[2_000_000]));
        discard.finish();
        assertThat(readToEnd(discard)).isEmpty();
    }
}
