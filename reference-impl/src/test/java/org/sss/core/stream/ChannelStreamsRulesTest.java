package org.sss.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.stream.StreamsHarness.data;
import static org.sss.core.stream.StreamsHarness.init;
import static org.sss.core.stream.StreamsHarness.noAck;
import static org.sss.core.stream.StreamsHarness.readAll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.stream.StreamsHarness.Sent;
import org.sss.core.stream.StreamsHarness.Side;
import org.sss.core.wire.BlockedFrame;
import org.sss.core.wire.DetachFrame;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.Frame;
import org.sss.core.wire.MaxDataFrame;
import org.sss.core.wire.MaxStreamDataFrame;
import org.sss.core.wire.PriorityFrame;
import org.sss.core.wire.ResetFrame;
import org.sss.core.wire.StreamFrame;

/**
 * The stream layer of one channel against SPEC.md sections 6.5, 6.7, 7 and 8: what a receiver does
 * with each frame the rules name (close the channel with the exact error code, answer with a RESET,
 * or ignore the frame and stay established), and what a sender puts on the wire. Receiver tests
 * inject frames into the responder's stream layer as if the initiator had sent them (so peer LSIDs
 * are odd and the responder's own are even); sender tests read the datagrams the channel sealed.
 */
class ChannelStreamsRulesTest {

    private static final long ROOT = 0;

    private static List<ResetFrame> resets(List<Sent> packets) {
        return packets.stream().flatMap(p -> p.resets().stream()).toList();
    }

    private static List<StreamFrame> streamFrames(List<Sent> packets) {
        return packets.stream().flatMap(p -> p.streamFrames().stream()).toList();
    }

    private static List<StreamFrame> framesOf(List<Sent> packets, long lsid) {
        return streamFrames(packets).stream().filter(f -> f.lsid() == lsid).toList();
    }

    private static long highestEnd(List<Sent> packets, long lsid) {
        return framesOf(packets, lsid).stream().mapToLong(f -> f.offset() + f.dataLength()).max().orElse(0);
    }

    // =================================================================== LSIDs

