package org.sss.core.host;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.sss.core.channel.Channel;
import org.sss.core.channel.ChannelClosure;
import org.sss.core.channel.ChannelEnvironment;
import org.sss.core.channel.ChannelListener;
import org.sss.core.channel.ChannelState;
import org.sss.core.channel.ChannelTable;
import org.sss.core.channel.RekeyReason;
import org.sss.core.crypto.PublicKey;
import org.sss.core.misbehaviour.ProtocolBugs;
import org.sss.core.negotiation.CookieOutcome;
import org.sss.core.negotiation.DatagramSink;
import org.sss.core.negotiation.FirstMessageOutcome;
import org.sss.core.negotiation.InitiateOutcome;
import org.sss.core.negotiation.Initiator;
import org.sss.core.negotiation.NegotiatedChannel;
import org.sss.core.negotiation.Responder;
import org.sss.core.negotiation.Role;
import org.sss.core.negotiation.TimeoutOutcome;
import org.sss.core.stream.ChannelStreams;
import org.sss.core.stream.ChannelStreamsListener;
import org.sss.core.stream.StreamCore;
import org.sss.core.transport.DatagramHandler;
import org.sss.core.transport.UdpTransport;
import org.sss.core.wire.DropCounters;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.Frame;
import org.sss.core.wire.GoawayFrame;
import org.sss.core.wire.PacketType;
import org.sss.core.wire.Usid;
import org.sss.core.wire.WireLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SSS host: one long-term identity, one UDP socket, and every channel to and from it, in both
 * roles at once (SPEC.md sections 3 and 5).
 *
 * <p>All protocol work runs on the socket's event loop: datagrams are demultiplexed by magic
 * (HELLO and INITIATE to the responder, COOKIE to the negotiation started towards its source,
 * MESSAGE to the channel its short-term key selects), and each sans-I/O component's next deadline
 * is kept armed as a timer there. Public methods may be called from any thread.
 */
