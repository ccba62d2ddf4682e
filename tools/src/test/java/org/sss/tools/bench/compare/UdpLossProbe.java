package org.sss.tools.bench.compare;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;

/**
 * The child process of {@link ImpairedLinkTest}: sends N datagrams of 1000 bytes over 127.0.0.1 of
 * the namespace it runs in, paced so that no socket buffer overflows, counts those that arrive, and
 * prints {@code sent=N received=M}.
 */
public final class UdpLossProbe {
    private UdpLossProbe() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(loopback, 0));
                DatagramSocket sender = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            receiver.setReceiveBufferSize(1 << 22);
            receiver.setSoTimeout(500);
            byte[] payload = new byte[1000];
            DatagramPacket packet = new DatagramPacket(payload, payload.length, receiver.getLocalSocketAddress());
            DatagramPacket received = new DatagramPacket(new byte[2000], 2000);
            int got = 0;
            for (int i = 0; i < count; i++) {
                sender.send(packet);
                if (i % 50 == 49) {
                    // drain as we go: the loss counted must be the impairment's, never a full buffer's
                    got += drain(receiver, received, false);
                }
            }
            got += drain(receiver, received, true);
            System.out.println("sent=" + count + " received=" + got);
        }
    }

    private static int drain(DatagramSocket receiver, DatagramPacket received, boolean untilQuiet) throws Exception {
        int got = 0;
        receiver.setSoTimeout(untilQuiet ? 500 : 1);
        while (true) {
            try {
                receiver.receive(received);
                if (received.getLength() != 1000) {
                    throw new IllegalStateException("a datagram of " + received.getLength() + " bytes");
                }
                got++;
            } catch (SocketTimeoutException quiet) {
                return got;
            }
        }
    }
}
