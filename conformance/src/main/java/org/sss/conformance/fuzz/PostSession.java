package org.sss.conformance.fuzz;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.report.CapturedDatagram;
import org.sss.conformance.report.Keylog;
import org.sss.conformance.target.Target;

/**
 * Sends a batch of post-handshake inputs inside real channels: the tester peer negotiates a channel
 * and opens an echo stream, then every input's plaintext is sealed validly into a MESSAGE with the
 * next packet number (a few with a corrupted box). When the target closes the channel, as it must for
 * most wrong frames, the rest of the batch goes into a fresh channel.
 */
final class PostSession {
    private static final int CORRUPT_BOX_PERCENT = 5;
    private static final Duration VERDICT_WAIT = Duration.ofMillis(1);

    private PostSession() {
    }

    static Execution run(Target target, List<FuzzInput> inputs, Random random, Duration timeout) {
        List<TesterPeer> peers = new ArrayList<>();
        List<SentInput> sent = new ArrayList<>();
        String note = null;
        try { // the peers are closed below, after their datagrams are read
            TesterPeer peer = null;
            long lsid = 0;
            for (FuzzInput input : inputs) {
                if (peer == null || peer.closeReceived() != null) {
                    peer = open(target, random, timeout);
                    peers.add(peer);
                    lsid = peer.openStream("echo", "sss-test/1");
                }
                Random r = new Random(input.seed());
                FrameInputs.Plaintext p = FrameInputs.generate(r, new FrameInputs.Context(peer.nextPacketNumber(),
                        List.of(lsid), lsid + 2));
                byte[] datagram = peer.boxes().sealMessage(peer.nextPacketNumber(), p.bytes());
                String label = p.label();
                if (r.nextInt(100) < CORRUPT_BOX_PERCENT) {
                    datagram[48 + r.nextInt(datagram.length - 48)] ^= (byte) (1 << r.nextInt(8));
                    label = label + " box corrupted";
                }
                peer.sendRaw(datagram); // sealed above with the next packet number, which is now used
                peer.skipPacketNumbers(1);
                sent.add(new SentInput(input, label, datagram, p.bytes()));
                awaitVerdict(peer);
            }
        } catch (IOException | RuntimeException e) {
            note = "the batch stopped: " + e;
        }
        List<CapturedDatagram> datagrams = capture(peers, target.address());
        String keylog = Keylog.of(peers);
        peers.forEach(TesterPeer::close);
        return new Execution(Stage.POST, sent, datagrams, keylog, note, peers.size());
    }

    /**
     * Reads what the target sent until a CLOSE arrives or it has been silent for {@link #VERDICT_WAIT}: on
     * loopback a target closes a channel within far less, so the next input goes into a live channel.
     */
    private static void awaitVerdict(TesterPeer peer) {
        long deadline = System.nanoTime() + VERDICT_WAIT.toNanos();
        while (peer.closeReceived() == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || peer.receive(Duration.ofNanos(left)) == null) {
                return;
            }
        }
    }

    private static TesterPeer open(Target target, Random random, Duration timeout) throws IOException {
        TesterPeer peer = TesterPeer.connect(target.address(), target.publicKey(), random, timeout);
        peer.setRetransmission(false);
        return peer;
    }

    private static List<CapturedDatagram> capture(List<TesterPeer> peers, InetSocketAddress target) {
        List<CapturedDatagram> out = new ArrayList<>();
        for (TesterPeer peer : peers) {
            for (LoggedDatagram d : peer.datagrams()) {
                if (d.direction() == LoggedDatagram.Direction.SENT) {
                    out.add(new CapturedDatagram(d.wallClock(), peer.localAddress(), target, d.bytes()));
                }
            }
        }
        out.sort(Comparator.comparing(CapturedDatagram::time));
        return out;
    }
}
