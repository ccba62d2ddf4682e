package org.sss.core.channel;

import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameType;
import org.sss.core.wire.StreamFrame;

/** Records every event of a channel, copying what it must keep from the borrowed frames. */
final class RecordingListener implements ChannelListener {
    final List<Long> framePackets = new ArrayList<>();
    final List<FrameType> frameTypes = new ArrayList<>();
    final List<byte[]> streamData = new ArrayList<>();
    final List<PeerSettings> settings = new ArrayList<>();
    final List<ChannelClosure> closures = new ArrayList<>();
    final List<RekeyReason> rekeys = new ArrayList<>();
    final List<Long> acked = new ArrayList<>();
    final List<Long> lost = new ArrayList<>();
    final List<Integer> probes = new ArrayList<>();
    /** What the listener does when asked for probes; nothing by default. */
    IntConsumer onProbe = count -> { };
    int discarded;

    @Override
    public void onFrames(long packetNumber, List<Frame> frames) {
        framePackets.add(packetNumber);
        for (Frame frame : frames) {
            frameTypes.add(frame.type());
            if (frame instanceof StreamFrame stream) {
                streamData.add(ByteBufUtil.getBytes(stream.data()));
            }
        }
    }

    @Override
    public void onPeerSettings(PeerSettings peerSettings) {
        settings.add(peerSettings);
    }

    @Override
    public void onClosed(ChannelClosure closure) {
        closures.add(closure);
    }

    @Override
    public void onDiscarded() {
        discarded++;
    }

    @Override
    public void onRekeyDue(RekeyReason reason) {
        rekeys.add(reason);
    }

    @Override
    public void onPacketAcked(long packetNumber) {
        acked.add(packetNumber);
    }

    @Override
    public void onPacketLost(long packetNumber) {
        lost.add(packetNumber);
    }

    @Override
    public void onProbe(int count) {
        probes.add(count);
        onProbe.accept(count);
    }
}