    @Test
    @DisplayName("STR-ID-4: a STREAM frame with INIT for an LSID of the receiver's own parity closes the channel with STREAM_STATE_ERROR")
    void initForOwnParity() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, init(2, ROOT, 0, "x", false));
        assertThat(responder.announced).isEmpty();
        responder.assertClosedWith(ErrorCode.STREAM_STATE_ERROR);

        // the same on the initiator, whose own LSIDs are odd; an own stream that is live changes nothing
        StreamsHarness other = StreamsHarness.established();
        StreamCore mine = other.initiator.open(null);
        other.initiator.write(mine, "m");
        other.initiator.flush();
        assertThat(mine.lsid()).isEqualTo(1);
        other.initiator.inject(10, init(1, ROOT, 0, "m", false));
        other.initiator.assertClosedWith(ErrorCode.STREAM_STATE_ERROR);
    }

    @Test
    @DisplayName("STR-ID-5: STREAM, RESET or MAX_STREAM_DATA naming an own-parity LSID the receiver has not chosen yet closes the channel with STREAM_STATE_ERROR")
    void framesForOwnLsidNotChosen() {
        List<Function<Long, Frame>> kinds = List.of(
                lsid -> data(lsid, 0, "x", false),
                lsid -> new ResetFrame(lsid, ErrorCode.CANCELLED.code(), "no"),
                lsid -> new MaxStreamDataFrame(lsid, 1_000_000));
        for (Function<Long, Frame> kind : kinds) {
            StreamsHarness h = StreamsHarness.established();
            Side responder = h.responder;
            StreamCore chosen = responder.open(null);
            assertThat(chosen.lsid()).isEqualTo(2);
            // LSID 2 was chosen: the frame is for a live stream (a RESET of it resets it, nothing more)
            responder.inject(10, kind.apply(2L));
            responder.assertEstablished();
            // LSID 4 was not
            responder.inject(11, kind.apply(4L));
            responder.assertClosedWith(ErrorCode.STREAM_STATE_ERROR);
        }
    }

    @Test
    @DisplayName("STR-ID-1, STR-ID-2: locally opened LSIDs are odd on the initiator, even on the responder, and rise strictly, never reused")
    void localLsids() {
        StreamsHarness h = StreamsHarness.established();
        Side initiator = h.initiator;
        Side responder = h.responder;
        List<Long> initiatorLsids = new ArrayList<>();
        List<StreamCore> opened = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            StreamCore stream = initiator.open(null);
            opened.add(stream);
            initiatorLsids.add(stream.lsid());
            initiator.write(stream, "s" + i);
        }
        initiator.flush();
        List<Sent> sent = h.deliver(initiator);
        assertThat(streamFrames(sent)).extracting(StreamFrame::lsid).containsExactly(1L, 3L, 5L);
        // a stream that ended, and a datagram, do not give their LSIDs back
        opened.get(1).reset(ErrorCode.CANCELLED.code(), "gone");
        StreamCore datagram = initiator.streams.open(null, true, true);
        initiatorLsids.add(datagram.lsid());
        datagram.write(StreamsHarness.bytes("d"), false);
        datagram.finish();
        initiator.flush();
        initiatorLsids.add(initiator.open(opened.get(0)).lsid());
        initiatorLsids.add(initiator.open(null).lsid());
        assertThat(initiatorLsids).containsExactly(1L, 3L, 5L, 7L, 9L, 11L);

        List<Long> responderLsids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            StreamCore stream = responder.open(null);
            responderLsids.add(stream.lsid());
            responder.write(stream, "r" + i);
        }
        responder.flush();
        assertThat(responderLsids).containsExactly(2L, 4L, 6L);
        assertThat(streamFrames(h.deliver(responder))).extracting(StreamFrame::lsid).containsExactly(2L, 4L, 6L);
        h.initiator.assertEstablished();
        h.responder.assertEstablished();
    }

    // =================================================================== opening

    @Test
    @DisplayName("STR-OPEN-4: an INIT for an unseen peer LSID whose parent is live opens the stream and announces it with its data at once")
    void initOpensAndAnnounces() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, init(1, ROOT, 0, "hello", false));
        responder.assertEstablished();
        assertThat(responder.announced).hasSize(1);
        StreamCore top = responder.announced.get(0);
        assertThat(top.usid().creationLsid()).isEqualTo(1);
        assertThat(top.parent()).isNull();
        assertThat(top.locallyOpened()).isFalse();
        assertThat(readAll(top)).isEqualTo("hello");

        // a child of the live stream 1
        responder.inject(11, init(3, 1, 0, "child", true));
        responder.assertEstablished();
        assertThat(responder.announced).as("a substream is announced to its parent, not as a top-level stream")
                .hasSize(1);
        assertThat(responder.events(top).children).hasSize(1);
        StreamCore child = responder.events(top).children.get(0);
        assertThat(child.usid().creationLsid()).isEqualTo(3);
        assertThat(child.parent()).isSameAs(top);
        assertThat(readAll(child)).isEqualTo("child");
        assertThat(child.atEnd()).isTrue();

        // a child of a live stream of the receiver's own parity
        StreamCore mine = responder.open(null);
        responder.write(mine, "m");
        responder.flush();
        responder.inject(12, init(5, mine.lsid(), 0, "under mine", false));
        assertThat(responder.events(mine).children).extracting(c -> c.usid().creationLsid()).containsExactly(5L);
        responder.assertEstablished();
    }

    @Test
    @DisplayName("STR-OPEN-5: an INIT for a live stream with the same parent is data; with a different parent it closes the channel with STREAM_STATE_ERROR")
    void initForLiveStream() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, init(1, ROOT, 0, "ab", false));
        responder.inject(11, init(3, 1, 0, "xy", false));
        responder.inject(12, init(1, ROOT, 2, "cd", false), init(3, 1, 2, "zw", false));
        responder.assertEstablished();
        assertThat(responder.announced).hasSize(1);
        StreamCore top = responder.announced.get(0);
        assertThat(readAll(top)).isEqualTo("abcd");
        assertThat(responder.events(top).children).hasSize(1);
        assertThat(readAll(responder.events(top).children.get(0))).isEqualTo("xyzw");

        // stream 3 was opened under 1; an INIT naming the root instead
        responder.inject(13, init(3, ROOT, 4, "!", false));
        responder.assertClosedWith(ErrorCode.STREAM_STATE_ERROR);
    }

    @Test
    @DisplayName("STR-OPEN-6: data for a retired LSID (peer's or own) is ignored, with or without INIT, and the channel stays established")
    void dataForRetiredLsid() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        // a peer stream retired by RESET
        responder.inject(10, init(1, ROOT, 0, "a", false));
        responder.inject(11, new ResetFrame(1, ErrorCode.CANCELLED.code(), "bye"));
        assertThat(responder.stream(1)).isNull();
        // an own stream retired by this end's RESET
        StreamCore mine = responder.open(null);
        responder.write(mine, "m");
        responder.flush();
        long ownLsid = mine.lsid();
        mine.reset(ErrorCode.CANCELLED.code(), "bye");
        responder.flush();
        assertThat(responder.streams.liveStreams()).isZero();
        long ignoredBefore = responder.streams.framesIgnored();

        responder.inject(12, data(1, 1, "late", false));
        responder.inject(13, init(1, ROOT, 0, "again", false));
        responder.inject(14, data(ownLsid, 0, "late", true));
        responder.assertEstablished();
        assertThat(responder.announced).hasSize(1);
        assertThat(responder.streams.liveStreams()).isZero();
        assertThat(responder.streams.framesIgnored() - ignoredBefore).isEqualTo(3);

        // a peer stream retired because both directions finished (STR-FIN-3, STR-FIN-4)
        responder.inject(15, init(3, ROOT, 0, "done", true));
        StreamCore three = responder.stream(3);
        assertThat(readAll(three)).isEqualTo("done");
        three.finish();
        responder.flush();
        h.settle(); // the responder's FIN is acknowledged
        assertThat(three.isFreed()).isTrue();
        assertThat(responder.stream(3)).isNull();
        responder.inject(16, init(3, ROOT, 0, "done", true));
        responder.inject(17, data(3, 4, "", true));
        responder.assertEstablished();
        assertThat(responder.announced).hasSize(2);
        assertThat(responder.streams.liveStreams()).isZero();
    }

    @Test
    @DisplayName("STR-OPEN-7: a STREAM frame without INIT for an unseen peer LSID closes the channel with STREAM_STATE_ERROR")
    void dataWithoutInitForUnseen() {
        StreamsHarness h = StreamsHarness.established();
        h.responder.inject(10, data(1, 0, "x", false));
        assertThat(h.responder.announced).isEmpty();
        h.responder.assertClosedWith(ErrorCode.STREAM_STATE_ERROR);
    }

    @Test
    @DisplayName("STR-OPEN-8: a child INIT that arrives before its parent's INIT is kept, with a later non-INIT fragment, and delivered once the parent opens")
    void childBeforeParent() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, init(3, 1, 0, "child-a", false));
        // the sender saw packet 10 acknowledged, so the next fragment comes without INIT
        responder.inject(11, data(3, 7, "+child-b", true));
        // a grandchild under the waiting child
        responder.inject(12, init(5, 3, 0, "grandchild", true));
        responder.assertEstablished();
        assertThat(responder.announced).isEmpty();
        assertThat(responder.created).isEmpty();

        responder.inject(13, init(1, ROOT, 0, "parent", false));
        responder.assertEstablished();
        assertThat(responder.announced).hasSize(1);
        StreamCore parent = responder.announced.get(0);
        assertThat(readAll(parent)).isEqualTo("parent");
        assertThat(responder.events(parent).children).hasSize(1);
        StreamCore child = responder.events(parent).children.get(0);
        assertThat(child.usid().creationLsid()).isEqualTo(3);
        assertThat(readAll(child)).isEqualTo("child-a+child-b");
        assertThat(child.atEnd()).isTrue();
        assertThat(responder.events(child).children).hasSize(1);
        StreamCore grandchild = responder.events(child).children.get(0);
        assertThat(readAll(grandchild)).isEqualTo("grandchild");
        assertThat(responder.streams.liveStreams()).isEqualTo(3);
    }

    @Test
    @DisplayName("STR-OPEN-9: an INIT whose parent is retired (or an own-parity LSID not live) is answered with RESET(UNKNOWN_STREAM) for the new LSID, which is retired")
    void initWithRetiredParent() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, init(1, ROOT, 0, "p", false));
        responder.inject(11, new ResetFrame(1, ErrorCode.CANCELLED.code(), ""));
        h.deliver(responder);

        responder.inject(12, init(3, 1, 0, "orphan", false));
        responder.assertEstablished();
        List<ResetFrame> sent = resets(h.deliver(responder));
        assertThat(sent).containsExactly(new ResetFrame(3, ErrorCode.UNKNOWN_STREAM.code(), sent.get(0).reason()));
        assertThat(responder.created).extracting(s -> s.usid().creationLsid()).containsExactly(1L);

        // LSID 3 is retired: its data is ignored from now on, and not answered again
        responder.inject(13, init(3, 1, 6, "more", false));
        responder.inject(14, data(3, 10, "x", false));
        responder.assertEstablished();
        assertThat(resets(h.deliver(responder))).isEmpty();

        // a parent of the receiver's own parity that is not live: never chosen (6), or closed (2)
        StreamCore mine = responder.open(null);
        responder.write(mine, "m");
        responder.flush();
        mine.reset(ErrorCode.CANCELLED.code(), "");
        responder.flush();
        h.deliver(responder);
        responder.inject(15, init(5, 2, 0, "under a closed own stream", false), init(7, 6, 0, "under 6", false));
        responder.assertEstablished();
        assertThat(resets(h.deliver(responder))).extracting(ResetFrame::lsid, ResetFrame::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, ErrorCode.UNKNOWN_STREAM.code()),
                        org.assertj.core.groups.Tuple.tuple(7L, ErrorCode.UNKNOWN_STREAM.code()));
        assertThat(responder.announced).hasSize(1);
    }

    @Test
    @DisplayName("STR-LIMIT-1: an INIT beyond MAX_CONCURRENT_PEER_STREAMS is answered with RESET(STREAM_LIMIT_ERROR) and its LSID retired")
    void streamLimit() {
        ChannelConfig limited = StreamsHarness.config().toBuilder().maxConcurrentPeerStreams(2).build();
        StreamsHarness h = StreamsHarness.established(StreamsHarness.config(), limited);
        Side responder = h.responder;
        responder.inject(10, init(1, ROOT, 0, "one", false));
        responder.inject(11, init(3, ROOT, 0, "two", false));
        assertThat(resets(h.deliver(responder))).isEmpty();
        responder.inject(12, init(5, ROOT, 0, "three", false));
        responder.assertEstablished();
        assertThat(resets(h.deliver(responder))).extracting(ResetFrame::lsid, ResetFrame::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, ErrorCode.STREAM_LIMIT_ERROR.code()));
        assertThat(responder.announced).hasSize(2);

        // once a stream closes there is room again; the refused LSID stays retired
        responder.inject(13, new ResetFrame(1, ErrorCode.CANCELLED.code(), ""));
        responder.inject(14, init(5, ROOT, 0, "three", false));
        responder.inject(15, init(7, ROOT, 0, "four", false));
        responder.assertEstablished();
        assertThat(resets(h.deliver(responder))).isEmpty();
        assertThat(responder.announced).extracting(s -> s.usid().creationLsid()).containsExactly(1L, 3L, 7L);
    }

    // =================================================================== RESET

    @Test
    @DisplayName("STR-RESET-1: a RESET for an unseen peer LSID retires it, so a later INIT for it is ignored")
    void resetBeforeInit() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, new ResetFrame(5, ErrorCode.CANCELLED.code(), "never mind"));
        responder.assertEstablished();
        responder.inject(11, init(5, ROOT, 0, "late INIT", false));
        responder.assertEstablished();
        assertThat(responder.announced).isEmpty();
        assertThat(responder.streams.liveStreams()).isZero();
        assertThat(resets(h.deliver(responder))).as("FRM-RESET-5").isEmpty();
        // LSIDs below 5 are still unseen and open normally
        responder.inject(12, init(3, ROOT, 0, "fine", false));
        assertThat(responder.announced).extracting(s -> s.usid().creationLsid()).containsExactly(3L);
    }

    @Test
    @DisplayName("FRM-RESET-3: a RESET for LSID 0 closes the channel with PROTOCOL_VIOLATION")
    void resetForLsidZero() {
        StreamsHarness h = StreamsHarness.established();
        h.responder.inject(10, new ResetFrame(0, ErrorCode.CANCELLED.code(), ""));
        h.responder.assertClosedWith(ErrorCode.PROTOCOL_VIOLATION);
    }

    @Test
    @DisplayName("FRM-RESET-4, FRM-RESET-5: a RESET for a closed stream is ignored, and no RESET is ever sent in answer to one")
    void resetForClosedStream() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, init(1, ROOT, 0, "a", false));
        StreamCore stream = responder.announced.get(0);
        StreamCore mine = responder.open(null);
        long mineLsid = mine.lsid();
        responder.write(mine, "m");
        responder.flush();
        h.deliver(responder);

        responder.inject(11, new ResetFrame(1, 0x10001, "app error"), new ResetFrame(mineLsid, 0x10002, "mine"));
        assertThat(responder.events(stream).resets).containsExactly(0x10001L);
        assertThat(responder.events(mine).resets).containsExactly(0x10002L);
        assertThat(stream.isReset()).isTrue();
        assertThat(resets(h.deliver(responder))).isEmpty();

        // again, now that both are closed
        responder.inject(12, new ResetFrame(1, 0x10003, "again"), new ResetFrame(mineLsid, 0x10004, "again"));
        responder.assertEstablished();
        assertThat(responder.events(stream).resets).containsExactly(0x10001L);
        assertThat(responder.events(mine).resets).containsExactly(0x10002L);
        assertThat(resets(h.deliver(responder))).isEmpty();
        assertThat(h.responder.sent).allSatisfy(p -> assertThat(p.resets()).isEmpty());
    }

    // =================================================================== DETACH, PRIORITY, MAX_STREAM_DATA

    @Test
    @DisplayName("FRM-DETACH-2: STREAM in a packet numbered above the peer's DETACH closes with STREAM_STATE_ERROR; below it is processed")
    void streamAfterDetach() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, init(1, ROOT, 0, "a", false));
        responder.inject(20, new DetachFrame(1));
        responder.inject(19, data(1, 1, "b", false));
        responder.assertEstablished();
        StreamCore stream = responder.announced.get(0);
        assertThat(readAll(stream)).isEqualTo("ab");
        responder.inject(21, data(1, 2, "c", false));
        assertThat(readAll(stream)).isEmpty();
        responder.assertClosedWith(ErrorCode.STREAM_STATE_ERROR);
    }

    @Test
    @DisplayName("FRM-DETACH-3: a DETACH for LSID 0 closes with PROTOCOL_VIOLATION; one for an LSID not live is ignored")
    void detachZeroOrUnknown() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, new DetachFrame(7), new DetachFrame(2), new DetachFrame(4_000_000_001L));
        responder.assertEstablished();
        // LSID 7 was never seen, so it is still unseen: its INIT opens it
        responder.inject(11, init(7, ROOT, 0, "x", false));
        assertThat(responder.announced).hasSize(1);
        responder.inject(12, new DetachFrame(0));
        responder.assertClosedWith(ErrorCode.PROTOCOL_VIOLATION);
    }

    @Test
    @DisplayName("FRM-PRIO-1: a PRIORITY frame for LSID 0 closes the channel with PROTOCOL_VIOLATION")
    void priorityForLsidZero() {
        StreamsHarness h = StreamsHarness.established();
        h.responder.inject(10, new PriorityFrame(0, 7));
        h.responder.assertClosedWith(ErrorCode.PROTOCOL_VIOLATION);
    }

    @Test
    @DisplayName("FRM-PRIO-2: a PRIORITY frame for an LSID that is not live is ignored")
    void priorityForUnknown() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, new PriorityFrame(9, 7), new PriorityFrame(2, 7), new PriorityFrame(4, 7));
        responder.assertEstablished();
        assertThat(responder.streams.liveStreams()).isZero();
        // a live stream takes it (STR-PRIO-2)
        responder.inject(11, init(1, ROOT, 0, "x", false), new PriorityFrame(1, 7));
        assertThat(responder.announced.get(0).priority()).isEqualTo(7);
        // and the later INIT for 9 still opens it at the default priority
        responder.inject(12, init(9, ROOT, 0, "y", false));
        assertThat(responder.announced.get(1).priority()).isEqualTo(Priorities.DEFAULT);
        responder.assertEstablished();
    }

    @Test
    @DisplayName("FRM-MAXSD-1: a MAX_STREAM_DATA frame for LSID 0 closes the channel with PROTOCOL_VIOLATION")
    void maxStreamDataForLsidZero() {
        StreamsHarness h = StreamsHarness.established();
        h.responder.inject(10, new MaxStreamDataFrame(0, 1 << 20));
        h.responder.assertClosedWith(ErrorCode.PROTOCOL_VIOLATION);
    }

    // =================================================================== flow control

    @Test
    @DisplayName("CHN-FLOW-3: stream data beyond the stream's limit closes the channel with FLOW_CONTROL_ERROR")
    void beyondStreamLimit() {
        ChannelConfig small = StreamsHarness.config().toBuilder().initialMaxStreamData(4096).build();
        StreamsHarness h = StreamsHarness.established(StreamsHarness.config(), small);
        Side responder = h.responder;
        responder.inject(10, init(1, ROOT, 4095, "z", false)); // up to the limit exactly
        responder.assertEstablished();
        responder.inject(11, data(1, 4096, "!", false));
        responder.assertClosedWith(ErrorCode.FLOW_CONTROL_ERROR);
    }

    @Test
    @DisplayName("CHN-FLOW-3: stream data beyond the channel limit closes the channel with FLOW_CONTROL_ERROR")
    void beyondChannelLimit() {
        ChannelConfig small = StreamsHarness.config().toBuilder().initialMaxData(8192).initialMaxStreamData(65536)
                .build();
        StreamsHarness h = StreamsHarness.established(StreamsHarness.config(), small);
        Side responder = h.responder;
        // the highest offsets count (section 6.7): 8191 + 1 = the whole channel limit, with a gap before it
        responder.inject(10, init(1, ROOT, 8191, "z", false));
        responder.assertEstablished();
        responder.inject(11, init(3, ROOT, 0, "!", false));
        assertThat(responder.announced).hasSize(1);
        responder.assertClosedWith(ErrorCode.FLOW_CONTROL_ERROR);
    }

    @Test
    @DisplayName("CHN-FLOW-11: best-effort (NOACK) data does not count toward the channel limit; reliable data does")
    void bestEffortDataIsNotChannelData() {
        ChannelConfig small = StreamsHarness.config().toBuilder().initialMaxData(8192).initialMaxStreamData(65536)
                .build();
        StreamsHarness h = StreamsHarness.established(StreamsHarness.config(), small);
        Side responder = h.responder;
        // a best-effort fragment far above the channel limit: only its stream's limit applies
        responder.inject(10, noAck(1, ROOT, 20_000, "z", false));
        responder.assertEstablished();
        // reliable data still fills the whole channel limit on its own
        responder.inject(11, init(3, ROOT, 8191, "z", false));
        responder.assertEstablished();
        responder.inject(12, init(5, ROOT, 0, "!", false));
        responder.assertClosedWith(ErrorCode.FLOW_CONTROL_ERROR);
    }

    @Test
    @DisplayName("CHN-FLOW-4: a MAX_DATA that does not raise the channel limit is ignored")
    void maxDataNotRaising() {
        ChannelConfig small = StreamsHarness.config().toBuilder().initialMaxData(4000).build();
        StreamsHarness h = StreamsHarness.established(StreamsHarness.config(), small);
        Side initiator = h.initiator;
        h.responder.hearsPeer = false;
        StreamCore stream = initiator.open(null);
        initiator.write(stream, 3000);
        initiator.flush();
        assertThat(highestEnd(h.deliver(initiator), stream.lsid())).isEqualTo(3000);

        initiator.inject(100, new MaxDataFrame(3500));
        initiator.write(stream, 2000);
        initiator.flush();
        List<Sent> sent = h.deliver(initiator);
        assertThat(highestEnd(sent, stream.lsid())).as("the limit is still 4000, not 3500").isEqualTo(4000);

        initiator.inject(101, new MaxDataFrame(5000));
        assertThat(highestEnd(h.deliver(initiator), stream.lsid())).isEqualTo(5000);
        initiator.assertEstablished();
    }

    @Test
    @DisplayName("CHN-FLOW-4: a MAX_STREAM_DATA that does not raise the stream limit is ignored")
    void maxStreamDataNotRaising() {
        ChannelConfig small = StreamsHarness.config().toBuilder().initialMaxStreamData(4000).build();
        StreamsHarness h = StreamsHarness.established(StreamsHarness.config(), small);
        Side initiator = h.initiator;
        h.responder.hearsPeer = false;
        StreamCore stream = initiator.open(null);
        initiator.write(stream, 3000);
        initiator.flush();
        assertThat(highestEnd(h.deliver(initiator), stream.lsid())).isEqualTo(3000);

        initiator.inject(100, new MaxStreamDataFrame(stream.lsid(), 3500));
        initiator.write(stream, 2000);
        initiator.flush();
        List<Sent> sent = h.deliver(initiator);
        assertThat(highestEnd(sent, stream.lsid())).as("the limit is still 4000, not 3500").isEqualTo(4000);
        assertThat(sent.stream().flatMap(p -> p.frames().stream())).contains(new BlockedFrame(stream.lsid(), 4000));

        initiator.inject(101, new MaxStreamDataFrame(stream.lsid(), 5000));
        assertThat(highestEnd(h.deliver(initiator), stream.lsid())).isEqualTo(5000);
        initiator.assertEstablished();
    }

    // =================================================================== final size, frame order

    @Test
    @DisplayName("STR-FIN-2: data beyond a known final size closes the channel with FINAL_SIZE_ERROR")
    void dataBeyondFinalSize() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, init(1, ROOT, 5, "xyz", true)); // final size 8, bytes 0..4 missing
        responder.inject(11, data(1, 5, "xyz", true), data(1, 0, "abcde", false)); // repeats are fine
        responder.assertEstablished();
        assertThat(readAll(responder.announced.get(0))).isEqualTo("abcdexyz");
        responder.inject(12, data(1, 8, "q", false));
        responder.assertClosedWith(ErrorCode.FINAL_SIZE_ERROR);
    }

    @Test
    @DisplayName("STR-FIN-2: a FIN with a final size that differs from an earlier one closes the channel with FINAL_SIZE_ERROR")
    void finWithOtherFinalSize() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, init(1, ROOT, 5, "xyz", true)); // final size 8
        responder.inject(11, data(1, 5, "x", true)); // final size 6
        responder.assertClosedWith(ErrorCode.FINAL_SIZE_ERROR);
    }

    @Test
    @DisplayName("STR-FIN-2: a FIN whose final size is below data already received closes the channel with FINAL_SIZE_ERROR")
    void finBelowReceived() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, init(1, ROOT, 0, "abcdefgh", false));
        responder.inject(11, data(1, 0, "abcd", true)); // final size 4 < 8
        responder.assertClosedWith(ErrorCode.FINAL_SIZE_ERROR);
    }

    @Test
    @DisplayName("FRM-GEN-6: the frames before a faulty one are acted on; the faulty frame and every later one of the packet are not")
    void nothingAfterFault() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, init(1, ROOT, 0, "a", false), new PriorityFrame(1, 5));
        StreamCore first = responder.announced.get(0);
        assertThat(first.priority()).isEqualTo(5);
        responder.receive(11, data(1, 1, "b", false), new MaxStreamDataFrame(0, 1 << 20),
                data(1, 2, "c", false), new PriorityFrame(1, 9), init(3, ROOT, 0, "later", false),
                new ResetFrame(1, 0x10001, "later"));
        // read before the flush closes the channel (which fails the stream, STR-ATTACH-8)
        assertThat(readAll(first)).isEqualTo("ab");
        assertThat(first.priority()).isEqualTo(5);
        assertThat(responder.events(first).resets).isEmpty();
        assertThat(responder.created).extracting(s -> s.usid().creationLsid()).containsExactly(1L);
        responder.flush();
        responder.assertClosedWith(ErrorCode.PROTOCOL_VIOLATION);
    }

    // =================================================================== sending

    @Test
    @DisplayName("STR-OPEN-2: every STREAM frame of a new stream carries INIT and its parent until a packet carrying one is acknowledged")
    void initUntilAcknowledged() {
        StreamsHarness h = StreamsHarness.established();
        Side initiator = h.initiator;
        StreamCore parent = initiator.open(null);
        initiator.write(parent, 2500);
        initiator.flush();
        StreamCore child = initiator.open(parent);
        initiator.write(child, 2500);
        initiator.flush();
        List<Sent> first = h.deliver(initiator);
        // more data before any acknowledgement came back
        initiator.write(parent, 1500);
        initiator.write(child, 1500);
        initiator.flush();
        first = new ArrayList<>(first);
        first.addAll(h.deliver(initiator));
        assertThat(initiator.acked).isEmpty();
        assertThat(framesOf(first, parent.lsid())).hasSizeGreaterThan(2)
                .allSatisfy(f -> assertThat(f.init() && f.parentLsid() == ROOT).as("%s", f).isTrue());
        assertThat(framesOf(first, child.lsid())).hasSizeGreaterThan(2)
                .allSatisfy(f -> assertThat(f.init() && f.parentLsid() == parent.lsid()).as("%s", f).isTrue());

        h.settle();
        assertThat(initiator.acked).isNotEmpty();
        initiator.write(parent, 1500);
        initiator.write(child, 1500);
        initiator.flush();
        List<Sent> later = h.deliver(initiator);
        assertThat(framesOf(later, parent.lsid())).isNotEmpty().allSatisfy(f -> assertThat(f.init()).isFalse());
        assertThat(framesOf(later, child.lsid())).isNotEmpty().allSatisfy(f -> assertThat(f.init()).isFalse());

        h.settle();
        StreamCore received = h.responder.announced.get(0);
        assertThat(received.readableBytes()).isEqualTo(5500);
        assertThat(h.responder.events(received).children).hasSize(1);
        assertThat(h.responder.events(received).children.get(0).readableBytes()).isEqualTo(5500);
    }

    @Test
    @DisplayName("STR-DGRAM-1, STR-DGRAM-2: every frame of a best-effort datagram has INIT and NOACK and the same parent; FIN is on the last")
    void bestEffortDatagramFrames() {
        StreamsHarness h = StreamsHarness.established();
        Side initiator = h.initiator;
        StreamCore parent = initiator.open(null);
        initiator.write(parent, "p");
        initiator.flush();
        h.deliver(initiator);

        StreamCore small = initiator.streams.open(parent, true, true);
        long smallLsid = small.lsid();
        small.write(StreamsHarness.bytes("small datagram"), false);
        small.finish();
        initiator.flush();
        List<StreamFrame> one = framesOf(h.deliver(initiator), smallLsid);
        assertThat(one).hasSize(1);
        StreamFrame frame = one.get(0);
        assertThat(frame.init()).isTrue();
        assertThat(frame.noAck()).isTrue();
        assertThat(frame.fin()).isTrue();
        assertThat(frame.offset()).isZero();
        assertThat(frame.parentLsid()).isEqualTo(parent.lsid());
        assertThat(StreamsHarness.text(frame)).isEqualTo("small datagram");

        StreamCore large = initiator.streams.open(parent, true, true);
        long largeLsid = large.lsid();
        assertThat(largeLsid).isGreaterThan(smallLsid);
        large.write(io.netty.buffer.Unpooled.wrappedBuffer(StreamsHarness.pattern(3000)), false);
        large.finish();
        initiator.flush();
        List<StreamFrame> fragments = framesOf(h.deliver(initiator), largeLsid);
        assertThat(fragments).hasSizeGreaterThan(2);
        long expectedOffset = 0;
        for (int i = 0; i < fragments.size(); i++) {
            StreamFrame fragment = fragments.get(i);
            assertThat(fragment.init()).as("INIT on fragment %d", i).isTrue();
            assertThat(fragment.noAck()).as("NOACK on fragment %d", i).isTrue();
            assertThat(fragment.parentLsid()).isEqualTo(parent.lsid());
            assertThat(fragment.offset()).isEqualTo(expectedOffset);
            assertThat(fragment.fin()).as("FIN on fragment %d", i).isEqualTo(i == fragments.size() - 1);
            expectedOffset += fragment.dataLength();
        }
        assertThat(expectedOffset).isEqualTo(3000);

        StreamCore received = h.responder.announced.get(0);
        List<StreamCore> datagrams = h.responder.events(received).children;
        assertThat(datagrams).hasSize(2);
        assertThat(datagrams.get(0).bestEffort()).isTrue();
        assertThat(h.responder.events(datagrams.get(1)).children).isEmpty();
        h.initiator.assertEstablished();
        h.responder.assertEstablished();
    }

    @Test
    @DisplayName("STR-DGRAM-5: an incomplete best-effort datagram is discarded 2 * smoothed_rtt after its last fragment, and its LSID retired")
    void incompleteDatagramDiscarded() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, init(1, ROOT, 0, "parent", false));
        responder.inject(11, noAck(3, 1, 0, "abc", false));
        StreamCore parent = responder.announced.get(0);
        StreamCore datagram = responder.events(parent).children.get(0);
        long twoRtt = 2 * h.responder.channel.smoothedRttNanos();
        long firstArrival = h.clock.nanoTime();
        assertThat(responder.streams.nextTimeoutNanos()).isEqualTo(firstArrival + twoRtt);

        // another fragment, 1.5 smoothed_rtt later, restarts the wait (a gap at 3..6 remains)
        h.clock.advance(Duration.ofNanos(twoRtt * 3 / 4));
        responder.streams.onTimeout(h.clock.nanoTime());
        responder.inject(12, noAck(3, 1, 6, "ghi", true));
        long lastArrival = h.clock.nanoTime();
        assertThat(responder.streams.nextTimeoutNanos()).isEqualTo(lastArrival + twoRtt);
        h.clock.advance(Duration.ofNanos(twoRtt - 1_000));
        responder.streams.onTimeout(h.clock.nanoTime());
        assertThat(datagram.isFreed()).isFalse();
        assertThat(responder.events(datagram).failures).isEmpty();

        h.clock.advance(Duration.ofNanos(1_000));
        responder.streams.onTimeout(h.clock.nanoTime());
        assertThat(datagram.isFreed()).isTrue();
        assertThat(responder.events(datagram).failures).hasSize(1);
        assertThat(responder.stream(3)).isNull();
        assertThat(responder.streams.liveStreams()).isEqualTo(1);

        // the missing fragment comes too late: the LSID is retired, so it is ignored
        responder.inject(13, noAck(3, 1, 3, "def", false));
        responder.assertEstablished();
        assertThat(responder.streams.liveStreams()).isEqualTo(1);
        assertThat(responder.events(parent).children).hasSize(1);
        assertThat(datagram.readableBytes()).isZero();
    }

    @Test
    @DisplayName("CHN-LOSS-5: the STREAM data of a lost packet is sent again, in a new packet")
    void lostDataResent() {
        StreamsHarness h = StreamsHarness.established();
        Side initiator = h.initiator;
        StreamCore stream = initiator.open(null);
        initiator.write(stream, 1000);
        initiator.flush();
        List<Sent> lostPackets = h.drop(initiator);
        assertThat(lostPackets).hasSize(1);
        long lostNumber = lostPackets.get(0).packetNumber();
        assertThat(framesOf(lostPackets, stream.lsid())).hasSize(1);

        StreamCore other = initiator.open(null);
        initiator.write(other, 5000);
        initiator.flush();
        h.deliver(initiator);
        h.settle();
        assertThat(initiator.lost).contains(lostNumber);
        List<Sent> after = initiator.sent.stream().filter(p -> p.packetNumber() > lostNumber).toList();
        List<StreamFrame> resent = framesOf(after, stream.lsid());
        assertThat(resent).isNotEmpty();
        assertThat(resent.stream().mapToLong(StreamFrame::dataLength).sum()).isEqualTo(1000);
        assertThat(resent).allSatisfy(f -> assertThat(f.init()).as("STR-OPEN-2: not acknowledged yet").isTrue());

        StreamCore received = h.responder.stream(stream.lsid());
        assertThat(received.read(Integer.MAX_VALUE)).isEqualTo(StreamsHarness.pattern(1000));
        h.initiator.assertEstablished();
    }

    @Test
    @DisplayName("CHN-LOSS-5, FRM-STREAM-10: the data of a lost NOACK STREAM frame is never sent again")
    void lostNoAckNotResent() {
        StreamsHarness h = StreamsHarness.established();
        Side initiator = h.initiator;
        StreamCore reliable = initiator.open(null);
        initiator.write(reliable, "reliable");
        StreamCore datagram = initiator.streams.open(null, true, true);
        long datagramLsid = datagram.lsid();
        datagram.write(StreamsHarness.bytes("best effort"), false);
        datagram.finish();
        initiator.flush();
        List<Sent> lostPackets = h.drop(initiator);
        assertThat(lostPackets).hasSize(1);
        long lostNumber = lostPackets.get(0).packetNumber();
        assertThat(framesOf(lostPackets, datagramLsid)).hasSize(1);
        assertThat(framesOf(lostPackets, reliable.lsid())).hasSize(1);

        StreamCore other = initiator.open(null);
        initiator.write(other, 5000);
        initiator.flush();
        h.deliver(initiator);
        h.settle();
        assertThat(initiator.lost).contains(lostNumber);
        List<Sent> after = initiator.sent.stream().filter(p -> p.packetNumber() > lostNumber).toList();
        assertThat(framesOf(after, reliable.lsid())).as("the reliable stream's frame is resent").isNotEmpty();
        assertThat(framesOf(after, datagramLsid)).as("the NOACK frame is not").isEmpty();
        assertThat(h.responder.created).extracting(s -> s.usid().creationLsid())
                .doesNotContain(datagramLsid);
        h.initiator.assertEstablished();
    }

    @Test
    @DisplayName("STR-PRIO-3: with streams of different priority waiting, the higher priority one's data goes first")
    void higherPriorityFirst() {
        // room for one frame: each stream has more than a packet of data
        StreamsHarness h = StreamsHarness.established();
        Side initiator = h.initiator;
        StreamCore low = initiator.open(null);
        StreamCore high = initiator.open(null);
        high.priority(10);
        initiator.write(low, 3000);
        initiator.write(high, 3000);
        initiator.flush();
        List<StreamFrame> frames = streamFrames(h.deliver(initiator));
        List<Long> order = frames.stream().map(StreamFrame::lsid).toList();
        assertThat(order).contains(low.lsid(), high.lsid());
        assertThat(order.lastIndexOf(high.lsid())).as("order %s", order).isLessThan(order.indexOf(low.lsid()));

        // both small: one packet, the higher priority frame first
        StreamsHarness h2 = StreamsHarness.established();
        Side i2 = h2.initiator;
        StreamCore low2 = i2.open(null);
        StreamCore high2 = i2.open(null);
        i2.write(low2, "low");
        i2.write(high2, "high");
        high2.priority(Priorities.DEFAULT - 1);
        i2.flush();
        List<Sent> packets = h2.deliver(i2);
        assertThat(packets.get(0).streamFrames()).extracting(StreamFrame::lsid)
                .containsExactly(high2.lsid(), low2.lsid());
    }

    @Test
    @DisplayName("STR-PRIO-5: a child's frames wait until its parent's first frame was sent")
    void childWaitsForParent() {
        StreamsHarness h = StreamsHarness.established();
        Side initiator = h.initiator;
        StreamCore parent = initiator.open(null);
        StreamCore child = initiator.open(parent);
        initiator.write(child, "child first?");
        initiator.flush();
        assertThat(streamFrames(h.deliver(initiator))).isEmpty();
        assertThat(child.unsentBytes()).isEqualTo(12);

        initiator.write(parent, "parent");
        initiator.flush();
        List<StreamFrame> frames = streamFrames(h.deliver(initiator));
        assertThat(frames).extracting(StreamFrame::lsid).containsExactly(parent.lsid(), child.lsid());
        assertThat(frames.get(1).parentLsid()).isEqualTo(parent.lsid());
        StreamCore received = h.responder.announced.get(0);
        assertThat(h.responder.events(received).children).hasSize(1);
        assertThat(readAll(h.responder.events(received).children.get(0))).isEqualTo("child first?");
        // a child of a stream the peer opened goes at once
        StreamCore peerChild = h.responder.open(received);
        h.responder.write(peerChild, "reply");
        h.responder.flush();
        assertThat(streamFrames(h.deliver(h.responder))).extracting(StreamFrame::lsid).containsExactly(peerChild.lsid());
        h.initiator.assertEstablished();
        h.responder.assertEstablished();
    }


    @Test
    @DisplayName("FRM-BLOCKED-1: a BLOCKED frame is never an error, whatever stream it names")
    void blockedNeverAnError() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, new BlockedFrame(0, 1), new BlockedFrame(9, 5), new BlockedFrame(2, 5),
                new BlockedFrame(4_000_000_000L, 0));
        responder.inject(11, init(1, ROOT, 0, "x", false), new BlockedFrame(1, 262_144));
        responder.assertEstablished();
        assertThat(responder.announced).hasSize(1);
    }

    @Test
    @DisplayName("CHN-FLOW-7: the highest offset received on a reset stream counts as consumed, so the channel limit rises")
    void resetStreamCreditsChannel() {
        ChannelConfig small = StreamsHarness.config().toBuilder().initialMaxData(8192).initialMaxStreamData(65536)
                .build();
        StreamsHarness h = StreamsHarness.established(StreamsHarness.config(), small);
        Side responder = h.responder;
        responder.inject(10, init(1, ROOT, 8000, "z", false)); // 8001 of 8192, none of it in order
        assertThat(h.deliver(responder).stream().flatMap(p -> p.frames().stream()))
                .noneMatch(MaxDataFrame.class::isInstance);
        responder.inject(11, new ResetFrame(1, ErrorCode.CANCELLED.code(), ""));
        List<MaxDataFrame> raised = h.deliver(responder).stream().flatMap(p -> p.frames().stream())
                .filter(MaxDataFrame.class::isInstance).map(MaxDataFrame.class::cast).toList();
        assertThat(raised).hasSize(1);
        long limit = raised.get(0).maxData();
        assertThat(limit).isGreaterThan(8192);
        // the new limit holds exactly: up to it is fine, one byte more is not (CHN-FLOW-3)
        responder.inject(12, init(3, ROOT, limit - 8001 - 1, "z", false));
        responder.assertEstablished();
        responder.inject(13, init(5, ROOT, 0, "!", false));
        responder.assertClosedWith(ErrorCode.FLOW_CONTROL_ERROR);
    }

    // =================================================================== beyond the list: found while testing

    @Test
    @DisplayName("CHN-FLOW-6: a sender blocked by the channel limit sends BLOCKED naming that limit, once")
    void blockedOnChannelLimit() {
        ChannelConfig small = StreamsHarness.config().toBuilder().initialMaxData(4000).build();
        StreamsHarness h = StreamsHarness.established(StreamsHarness.config(), small);
        Side initiator = h.initiator;
        h.responder.hearsPeer = false;
        StreamCore stream = initiator.open(null);
        initiator.write(stream, 5000);
        initiator.flush();
        h.deliver(initiator);
        initiator.write(stream, 100);
        initiator.flush();
        h.settle();
        assertThat(highestEnd(initiator.sent, stream.lsid())).isEqualTo(4000);
        assertThat(initiator.sent.stream().flatMap(p -> p.frames().stream()).filter(BlockedFrame.class::isInstance))
                .containsExactly(new BlockedFrame(0, 4000));
    }

    @Test
    @DisplayName("STR-OPEN-8, section 8.11: a child waiting for its parent counts once toward MAX_CONCURRENT_PEER_STREAMS, however many of its frames are kept")
    void waitingChildCountsOnce() {
        ChannelConfig limited = StreamsHarness.config().toBuilder().maxConcurrentPeerStreams(2).build();
        StreamsHarness h = StreamsHarness.established(StreamsHarness.config(), limited);
        Side responder = h.responder;
        responder.inject(10, init(3, 1, 0, "a", false));
        responder.inject(11, data(3, 1, "b", false));
        // one stream waits; a second one makes two, which the limit allows
        responder.inject(12, init(5, 1, 0, "c", false));
        responder.assertEstablished();
        assertThat(resets(h.deliver(responder))).isEmpty();
    }

    @Test
    @DisplayName("STR-OPEN-8, STR-OPEN-9: a kept child whose parent is then retired (RESET before its INIT) is answered with RESET(UNKNOWN_STREAM)")
    void waitingChildOfRetiredParent() {
        StreamsHarness h = StreamsHarness.established();
        Side responder = h.responder;
        responder.inject(10, init(3, 1, 0, "child", false));
        assertThat(resets(h.deliver(responder))).isEmpty();
        // the parent was cancelled before its first frame reached the receiver: it will never open
        responder.inject(11, new ResetFrame(1, ErrorCode.CANCELLED.code(), ""));
        responder.assertEstablished();
        assertThat(resets(h.deliver(responder))).extracting(ResetFrame::lsid, ResetFrame::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, ErrorCode.UNKNOWN_STREAM.code()));
    }

    @Test
    @DisplayName("FRM-PRIO-3: a PRIORITY set before a new stream's first frame follows that frame in the same packet")
    void priorityAfterInitSamePacket() {
        StreamsHarness h = StreamsHarness.established();
        Side initiator = h.initiator;
        StreamCore stream = initiator.open(null);
        initiator.write(stream, "x");
        stream.priority(7);
        initiator.flush();
        List<Sent> packets = h.deliver(initiator);
        List<Frame> first = packets.get(0).streamLayerFrames();
        assertThat(first).hasSize(2);
        assertThat(first.get(0)).isInstanceOf(StreamFrame.class);
        assertThat(first.get(1)).isEqualTo(new PriorityFrame(stream.lsid(), 7));
    }
}
