package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sss.conformance.peer.ChannelBoxes;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.PeerOptions;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.Packets;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps that check what the IUT sends on a channel, packet by packet, against the sender rules of
 * SPEC.md sections 3.3, 4.4, 5.7 and 6: counters, ACK truthfulness, the version field and sizes. The
 * peer's packets go through the ordinary {@link TesterPeer}; the checks read its log of every datagram
 * and every accepted packet.
 */
public class SenderIntegritySteps {
    private final TreeSet<Long> skipped = new TreeSet<>();
    private long lastPing = -1;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    /** The peer's default SETTINGS with {@code tag} set to {@code value}, in ascending tag order (FRM-SET-2). */
    static PeerFrame.Settings defaultSettingsWith(int tag, long value) {
        List<PeerFrame.Setting> entries = new ArrayList<>();
        for (PeerFrame.Setting s : PeerOptions.DEFAULT_SETTINGS.entries()) {
            entries.add(s.tag() == tag ? PeerFrame.Setting.of(tag, value) : s);
        }
        return new PeerFrame.Settings(entries);
    }

    @Given("a tester peer with a channel to the IUT that acknowledges nothing")
    public void connectWithoutAcks() {
        context().connect(options -> options.withAutoAck(false));
    }

    @Given("a tester peer with a channel to the IUT, declaring MAX_PLAINTEXT {int}")
    public void connectWithMaxPlaintext(int maxPlaintext) {
        context().connect(options -> options.withSettings(
                defaultSettingsWith(PeerFrame.Setting.MAX_PLAINTEXT, maxPlaintext)));
    }

    @When("the peer sends {int} PINGs, skipping 1 to 3 packet numbers before each")
    public void pingsWithSkips(int count) {
        TesterPeer peer = context().peer();
        for (int i = 0; i < count; i++) {
            int skip = 1 + context().random().nextInt(3);
            for (int k = 0; k < skip; k++) {
                skipped.add(peer.nextPacketNumber() + k);
            }
            peer.skipPacketNumbers(skip);
            lastPing = peer.send(List.of(new PeerFrame.Ping()));
        }
    }

    @When("the peer sends {int} PINGs, each once the IUT acknowledged the one before")
    public void pingsOneByOne(int count) {
        for (int i = 0; i < count; i++) {
            lastPing = context().peer().send(List.of(new PeerFrame.Ping()));
            awaitAckOf(lastPing);
        }
    }

    @Then("the IUT acknowledges the last PING")
    public void lastPingAcknowledged() {
        awaitAckOf(lastPing);
    }

