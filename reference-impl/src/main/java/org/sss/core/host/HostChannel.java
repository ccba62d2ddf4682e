package org.sss.core.host;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.sss.core.channel.Channel;
import org.sss.core.channel.ChannelClosure;
import org.sss.core.channel.ChannelState;
import org.sss.core.channel.ChannelStatistics;
import org.sss.core.crypto.PublicKey;
import org.sss.core.negotiation.Role;
import org.sss.core.stream.ChannelStreams;
import org.sss.core.stream.StreamCore;
import org.sss.core.wire.ServiceEntry;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.Frame;

/** A {@link SecureChannel} backed by one {@link Channel} of a {@link Host}. */
final class HostChannel implements SecureChannel {
    private static final long MAX_ERROR_CODE = 0xFFFF_FFFFL;

    private final Host host;
    private final Channel channel;
    private final TimerSlot timer;
    private final CompletableFuture<ChannelClosure> closed = new CompletableFuture<>();
    private volatile ChannelState state;
    private boolean replacing;
    private ChannelStreams streams;
    private boolean flushScheduled;

    HostChannel(Host host, Channel channel, TimerSlot timer) {
        this.host = host;
        this.channel = channel;
        this.timer = timer;
        this.state = channel.state();
    }

    Channel channel() {
        return channel;
    }

    TimerSlot timer() {
        return timer;
    }

    Host host() {
        return host;
    }

    ChannelStreams streams() {
        return streams;
    }

    void streams(ChannelStreams streams) {
        this.streams = streams;
    }

    /** Called on the event loop after anything that may have changed the channel. */
    void refresh() {
        state = channel.state();
        long deadline = channel.nextTimeoutNanos();
        if (streams != null && channel.state() == ChannelState.ESTABLISHED) {
            deadline = Math.min(deadline, streams.nextTimeoutNanos());
        }
        timer.arm(deadline);
    }

    /** Sends what the streams have waiting, once per turn of the event loop. */
    void flushSoon() {
        if (flushScheduled) {
            return;
        }
        flushScheduled = true;
        host.executeOnLoop(() -> {
            flushScheduled = false;
            flushNow();
        });
    }

    /** Sends what the streams have waiting now (event loop). */
    void flushNow() {
        if (streams != null) {
            streams.flush();
        }
        refresh();
        host.flush();
    }

    // ------------------------------------------------------------------ streams

    @Override
    public Stream openStream(String service, String protocol) {
        return host.onLoop(() -> {
            HostStream stream = openTopLevel();
            ServiceClient.startConnect(stream, service, protocol, stream.connectedFuture());
            flushSoon();
            return stream;
        }).join();
    }

    @Override
    public CompletableFuture<Stream> connect(String service, String protocol) {
        try {
            return ((HostStream) openStream(service, protocol)).connectedFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(unwrap(e));
        }
    }

    @Override
    public CompletableFuture<List<ServiceEntry>> listServices() {
        return host.onLoopCompose(() -> {
            HostStream stream = openTopLevel();
            CompletableFuture<List<ServiceEntry>> result = ServiceClient.listServices(stream);
            flushSoon();
            return result;
        });
    }

    @Override
    public CompletableFuture<List<ServiceEntry>> listProtocols(String service) {
        return host.onLoopCompose(() -> {
            HostStream stream = openTopLevel();
            CompletableFuture<List<ServiceEntry>> result = ServiceClient.listProtocols(stream, service);
            flushSoon();
            return result;
        });
    }

    private HostStream openTopLevel() {
        if (streams == null) {
            throw new IllegalStateException("the channel is not established");
        }
        StreamCore core = streams.open(null, false, false);
        return new HostStream(host, core, null);
    }

    private static RuntimeException unwrap(RuntimeException e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() instanceof RuntimeException cause
                ? cause : e;
    }

    void completeClosed(ChannelClosure closure) {
        state = channel.state();
        closed.complete(closure);
    }

    /** Marks the channel as being replaced; false if that was already under way. */
    boolean startReplacing() {
        if (replacing) {
            return false;
        }
        replacing = true;
        return true;
    }

    void endReplacing() {
        replacing = false;
    }

    /** Sends frames on the event loop; the seam the stream layer will use. */
    CompletableFuture<Long> send(List<? extends Frame> frames) {
        return host.onLoop(() -> {
            long packetNumber = channel.send(frames);
            refresh();
            host.flush();
            return packetNumber;
        });
    }

    @Override
    public PublicKey peerIdentity() {
        return channel.peerIdentity();
    }

    @Override
    public InetSocketAddress peerAddress() {
        return channel.peerAddress();
    }

    @Override
    public byte[] channelId() {
        return channel.channelId();
    }

    @Override
    public Role role() {
        return channel.role();
    }

    @Override
    public ChannelState state() {
        return state;
    }

    @Override
    public CompletableFuture<ChannelStatistics> statistics() {
        return host.onLoop(channel::statistics);
    }

    @Override
    public CompletableFuture<Void> ping() {
        return host.onLoop(() -> {
            channel.ping();
            refresh();
            host.flush();
            return null;
        });
    }

    @Override
    public CompletableFuture<ChannelClosure> close(String reason) {
        Objects.requireNonNull(reason, "reason");
        return closeOnLoop(() -> channel.close(ErrorCode.NO_ERROR, reason));
    }

    @Override
    public CompletableFuture<ChannelClosure> closeWithApplicationError(long applicationErrorCode, String reason) {
        // SPEC FRM-ERR-1, FRM-ERR-2: applications use 0x10000 and up; the field is a u32
        if (!ErrorCode.isApplicationCode(applicationErrorCode) || applicationErrorCode > MAX_ERROR_CODE) {
            throw new IllegalArgumentException("applicationErrorCode must be in [0x10000, 0xFFFFFFFF], got 0x"
                    + Long.toHexString(applicationErrorCode));
        }
        Objects.requireNonNull(reason, "reason");
        return closeOnLoop(() -> channel.closeWithApplicationError(applicationErrorCode, reason));
    }

    /** Runs {@code close} on the event loop if the channel is open; a refused reason fails the result. */
    private CompletableFuture<ChannelClosure> closeOnLoop(Runnable close) {
        return host.onLoop(() -> {
            if (channel.state() == ChannelState.NEW || channel.state() == ChannelState.ESTABLISHED) {
                close.run();
                refresh();
                host.flush();
            }
            return null;
        }).thenCompose(ignored -> closed);
    }

    @Override
    public CompletableFuture<ChannelClosure> closed() {
        return closed;
    }

    @Override
    public String toString() {
        return "SecureChannel[" + role() + " with " + peerAddress() + ", " + state + "]";
    }
}