public final class Host implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Host.class);
    private static final int SHORT_TERM_KEY_OFFSET = 8;
    private static final int REPLACED_CLOSE_PTO_MULTIPLE = 3;

    private final HostConfig config;
    private final HostListener listener;
    private final DropCounters drops = new DropCounters();
    private final ChannelTable channels;
    private final Map<Channel, HostChannel> handles = new IdentityHashMap<>();
    private final Map<InetSocketAddress, PendingConnect> pendingByAddress = new HashMap<>();
    private final Map<PublicKey, PendingConnect> pendingByResponderKey = new HashMap<>();
    private final ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
    private final DatagramSink sink = this::write;
    private final Responder responder;
    private final ChannelEnvironment environment;
    private final ServiceDirectory directory = new ServiceDirectory();
    private final Map<Usid, StreamCore> streamsByUsid = new HashMap<>();
    private volatile UdpTransport transport;
    private TimerSlot responderTimer;
    private volatile boolean closed;

    private Host(HostConfig config, HostListener listener) {
        this.config = config;
        this.listener = listener;
        this.channels = new ChannelTable(config.maxChannels());
        this.environment = new ChannelEnvironment(config.clock(), config.random(), config.crypto(), allocator, drops,
                sink, config.protocolBugs());
        this.responder = config.acceptChannels()
                ? Responder.builder(config.identity(), sink)
                        .crypto(config.crypto())
                        .random(config.secureRandom())
                        .clock(config.clock())
                        // LIM-RES: a full table refuses new initiators instead of evicting live channels
                        .policy((initiator, address) -> !channels.isFull() && config.policy().accepts(initiator, address))
                        .liveChannels(channels::isLive)
                        .helloRateLimiter(config.helloRateLimiter())
                        .dropCounters(drops)
                        .allocator(allocator)
                        .minuteKeyRotation(config.minuteKeyRotation())
                        // SPEC SEC-FS-2: minute keys leave the host only when a key log was configured
                        .minuteKeyLog(config.channelKeyLog() == null ? null : this::logMinuteKey)
                        .protocolBugs(config.protocolBugs())
                        .build()
                : null;
    }

    /**
     * Binds the socket and starts serving.
     *
     * @param config the host's setup
     * @param listener receives channel events
     * @return the running host
     * @throws InterruptedException if interrupted while binding
     */
    public static Host start(HostConfig config, HostListener listener) throws InterruptedException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        Host host = new Host(config, listener);
        host.transport = UdpTransport.bind(config.bindAddress(), host.new Demultiplexer(),
                config.preferNativeTransport(), config.datagramTap());
        host.onLoop(() -> {
            if (host.responder != null) {
                host.responderTimer = new TimerSlot(host.transport.eventLoop(), config.clock(), host::onResponderTimer);
                host.responderTimer.arm(host.responder.nextTimeoutNanos());
            }
            return null;
        }).join();
        return host;
    }

    /**
     * Offers a service under one protocol (SPEC.md section 9): peers that connect a stream to it are
     * answered OK and the stream goes to the handler.
     *
     * @param service the service name, 1 to 255 bytes of UTF-8
     * @param protocol the protocol name, 1 to 255 bytes of UTF-8
     * @param description a short text listed to peers that ask (list services / list protocols)
     * @param handler called on the event loop for every new stream
     * @return the offer; closing it withdraws it
     * @throws IllegalArgumentException if a name is empty or too long
     * @throws IllegalStateException if the service already offers that protocol
     */
    public Server listen(String service, String protocol, String description, ServiceHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return directory.register(service, protocol, description == null ? "" : description, handler);
    }

    /** The host's long-term public key, its identity. */
    public PublicKey identity() {
        return config.identity().publicKey();
    }

    /** The bound UDP address. */
    public InetSocketAddress localAddress() {
        return transport.localAddress();
    }

    /** Whether the socket uses native epoll. */
    public boolean isNativeTransport() {
        return transport.isNativeEpoll();
    }

    /** The deliberate misbehaviours this host was configured with (none but in the conformance self-tests). */
    public ProtocolBugs protocolBugs() {
        return config.protocolBugs();
    }

    /** Rejected input by verdict; readable from any thread. */
    public DropCounters drops() {
        return drops;
    }

    /**
     * Negotiates a channel with the responder at {@code address} whose long-term key is
     * {@code responderIdentity} (SPEC.md section 5).
     *
     * @return completes with the channel, or exceptionally with {@link NegotiationFailedException}
     *     once the negotiation deadline passes
     */
    public CompletableFuture<SecureChannel> connect(InetSocketAddress address, PublicKey responderIdentity) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(responderIdentity, "responderIdentity");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("address: unresolved " + address);
        }
        return onLoop(() -> startNegotiation(address, responderIdentity)).thenCompose(future -> future);
    }

    /** A snapshot of the host's counters, taken on the event loop. */
    public CompletableFuture<HostStatistics> statistics() {
        return onLoop(() -> new HostStatistics(channels.size(), pendingByAddress.size(), drops.snapshot(),
                responder == null ? 0 : responder.refusals(), responder == null ? 0 : responder.rateLimited(),
                transport.counters().snapshot()));
    }

    /** The channels currently established, as application handles. */
    public CompletableFuture<List<SecureChannel>> channels() {
        return onLoop(() -> {
            List<SecureChannel> list = new ArrayList<>();
            for (HostChannel handle : handles.values()) {
                if (handle.channel().state() == ChannelState.ESTABLISHED) {
                    list.add(handle);
                }
            }
            return list;
        });
    }

    /**
     * Closes every channel with NO_ERROR, abandons pending negotiations, erases the minute keys
     * and releases the socket.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            onLoop(() -> {
                for (HostChannel handle : new ArrayList<>(handles.values())) {
                    Channel channel = handle.channel();
                    if (channel.state() == ChannelState.NEW || channel.state() == ChannelState.ESTABLISHED) {
                        channel.close(ErrorCode.NO_ERROR, "host closing");
                    }
                    handle.timer().cancel();
                }
                for (PendingConnect pending : new ArrayList<>(pendingByAddress.values())) {
                    pending.initiator.abandon("host closing");
                    finishNegotiation(pending);
                    pending.future.completeExceptionally(
                            new NegotiationFailedException(pending.address, "host closing"));
                }
                if (responder != null) {
                    responderTimer.cancel();
                    responder.close();
                }
                flush();
                // no event loop will serve the closing period: erase the keys now (forward secrecy)
                for (HostChannel handle : new ArrayList<>(handles.values())) {
                    handle.channel().discardNow();
                }
                return null;
            }).join();
        } finally {
            transport.close();
        }
    }

    // ------------------------------------------------------------------ event loop plumbing

    <T> CompletableFuture<T> onLoop(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        UdpTransport current = transport;
        if (current == null) {
            task.run();
        } else if (current.eventLoop().inEventLoop()) {
            task.run();
        } else {
            current.eventLoop().execute(task);
        }
        return result;
    }

    void flush() {
        transport.flush();
    }

    /** {@link #onLoop} for work that itself returns a future. */
    <T> CompletableFuture<T> onLoopCompose(Supplier<CompletableFuture<T>> work) {
        return onLoop(work).thenCompose(future -> future);
    }

    void executeOnLoop(Runnable task) {
        UdpTransport current = transport;
        if (current == null) {
            task.run();
        } else {
            current.eventLoop().execute(task);
        }
    }

    /** Schedules a flush of a channel's streams (null is ignored). */
    void flushSoon(ChannelStreams streams) {
        if (streams != null) {
            HostChannel handle = handles.get(streams.channel());
            if (handle != null) {
                handle.flushSoon();
            }
        }
    }

    HostChannel handleOf(Channel channel) {
        return handles.get(channel);
    }

    private void write(ByteBuf datagram, InetSocketAddress recipient) {
        transport.write(datagram, recipient);
    }

    // ------------------------------------------------------------------ negotiation, initiator side

    private CompletableFuture<SecureChannel> startNegotiation(InetSocketAddress address, PublicKey responderIdentity) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("host is closed"));
        }
        PendingConnect existing = pendingByAddress.get(address);
        if (existing != null) {
            if (existing.responderIdentity.equals(responderIdentity)) {
                return existing.future;
            }
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "a negotiation with " + address + " for another responder key is already in progress"));
        }
        Initiator initiator = Initiator.builder(config.identity(), responderIdentity, address, sink)
                .crypto(config.crypto())
                .random(config.secureRandom())
                .clock(config.clock())
                .settings(config.channelConfig().settingsFrame())
                .timers(config.negotiationTimers())
                .dropCounters(drops)
                .allocator(allocator)
                .build();
        PendingConnect pending = new PendingConnect(address, responderIdentity, initiator);
        pending.timer = new TimerSlot(transport.eventLoop(), config.clock(), () -> onNegotiationTimer(pending));
        pendingByAddress.put(address, pending);
        initiator.start();
        pending.timer.arm(initiator.nextTimeoutNanos());
        flush();
        return pending.future;
    }

    private void onNegotiationTimer(PendingConnect pending) {
        TimeoutOutcome outcome = pending.initiator.onTimeout(config.clock().nanoTime());
        if (outcome instanceof TimeoutOutcome.Failed failed) {
            finishNegotiation(pending);
            pending.future.completeExceptionally(new NegotiationFailedException(pending.address, failed.reason()));
            return;
        }
        if (outcome instanceof TimeoutOutcome.Retransmitted retransmitted && retransmitted.freshShortTermKey()
                && pending.responderShortTerm != null) {
            // NEG-TIMER-6: back to HELLO with a new i'; the old R' no longer leads here
            pendingByResponderKey.remove(pending.responderShortTerm);
            pending.responderShortTerm = null;
        }
        pending.timer.arm(pending.initiator.nextTimeoutNanos());
        flush();
    }

    private void onCookie(ByteBuf datagram, InetSocketAddress source) {
        // SPEC NEG-IPROC-1 step 1 before step 2: the length (PKT-SIZE-2) before the pending negotiation
        if (datagram.readableBytes() != WireLimits.COOKIE_LENGTH) {
            drops.increment(DropReason.BAD_PACKET_LENGTH);
            return;
        }
        PendingConnect pending = pendingByAddress.get(source);
        if (pending == null) {
            drops.increment(DropReason.UNKNOWN_CHANNEL); // PKT-DEMUX-2
            return;
        }
        CookieOutcome outcome = pending.initiator.onCookie(datagram, source);
        if (outcome instanceof CookieOutcome.InitiateSent sent) {
            if (pending.responderShortTerm != null) {
                pendingByResponderKey.remove(pending.responderShortTerm);
            }
            pending.responderShortTerm = sent.responderShortTerm();
            pendingByResponderKey.put(sent.responderShortTerm(), pending);
        }
        pending.timer.arm(pending.initiator.nextTimeoutNanos());
    }

    private boolean onFirstMessage(ByteBuf datagram) {
        if (pendingByResponderKey.isEmpty()) {
            return false;
        }
        byte[] key = new byte[PublicKey.LENGTH];
        datagram.getBytes(datagram.readerIndex() + SHORT_TERM_KEY_OFFSET, key);
        PendingConnect pending = pendingByResponderKey.get(PublicKey.of(key));
        if (pending == null) {
            return false;
        }
        FirstMessageOutcome outcome = pending.initiator.onFirstMessage(datagram);
        if (outcome instanceof FirstMessageOutcome.Established established) {
            finishNegotiation(pending);
            boolean full = channels.isFull();
            HostChannel handle;
            try {
                handle = establish(established.channel(), established.packetNumber(), established.plaintext());
            } finally {
                established.plaintext().release();
            }
            if (handle == null) {
                pending.future.completeExceptionally(new NegotiationFailedException(pending.address,
                        full ? "the channel table is full"
                                : "the responder's first packet broke the channel rules"));
            } else {
                pending.future.complete(handle);
            }
        }
        return true;
    }

    private void finishNegotiation(PendingConnect pending) {
        pending.timer.cancel();
        pendingByAddress.remove(pending.address, pending);
        if (pending.responderShortTerm != null) {
            pendingByResponderKey.remove(pending.responderShortTerm, pending);
        }
    }

    // ------------------------------------------------------------------ negotiation, responder side

    private void onResponderTimer() {
        responder.onTimer(config.clock().nanoTime());
        responderTimer.arm(responder.nextTimeoutNanos());
    }

    private void onInitiate(ByteBuf datagram, InetSocketAddress source) {
        InitiateOutcome outcome = responder.onInitiate(datagram, source);
        if (outcome instanceof InitiateOutcome.ForLiveChannel live) {
            HostChannel handle = handles.get(channels.get(live.initiatorShortTerm()));
            if (handle == null || handle.role() != Role.RESPONDER) {
                // SPEC-GAP: step 2 of section 5.5 matches any live channel by I', but the table also holds the
                // channels this host initiated, keyed by the responder's R', which every MESSAGE of the peer
                // shows. No INITIATE for such a channel is genuine (this host is its only initiator), so it is
                // dropped as the box that step R2 could not open for it.
                drops.increment(DropReason.BOX_OPEN_FAILED);
            } else {
                handle.channel().onInitiateRetransmission(datagram);
                handle.refresh();
            }
        } else if (outcome instanceof InitiateOutcome.Accepted accepted) {
            try {
                establish(accepted.channel(), accepted.packetNumber(), accepted.messagePlaintext());
            } finally {
                accepted.messagePlaintext().release();
            }
        }
        responderTimer.arm(responder.nextTimeoutNanos());
    }

    // ------------------------------------------------------------------ channels

    /**
     * Creates, registers and starts a channel; null when the table is full or the channel's first
     * packet broke the rules.
     */
    private HostChannel establish(NegotiatedChannel negotiated, long packetNumber, ByteBuf plaintext) {
        if (channels.isFull()) {
            // SPEC LIM-RES-5: the table is bounded; a channel that finds it full is never created, and its
            // keys are erased at once (a NEW channel cannot send CLOSE, so the peer's end will idle out)
            LOG.debug("channel table full; dropping the channel with {}", negotiated.peerAddress());
            negotiated.sharedKey().destroy();
            negotiated.ownShortTerm().destroy();
            return null;
        }
        // SPEC SEC-FS-2: keys leave the host only when a key log was configured; taken before the channel owns them
        ChannelSecrets secrets = config.channelKeyLog() == null ? null : secretsOf(negotiated);
        Events events = new Events();
        Channel channel = Channel.create(negotiated, config.channelConfig(), environment, events);
        HostChannel handle = new HostChannel(this, channel,
                new TimerSlot(transport.eventLoop(), config.clock(), () -> onChannelTimer(events.handle)));
        events.handle = handle;
        ChannelStreams streams = new ChannelStreams(channel, config.channelConfig(), new StreamsOfChannel(handle),
                config.clock());
        events.streams = streams;
        handle.streams(streams);
        channels.add(channel);
        handles.put(channel, handle);
        channel.acceptFirstPacket(packetNumber, plaintext);
        streams.flush();
        handle.refresh();
        if (channel.state() != ChannelState.ESTABLISHED) {
            return null;
        }
        if (secrets != null) {
            logKeys(secrets);
        }
        listener.onChannelOpened(handle);
        return handle;
    }

    private static ChannelSecrets secretsOf(NegotiatedChannel negotiated) {
        byte[] secret = negotiated.ownShortTerm().secretKey().bytes();
        byte[] key = negotiated.sharedKey().bytes();
        try {
            return new ChannelSecrets(negotiated.role(), negotiated.ownShortTerm().publicKey(), secret,
                    negotiated.peerShortTerm(), key, negotiated.channelId(), negotiated.peerAddress());
        } finally {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    private void logKeys(ChannelSecrets secrets) {
        try {
            config.channelKeyLog().onChannelEstablished(secrets);
        } catch (RuntimeException e) {
            LOG.debug("the channel key log failed", e);
        }
    }

    private void logMinuteKey(byte[] minuteKey) {
        try {
            config.channelKeyLog().onMinuteKey(minuteKey);
        } catch (RuntimeException e) {
            LOG.debug("the channel key log failed", e);
        }
    }

    private void onChannelTimer(HostChannel handle) {
        long now = config.clock().nanoTime();
        handle.channel().onTimeout(now);
        if (handle.channel().state() == ChannelState.ESTABLISHED) {
            handle.streams().onTimeout(now);
        }
        handle.flushNow();
    }

    private void onMessage(ByteBuf datagram, InetSocketAddress sender) {
        // SPEC CHN-RECV-1 step 1 before step 2: the length (PKT-SIZE-4) before the key selects a channel
        if (!isMessageLength(datagram.readableBytes())) {
            drops.increment(DropReason.BAD_PACKET_LENGTH);
            return;
        }
        Channel channel = channels.select(datagram);
        if (channel != null) {
            channel.onMessage(datagram, sender);
            HostChannel handle = handles.get(channel);
            if (handle != null) {
                handle.streams().flush();
                handle.refresh();
            }
            return;
        }
        if (!onFirstMessage(datagram)) {
            drops.increment(DropReason.UNKNOWN_CHANNEL); // PKT-DEMUX-3
        }
    }

    /** SPEC PKT-SIZE-4: 64 + M bytes, M a multiple of 16 with 16 <= M <= 1168. */
    private static boolean isMessageLength(int length) {
        int m = length - WireLimits.MESSAGE_OVERHEAD;
        return m >= WireLimits.MIN_PLAINTEXT && m <= WireLimits.MAX_PLAINTEXT && m % WireLimits.PLAINTEXT_BLOCK == 0;
    }

    private void replace(HostChannel old) {
        if (closed || !old.startReplacing()) {
            return;
        }
        startNegotiation(old.peerAddress(), old.peerIdentity()).whenComplete((replacement, failure) -> {
            if (failure != null) {
                LOG.debug("replacing the channel with {} failed", old.peerAddress(), failure);
                old.endReplacing();
                // SPEC CHN-REKEY-6: retry later while the old channel remains usable
                transport.eventLoop().schedule(() -> {
                    if (old.channel().state() == ChannelState.ESTABLISHED) {
                        replace(old);
                    }
                }, config.rekeyRetry().toNanos(), TimeUnit.NANOSECONDS);
                return;
            }
            listener.onChannelReplaced(old, replacement);
            onLoop(() -> {
                // SPEC CHN-REKEY-3: the streams move to the replacement and continue there
                migrateStreams(old, (HostChannel) replacement);
                // SPEC CHN-REKEY-5: close the old channel with CHANNEL_REPLACED at least 3 · PTO after the
                // replacement was established. The host carries no stream data yet, so none is left to move.
                long delay = REPLACED_CLOSE_PTO_MULTIPLE * old.channel().probeTimeoutNanos();
                transport.eventLoop().schedule(() -> closeReplaced(old), delay, TimeUnit.NANOSECONDS);
                return null;
            });
        });
    }

    private void migrateStreams(HostChannel from, HostChannel to) {
        if (to.channel().state() != ChannelState.ESTABLISHED) {
            return;
        }
        for (StreamCore stream : from.streams().streams()) {
            if (stream.channel() == from.streams() && !stream.isFreed() && !stream.isReset()) {
                try {
                    stream.attachTo(to.streams());
                } catch (IllegalStateException e) {
                    LOG.debug("stream {} could not move to the replacement channel", stream, e);
                }
            }
        }
        from.flushSoon();
        to.flushSoon();
    }

    /** The newest other established channel to the same peer identity, or null. */
    private HostChannel otherChannelTo(HostChannel channel) {
        HostChannel found = null;
        for (HostChannel handle : handles.values()) {
            if (handle != channel && handle.channel().state() == ChannelState.ESTABLISHED
                    && handle.peerIdentity().equals(channel.peerIdentity())) {
                found = handle;
            }
        }
        return found;
    }

    private void closeReplaced(HostChannel old) {
        if (!closed && old.channel().state() == ChannelState.ESTABLISHED) {
            old.channel().close(ErrorCode.CHANNEL_REPLACED, "replaced by a new channel");
            old.refresh();
            flush();
        }
    }

    /** One channel's events, forwarded to the host's tables and listener. */
    private final class Events implements ChannelListener {
        private HostChannel handle;
        private ChannelStreams streams;

        @Override
        public void onPeerSettings(org.sss.core.channel.PeerSettings settings) {
            if (streams != null) {
                streams.onPeerSettings(settings);
            }
        }

        @Override
        public void onPacketAcked(long packetNumber) {
            streams.onPacketAcked(packetNumber);
        }

        @Override
        public void onPacketLost(long packetNumber) {
            streams.onPacketLost(packetNumber);
        }

        @Override
        public void onProbe(int count) {
            streams.onProbe(count);
        }

        @Override
        public boolean hasFault() {
            return streams.hasFault();
        }

        @Override
        public void onFrames(long packetNumber, List<Frame> frames) {
            streams.onFrames(packetNumber, frames);
            for (Frame frame : frames) {
                // SPEC 6.9: a responder asks for rotation with GOAWAY(CHANNEL_REPLACED); the initiator rekeys
                if (frame instanceof GoawayFrame goaway && goaway.errorCode() == ErrorCode.CHANNEL_REPLACED.code()
                        && handle.role() == Role.INITIATOR) {
                    replace(handle);
                }
            }
        }

        @Override
        public void onClosed(ChannelClosure closure) {
            boolean replaced = closure.errorCode() == ErrorCode.CHANNEL_REPLACED.code();
            if (replaced) {
                // SPEC STR-ATTACH-8, STR-ATTACH-9: the streams are not reset; they continue on a channel to the peer
                HostChannel other = otherChannelTo(handle);
                if (other != null) {
                    migrateStreams(handle, other);
                }
            }
            streams.onChannelClosed(replaced, "the channel closed: " + closure.reason());
            handle.completeClosed(closure);
            listener.onChannelClosed(handle, closure);
        }

        @Override
        public void onDiscarded() {
            handle.timer().cancel();
            channels.remove(handle.channel());
            handles.remove(handle.channel());
        }

        @Override
        public void onRekeyDue(RekeyReason reason) {
            if (handle.role() == Role.INITIATOR) {
                replace(handle);
            } else {
                handle.channel().send(List.of(new GoawayFrame(0, ErrorCode.CHANNEL_REPLACED.code(),
                        "rekey due: " + reason)));
            }
        }
    }

    /** What one channel's stream layer asks of the host. */
    private final class StreamsOfChannel implements ChannelStreamsListener {
        private final HostChannel handle;

        StreamsOfChannel(HostChannel handle) {
            this.handle = handle;
        }

        @Override
        public void onPeerStream(StreamCore stream) {
            directory.onPeerStream(new HostStream(Host.this, stream, null));
        }

        @Override
        public StreamCore findByUsid(Usid usid) {
            StreamCore stream = streamsByUsid.get(usid);
            if (stream == null || stream.channel() == null) {
                return null;
            }
            // SPEC STR-ID-6: only among the streams shared with the peer whose channel carried the USID
            HostChannel current = handles.get(stream.channel().channel());
            return current != null && current.peerIdentity().equals(handle.peerIdentity()) ? stream : null;
        }

        @Override
        public void onStreamCreated(StreamCore stream) {
            streamsByUsid.put(stream.usid(), stream);
        }

        @Override
        public void onStreamFreed(StreamCore stream) {
            streamsByUsid.remove(stream.usid(), stream);
        }

        @Override
        public void wake(ChannelStreams streams) {
            flushSoon(streams);
        }
    }

    /** One negotiation this host initiated. */
    private static final class PendingConnect {
        final InetSocketAddress address;
        final PublicKey responderIdentity;
        final Initiator initiator;
        final CompletableFuture<SecureChannel> future = new CompletableFuture<>();
        TimerSlot timer;
        PublicKey responderShortTerm;

        PendingConnect(InetSocketAddress address, PublicKey responderIdentity, Initiator initiator) {
            this.address = address;
            this.responderIdentity = responderIdentity;
            this.initiator = initiator;
        }
    }

    /** Sorts datagrams by magic (SPEC.md section 3.2). */
    private final class Demultiplexer implements DatagramHandler {
        @Override
        public void onDatagram(ByteBuf datagram, InetSocketAddress sender) {
            if (closed) {
                return;
            }
            if (datagram.readableBytes() < PacketType.MAGIC_LENGTH) {
                drops.increment(DropReason.DATAGRAM_TOO_SHORT); // PKT-MAGIC-3
                return;
            }
            PacketType type = PacketType.fromMagic(datagram.getLong(datagram.readerIndex()));
            if (type == null) {
                drops.increment(DropReason.UNKNOWN_MAGIC); // PKT-MAGIC-2
                return;
            }
            switch (type) {
                case HELLO -> {
                    if (responder == null) {
                        drops.increment(DropReason.UNKNOWN_MAGIC); // a host that accepts no channels
                    } else {
                        responder.onHello(datagram, sender);
                    }
                }
                case INITIATE -> {
                    if (responder == null) {
                        drops.increment(DropReason.UNKNOWN_MAGIC);
                    } else {
                        onInitiate(datagram, sender);
                    }
                }
                case COOKIE -> onCookie(datagram, sender);
                case MESSAGE -> onMessage(datagram, sender);
                default -> drops.increment(DropReason.UNKNOWN_MAGIC);
            }
        }
    }
}