    private void awaitAckOf(long packetNumber) {
        TesterPeer peer = context().peer();
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        while (acks().stream().noneMatch(a -> a.acknowledges(packetNumber))) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new AssertionError("CHN-ACK-1: the IUT did not acknowledge the PING in packet " + packetNumber
                        + " within " + ScenarioContext.TIMEOUT + "; ACKs received: " + acks());
            }
            peer.receive(Duration.ofNanos(remaining));
        }
    }

    /** Every ACK the IUT sent so far, the final ACK of a CLOSE included. */
    private List<PeerFrame.Ack> acks() {
        List<PeerFrame.Ack> acks = new ArrayList<>();
        for (ReceivedPacket p : context().peer().receivedPackets()) {
            acks.addAll(p.framesOf(PeerFrame.Ack.class));
            p.framesOf(PeerFrame.Close.class).forEach(c -> acks.add(c.finalAck()));
        }
        return acks;
    }

    @Then("no ACK from the IUT acknowledges a packet number the peer skipped")
    public void noAckOfSkipped() {
        for (PeerFrame.Ack ack : acks()) {
            for (long pn : skipped) {
                if (ack.acknowledges(pn)) {
                    throw new AssertionError("CHN-ACK-5: the IUT's ACK " + ack + " acknowledges packet number " + pn
                            + ", which the peer skipped and never sent (skipped: " + skipped + ")");
                }
            }
        }
    }

    @Then("every MESSAGE the IUT sent carries the version field with the value {int}")
    public void everyPacketHasVersion(int version) {
        List<ReceivedPacket> packets = context().peer().receivedPackets();
        assertThat(packets).as("MESSAGEs from the IUT").isNotEmpty();
        for (ReceivedPacket p : packets) {
            assertThat(p.isWellFormed()).as("packet %d parses: %s", p.packetNumber(), p.parseError()).isTrue();
            PacketHeader header = p.header();
            if (!header.hasVersion() || header.version() != version) {
                throw new AssertionError("NEG-VER-1, NEG-VER-2: packet " + p.packetNumber() + " of the IUT has "
                        + (header.hasVersion() ? "version " + header.version() : "no version field")
                        + ", though the peer acknowledged none of the IUT's packets; expected version " + version);
            }
        }
    }

    /** The MESSAGE datagrams that arrived from the IUT. */
    private List<byte[]> messagesReceived() {
        return context().peer().datagrams().stream()
                .filter(d -> d.direction() == LoggedDatagram.Direction.RECEIVED && Magic.MESSAGE.starts(d.bytes()))
                .map(LoggedDatagram::bytes).toList();
    }

    @Then("no two different MESSAGEs from the IUT carry the same nonce counter value")
    public void noCounterReused() {
        Map<Long, byte[]> byCounter = new HashMap<>();
        List<byte[]> messages = messagesReceived();
        assertThat(messages).as("MESSAGEs from the IUT").isNotEmpty();
        for (byte[] datagram : messages) {
            if (datagram.length < 48) {
                continue;
            }
            long counter = ChannelBoxes.counterOf(datagram);
            byte[] earlier = byCounter.putIfAbsent(counter, datagram);
            // an identical datagram is a duplicate made by the network, not a reuse by the IUT
            if (earlier != null && !Arrays.equals(earlier, datagram)) {
                throw new AssertionError("CRY-CTR-3, CHN-PN-2: the IUT sent two different MESSAGEs under nonce counter "
                        + counter + " (" + earlier.length + " and " + datagram.length + " bytes)");
            }
        }
    }

    @Then("every MESSAGE the IUT sent has a plaintext of at most {int} bytes")
    public void messageSizes(int maxPlaintext) {
        List<byte[]> messages = messagesReceived();
        assertThat(messages).as("MESSAGEs from the IUT").isNotEmpty();
        for (byte[] datagram : messages) {
            int m = datagram.length - Packets.MESSAGE_OVERHEAD;
            assertThat(datagram.length).as("PKT-SIZE-7: UDP payload length").isLessThanOrEqualTo(Packets.MAX_DATAGRAM);
            assertThat(m % 16 == 0 && m >= 16).as("PKT-SIZE-4: M = %d is a multiple of 16, at least 16", m).isTrue();
            if (m > maxPlaintext) {
                throw new AssertionError("PKT-SIZE-9: the IUT sent a MESSAGE with M = " + m + " bytes of plaintext;"
                        + " the peer's MAX_PLAINTEXT allows at most " + maxPlaintext + " (its value rounded down to 16)");
            }
        }
    }

    @Then("the IUT's CLOSE carries error code {errorCode}, as {word} requires")
    public void closeCode(ErrorCode expected, String requirement) {
        PeerFrame.Close close = context().awaitClose();
        if (close.errorCode() != expected.code()) {
            throw new AssertionError(requirement + ": the IUT closed the channel with "
                    + ErrorCode.nameOf(close.errorCode()) + " (reason '" + close.reason() + "'), expected "
                    + expected.name());
        }
    }

    @Then("nothing but zero bytes follows the CLOSE in the IUT's packet")
    public void onlyZerosAfterClose() {
        ReceivedPacket packet = context().peer().receivedPackets().stream()
                .filter(p -> !p.framesOf(PeerFrame.Close.class).isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("FRM-CLOSE-1: no packet of the IUT carried a CLOSE"));
        byte[] after = packet.decoded().ignoredAfterClose() == null ? new byte[0] : packet.decoded().ignoredAfterClose();
        for (int i = 0; i < after.length; i++) {
            if (after[i] != 0) {
                throw new AssertionError("FRM-CLOSE-1: byte " + i + " after the CLOSE frame in packet "
                        + packet.packetNumber() + " is 0x" + Integer.toHexString(after[i] & 0xff)
                        + "; only trailing zero bytes may follow CLOSE (" + after.length + " bytes follow it)");
            }
        }
    }
}
