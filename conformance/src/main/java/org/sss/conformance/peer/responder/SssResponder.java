package org.sss.conformance.peer.responder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.sss.conformance.peer.ChannelBoxes;
import org.sss.conformance.peer.DatagramLog;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.X25519KeyPair;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.Packets;

/**
 * The responder tester peer: a plain SSS responder on a raw loopback UDP socket, running on its own
 * thread, for the initiator-role scenarios (conformance/IUT.md section 2). It answers HELLO with a
 * stateless COOKIE (SPEC.md 5.3, 4.6), accepts INITIATE (5.5), runs the channels it creates with the
 * test services of Appendix A, and logs every datagram. Everything the initiator IUT sends is checked
 * against the spec ({@link #violations()}); {@link ResponderScript} makes it deviate on purpose. A
 * second socket, the decoy, only ever sends a COOKIE from the wrong port (PKT-DEMUX-2).
 */
public final class SssResponder implements AutoCloseable {
    private final ResponderScript script;
    private final Random random;
    private final X25519KeyPair identity;
    private final ResponderHandshake handshake;
    private final DatagramChannel socket;
    private final DatagramChannel decoy;
    private final Selector selector;
    private final DatagramLog log = new DatagramLog();
    private final DatagramLog decoyLog = new DatagramLog();
    private final InitiatorConduct conduct = new InitiatorConduct();
    private final Thread thread;
    private final Object lock = new Object();
    private volatile boolean running = true;

    private final Map<String, ResponderChannel> channels = new LinkedHashMap<>();
    private final Set<String> knownKeys = new HashSet<>();
    private final Set<String> sentMessages = new HashSet<>();
    private final List<InitiatorPacket> packets = new ArrayList<>();
    private final List<IssuedCookie> cookies = new ArrayList<>();
    private int hellos;
    private int initiates;
    private boolean decoySent;
    private boolean forgedSent;
    private boolean doubledSent;
    private boolean badCookiesSent;
    private RuntimeException failure;

    private SssResponder(ResponderScript script, Random random) throws IOException {
        this.script = script;
        this.random = random;
        this.identity = X25519KeyPair.generate(random);
        this.handshake = new ResponderHandshake(identity, new MinuteKeys(random,
                script.minuteKeyRotationMillis() * 1_000_000L), random);
        this.socket = open();
        this.decoy = open();
        this.selector = Selector.open();
        socket.register(selector, SelectionKey.OP_READ);
        decoy.register(selector, SelectionKey.OP_READ);
        this.thread = new Thread(this::loop, "sss-responder-" + address().getPort());
        thread.setDaemon(true);
    }

    /**
     * Starts a responder on a free loopback port.
     *
     * @param random every random choice (keys, cookies, nonces): seed it from the scenario's printed seed
     */
    public static SssResponder start(ResponderScript script, Random random) throws IOException {
        SssResponder responder = new SssResponder(script, random);
        responder.thread.start();
        return responder;
    }

    /** Where the initiator is to connect. */
    public InetSocketAddress address() {
        return localAddress(socket);
    }

    /** The responder's long-term public key R. */
    public byte[] publicKey() {
        return identity.publicKey();
    }

    /** Every datagram on the responder's socket, both directions, in order. */
    public List<LoggedDatagram> datagrams() {
        return log.entries();
    }

    /** Every datagram on the decoy socket, both directions. */
    public List<LoggedDatagram> decoyDatagrams() {
        return decoyLog.entries();
    }

    /** The HELLOs, INITIATEs and MESSAGEs received, in arrival order. */
    public List<InitiatorPacket> initiatorPackets() {
        synchronized (lock) {
            return List.copyOf(packets);
        }
    }

    /** The COOKIEs sent, in order. */
    public List<IssuedCookie> cookies() {
        synchronized (lock) {
            return List.copyOf(cookies);
        }
    }

    /** The channels created, in order. */
    public List<ChannelView> channels() {
        synchronized (lock) {
            List<ChannelView> out = new ArrayList<>();
            for (ResponderChannel c : channels.values()) {
                out.add(new ChannelView(c.initiatorShortTerm(), c.peerSettings(), c.closeReceived(), c.services(),
                        c.firstMessageSentAt(), c.packetsBeforeSettingsAck()));
            }
            return out;
        }
    }

