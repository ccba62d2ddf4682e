package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps of SPEC.md 6.9 about where the IUT opens new streams during a rekey (CHN-REKEY-4). The tester
 * peer negotiates a replacement channel and keeps the old one open, so that a new stream the IUT opens
 * could go on either: the datagram-echo service (A.4) makes the IUT open one, the echo of a datagram.
 * The peer itself behaves as 6.9 asks of an endpoint: it moves the service stream to the replacement
 * (INIT+USID there, DETACH on the old channel, CHN-REKEY-3) and opens the datagram there (CHN-REKEY-4).
 */
public class RekeySteps {
    private TesterPeer replacement;
    /** How many packets the old channel had received when the replacement was established. */
    private int oldPacketsBefore;
    /** The LSID under which the peer attached the service stream to the replacement channel. */
    private long attachedLsid = -1;
    private byte[] datagram;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @When("the peer negotiates a replacement channel under the same identity and leaves the old one open")
    public void replaceKeepingOld() {
        TesterPeer old = context().peer();
        replacement = context().connectAnother(old.sameIdentityOptions());
        oldPacketsBefore = old.receivedPackets().size();
    }

    @When("the peer attaches {word} to the replacement channel with a record of {int} random bytes and sends DETACH for it on the old channel")
    public void attachToReplacement(String label, int size) {
        StreamScenario.Opened s = StreamScenario.current().get(label);
        // STR-ID-6: the USID of a stream is the creating channel's id and its LSID there
        byte[] usid = ByteBuffer.allocate(24).put(s.peer.channelId()).putLong(s.lsid).array();
        byte[] data = context().randomBytes(size);
        attachedLsid = replacement.openSubstream(0);
        // STR-ATTACH-1: INIT and USID, a fresh odd LSID, parent 0, data at the stream's own offset
        int flags = PeerFrame.Stream.INIT | PeerFrame.Stream.USID | PeerFrame.Stream.LENGTH | PeerFrame.Stream.RECORD
                | PeerFrame.Stream.offsetSizeCode(s.offset) << 10;
        replacement.send(List.of(new PeerFrame.Stream(flags, attachedLsid, 0, usid, s.offset, data)));
        s.offset += data.length;
        s.sent.writeBytes(data);
        s.boundaries.add((long) s.sent.size());
        s.lastEndsRecord = true;
        s.peer.send(List.of(new PeerFrame.Detach(s.lsid)));
    }

    @When("the peer sends on the replacement channel a best-effort datagram of {int} random bytes under {word}")
    public void datagramOnReplacement(int size, String label) {
        StreamScenario.current().get(label);
        assertThat(attachedLsid).as("the stream's LSID on the replacement channel").isNotNegative();
        datagram = context().randomBytes(size);
        long lsid = replacement.openSubstream(attachedLsid);
        // STR-DGRAM-1: one frame with INIT, NOACK and FIN at offset 0
        replacement.send(List.of(PeerFrame.Stream.data(lsid, 0, datagram)
                .with(PeerFrame.Stream.NOACK | PeerFrame.Stream.FIN).opening(attachedLsid)));
    }

    @Then("the IUT echoes the datagram on a new stream it opens on the replacement channel, and opens no stream on the old channel")
    public void echoOnReplacement() {
        TesterPeer old = context().peer();
        Set<Long> openedBefore = iutOpened(old.receivedPackets().subList(0, oldPacketsBefore));
        long[] echo = {-1};
        long[] onOld = {-1};
        StreamScenario.receiveUntil(List.of(old, replacement), () -> {
            onOld[0] = newlyOpened(old, openedBefore);
            echo[0] = echoLsid();
            return onOld[0] >= 0 || echo[0] >= 0 || replacement.closeReceived() != null;
        }, "CHN-REKEY-4: the echo of the " + datagram.length + "-byte datagram, on either channel");
        if (onOld[0] >= 0) {
            throw new AssertionError("CHN-REKEY-4: after the replacement channel was established (and used by the"
                    + " peer), the IUT opened stream LSID " + onOld[0] + " on the old channel: "
                    + old.inbox(onOld[0]) + "; expected it on the replacement channel");
        }
        StreamScenario.assertOpen(replacement, "CHN-REKEY-4 (the replacement channel)");
        StreamInbox in = replacement.inbox(echo[0]);
        assertThat(in.bytes()).as("TST-DGE-1: the echo %s on the replacement channel", in).isEqualTo(datagram);
        assertThat(in.parentLsid()).as("TST-DGE-1: the parent of the echo %s: the service stream's LSID on the"
                + " replacement channel (the peer's attach LSID %d, or an LSID the IUT attached it under)", in,
                attachedLsid).isIn(parentsOnReplacement());
        assertThat(newlyOpened(old, openedBefore)).as("CHN-REKEY-4: a stream the IUT opened on the old channel")
                .isNegative();
    }

    /** An even LSID (the IUT's, STR-ID-1) on the replacement channel that carries the whole datagram, or -1. */
    private long echoLsid() {
        for (long lsid : iutOpened(replacement.receivedPackets())) {
            StreamInbox in = replacement.inbox(lsid);
            if (in.isFinished() && Arrays.equals(in.bytes(), datagram)) {
                return lsid;
            }
        }
        return -1;
    }

    /** The LSIDs that name the service stream on the replacement channel. */
    private Set<Long> parentsOnReplacement() {
        Set<Long> out = new HashSet<>();
        out.add(attachedLsid);
        for (ReceivedPacket p : replacement.receivedPackets()) {
            for (PeerFrame.Stream f : p.framesOf(PeerFrame.Stream.class)) {
                if (f.has(PeerFrame.Stream.USID)) {
                    out.add(f.lsid());
                }
            }
        }
        return out;
    }

    /** A stream the IUT opened on {@code old} that it had not opened before the replacement, or -1. */
    private static long newlyOpened(TesterPeer old, Set<Long> before) {
        for (long lsid : iutOpened(old.receivedPackets())) {
            if (!before.contains(lsid)) {
                return lsid;
            }
        }
        return -1;
    }

    /** The even LSIDs that STREAM frames with INIT and no USID opened in {@code packets}: new streams of the IUT. */
    private static Set<Long> iutOpened(List<ReceivedPacket> packets) {
        Set<Long> out = new HashSet<>();
        for (ReceivedPacket p : packets) {
            for (PeerFrame.Stream f : p.framesOf(PeerFrame.Stream.class)) {
                if (f.lsid() % 2 == 0 && f.has(PeerFrame.Stream.INIT) && !f.has(PeerFrame.Stream.USID)) {
                    out.add(f.lsid());
                }
            }
        }
        return out;
    }
}
