package org.sss.tools.capture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.sss.conformance.peer.wire.Magic;
import org.sss.core.host.SecureChannel;

/** Malformed datagrams of every kind, each dropped without an answer, then a clean handshake still served. */
final class MalformedWorkload implements Workload {
    @Override
    public String name() {
        return "malformed";
    }

    @Override
    public String description() {
        return "an empty datagram, random bytes, a bad magic, the reserved INITIATE_MESSAGE magic, a truncated and "
                + "an oversized HELLO, a HELLO whose box does not open, a COOKIE sent to the responder, INITIATEs "
                + "and MESSAGEs of wrong lengths, an INITIATE with a forged cookie and a MESSAGE under an unknown "
                + "key: all dropped unanswered, then a clean handshake still served";
    }

    @Override
    public boolean attack() {
        return true;
    }

    @Override
    public void run(CaptureSession session) throws Exception {
        Random random = session.random();
        byte[] hello = AttackPackets.hello(session.responderKey().bytes(), random);
        byte[] badBox = hello.clone();
        badBox[AttackPackets.HELLO - 1] ^= 1;
        List<byte[]> datagrams = new ArrayList<>();
        datagrams.add(new byte[0]);
        datagrams.add(AttackPackets.random(5, random));
        datagrams.add(AttackPackets.random(300, random));
        datagrams.add(withFirstBytes("XXXXXXXX", AttackPackets.random(120, random)));
        datagrams.add(AttackPackets.withMagic(Magic.INITIATE_MESSAGE, 300, random));
        datagrams.add(Arrays.copyOf(hello, 100));
        datagrams.add(Arrays.copyOf(hello, AttackPackets.HELLO + 1));
        datagrams.add(badBox);
        datagrams.add(AttackPackets.withMagic(Magic.COOKIE, AttackPackets.COOKIE, random));
        datagrams.add(AttackPackets.withMagic(Magic.INITIATE, AttackPackets.INITIATE + 1, random));
        datagrams.add(AttackPackets.withMagic(Magic.INITIATE, AttackPackets.INITIATE, random));
        datagrams.add(AttackPackets.withMagic(Magic.MESSAGE, 65, random));
        datagrams.add(AttackPackets.withMagic(Magic.MESSAGE, AttackPackets.MESSAGE, random));
        datagrams.add(AttackPackets.withMagic(Magic.MESSAGE, 1300, random));
        Attacker attacker = session.attacker();
        for (byte[] datagram : datagrams) {
            attacker.send(datagram);
            CaptureSession.pause(Duration.ofMillis(20));
        }
        SecureChannel channel = session.connect();
        CaptureSession.await(channel.ping(), "the PING after the malformed datagrams");
        StreamSteps.close(channel, "capture: still serving");
    }

    private static byte[] withFirstBytes(String ascii, byte[] datagram) {
        byte[] prefix = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, datagram, 0, prefix.length);
        return datagram;
    }
}