    /** Every rule the initiator broke so far. */
    public List<Violation> violations() {
        synchronized (lock) {
            if (failure != null) {
                throw new IllegalStateException("the responder tester peer failed", failure);
            }
            return conduct.violations();
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5_000);
            selector.close();
            socket.close();
            decoy.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- the loop

    private void loop() {
        ByteBuffer buffer = ByteBuffer.allocate(65_535);
        try {
            while (running) {
                selector.select(10);
                selector.selectedKeys().clear();
                synchronized (lock) {
                    receiveAll(buffer);
                    long now = System.nanoTime();
                    for (ResponderChannel c : channels.values()) {
                        c.flush(now);
                    }
                }
            }
        } catch (ClosedSelectorException e) {
            // closed under us: the end
        } catch (IOException | RuntimeException e) {
            synchronized (lock) {
                failure = e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
            }
        }
    }

    private void receiveAll(ByteBuffer buffer) throws IOException {
        while (true) {
            boolean any = false;
            for (DatagramChannel from : new DatagramChannel[] {socket, decoy}) {
                buffer.clear();
                SocketAddress sender = from.receive(buffer);
                if (sender == null) {
                    continue;
                }
                any = true;
                buffer.flip();
                byte[] bytes = Arrays.copyOf(buffer.array(), buffer.limit());
                InetSocketAddress remote = (InetSocketAddress) sender;
                if (from == decoy) {
                    LoggedDatagram d = decoyLog.record(LoggedDatagram.Direction.RECEIVED, remote, bytes);
                    conduct.add("PKT-DEMUX-2", "the initiator sent to the port a decoy COOKIE came from: it accepted"
                            + " a COOKIE from an address its HELLO did not go to", d, null);
                } else {
                    onDatagram(log.record(LoggedDatagram.Direction.RECEIVED, remote, bytes));
                }
            }
            if (!any) {
                return;
            }
        }
    }

    private void onDatagram(LoggedDatagram d) {
        conduct.datagram(d);
        byte[] b = d.bytes();
        Magic magic = Magic.of(b);
        if (magic == Magic.HELLO && b.length == Packets.HELLO_SIZE) {
            onHello(d);
        } else if (magic == Magic.INITIATE && b.length >= Packets.INITIATE_OVERHEAD + 16) {
            onInitiate(d);
        } else if (magic == Magic.MESSAGE && b.length >= Packets.MESSAGE_OVERHEAD + 16) {
            onMessage(d);
        }
    }

    private void onHello(LoggedDatagram d) {
        byte[] b = d.bytes();
        String key = Hex.of(Arrays.copyOfRange(b, 8, 40));
        knownKeys.add(key);
        packets.add(new InitiatorPacket(d, Magic.HELLO, Arrays.copyOfRange(b, 8, 40), ResponderHandshake.be64(b, 104),
                null));
        var hello = handshake.openHello(b);
        if (hello.isEmpty()) {
            conduct.add("NEG-HELLO-1", "the HELLO's box must open as box(0^64, \"cUVVYcp-CLIENT-h\" ‖ be64(c), R, i')",
                    d, null);
            return;
        }
        if (!Arrays.equals(hello.get().boxPlaintext(), new byte[64])) {
            conduct.add("NEG-HELLO-1", "the HELLO's box must hold 64 zero bytes; it holds "
                    + Hex.of(hello.get().boxPlaintext()), d, null);
        }
        hellos++;
        if (hellos <= script.hellosUnanswered()) {
            return;
        }
        if (script.badCookiesFirst() && !badCookiesSent) {
            badCookiesSent = true;
            issue(hello.get(), d.remote(), IssuedCookie.Kind.WRONG_LENGTH);
            issue(hello.get(), d.remote(), IssuedCookie.Kind.FORGED);
            issue(hello.get(), d.remote(), IssuedCookie.Kind.DECOY);
            return;
        }
        if (script.decoyCookie() && !decoySent) {
            decoySent = true;
            issue(hello.get(), d.remote(), IssuedCookie.Kind.DECOY);
            return;
        }
        if (script.forgedCookieFirst() && !forgedSent) {
            forgedSent = true;
            issue(hello.get(), d.remote(), IssuedCookie.Kind.FORGED);
        }
        issue(hello.get(), d.remote(), IssuedCookie.Kind.GENUINE);
        if (script.twoCookies() && !doubledSent) {
            doubledSent = true;
            issue(hello.get(), d.remote(), IssuedCookie.Kind.GENUINE);
        }
    }

    private void issue(ResponderHandshake.Hello hello, InetSocketAddress to, IssuedCookie.Kind kind) {
        ResponderHandshake.Issued issued = handshake.cookie(hello, to);
        byte[] packet = issued.packet();
        if (kind == IssuedCookie.Kind.FORGED) {
            packet[8 + 16 + random.nextInt(144)] ^= (byte) (1 << random.nextInt(8));
        } else if (kind == IssuedCookie.Kind.WRONG_LENGTH) {
            byte[] tail = new byte[16];
            random.nextBytes(tail);
            packet = Arrays.copyOf(packet, packet.length + tail.length);
            System.arraycopy(tail, 0, packet, packet.length - tail.length, tail.length);
        }
        cookies.add(new IssuedCookie(hello.initiatorShortTerm(), issued.responderShortTerm(), issued.cookie(), kind,
                System.nanoTime()));
        send(kind == IssuedCookie.Kind.DECOY ? decoy : socket, kind == IssuedCookie.Kind.DECOY ? decoyLog : log, packet,
                to);
    }

    private void onInitiate(LoggedDatagram d) {
        byte[] b = d.bytes();
        byte[] iPrime = Arrays.copyOfRange(b, 8, 40);
        String key = Hex.of(iPrime);
        long counter = ResponderHandshake.be64(b, ResponderHandshake.INITIATE_COUNTER);
        knownKeys.add(key);
        packets.add(new InitiatorPacket(d, Magic.INITIATE, iPrime, counter,
                Arrays.copyOfRange(b, ResponderHandshake.INITIATE_COOKIE, ResponderHandshake.INITIATE_COOKIE + 96)));
        if (sentMessages.contains(key)) {
            conduct.add("NEG-IPROC-4", "an initiator stops sending INITIATE once it has accepted a MESSAGE; this one"
                    + " follows the initiator's own MESSAGEs", d, null);
        }
        ResponderChannel channel = channels.get(key);
        if (channel != null) {
            channel.onInitiate(d, counter);
            return;
        }
        if (++initiates <= script.initiatesIgnored() || (b.length - Packets.INITIATE_OVERHEAD) % 16 != 0) {
            return;
        }
        ResponderHandshake.Initiate initiate = handshake.openInitiate(b, d.remote());
        if (initiate.problem() != null) {
            String requirement = initiate.problem().startsWith("VOUCH") ? "NEG-INITIATE-2"
                    : initiate.problem().startsWith("COOKIE") ? "NEG-COOKIE-5" : "NEG-INITIATE-1";
            conduct.add(requirement, "INITIATE rejected at section 5.5: " + initiate.problem(), d, initiate.message());
            return;
        }
        byte[] k = Nacl.beforenm(iPrime, initiate.responderShortTerm().secretKey());
        ResponderChannel created = new ResponderChannel(
                ChannelBoxes.forResponder(k, iPrime, initiate.responderShortTerm().publicKey()), d.remote(), conduct,
                (bytes, to) -> send(socket, log, bytes, to), script);
        channels.put(key, created);
        created.start(d, counter, initiate.message());
    }

    private void onMessage(LoggedDatagram d) {
        byte[] b = d.bytes();
        byte[] iPrime = Arrays.copyOfRange(b, 8, 40);
        String key = Hex.of(iPrime);
        long counter = ResponderHandshake.be64(b, 40);
        packets.add(new InitiatorPacket(d, Magic.MESSAGE, iPrime, counter, null));
        ResponderChannel channel = channels.get(key);
        if (channel == null) {
            if (knownKeys.contains(key)) {
                conduct.add("NEG-IPROC-2", "an initiator sends no MESSAGE before it has received one from the"
                        + " responder; the responder has sent none under this I'", d, null);
            }
            return;
        }
        sentMessages.add(key);
        if ((b.length - Packets.MESSAGE_OVERHEAD) % 16 == 0 && b.length <= Packets.MAX_DATAGRAM) {
            channel.onMessage(d, counter);
        }
    }

    private static void send(DatagramChannel from, DatagramLog into, byte[] datagram, InetSocketAddress to) {
        into.record(LoggedDatagram.Direction.SENT, to, datagram);
        try {
            from.send(ByteBuffer.wrap(datagram), to);
        } catch (IOException e) {
            throw new UncheckedIOException("sending to " + to, e);
        }
    }

    private static DatagramChannel open() throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        channel.configureBlocking(false);
        return channel;
    }

    private static InetSocketAddress localAddress(DatagramChannel channel) {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
