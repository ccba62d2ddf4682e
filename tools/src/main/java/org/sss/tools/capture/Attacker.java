package org.sss.tools.capture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * A plain UDP socket on loopback that sends raw datagrams to the responder: the attacker of the attack
 * captures. It never reads; the responder's answers are in the responder's capture.
 */
final class Attacker implements AutoCloseable {
    private final DatagramChannel socket;
    private final InetSocketAddress target;

    private Attacker(DatagramChannel socket, InetSocketAddress target) {
        this.socket = socket;
        this.target = target;
    }

    /** A socket on a fresh loopback port that sends to {@code target}. */
    static Attacker open(InetSocketAddress target) throws IOException {
        return bound(CaptureSession.loopback(), target);
    }

    /** A socket bound to {@code local} (for example a closed host's old port) that sends to {@code target}. */
    static Attacker bound(InetSocketAddress local, InetSocketAddress target) throws IOException {
        DatagramChannel socket = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            socket.bind(local);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new Attacker(socket, target);
    }

    /** Sends {@code datagram} to the responder. */
    void send(byte[] datagram) throws IOException {
        socket.send(ByteBuffer.wrap(datagram), target);
    }

    /** The socket's address. */
    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) socket.getLocalAddress();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // a loopback socket: nothing to report
        }
    }
}
