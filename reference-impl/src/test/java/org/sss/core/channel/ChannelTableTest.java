package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sss.core.wire.ErrorCode;

/** SPEC.md section 3.2 and 5.5 step 2: channels found by the peer's short-term key. */
class ChannelTableTest {

    @Test
    void messagesSelectTheirChannelByThePeersShortTermKey() {
        ChannelPair pair = ChannelPair.established();
        ChannelTable initiatorTable = new ChannelTable(4);
        ChannelTable responderTable = new ChannelTable(4);
        assertThat(initiatorTable.add(pair.initiator)).isTrue();
        assertThat(responderTable.add(pair.responder)).isTrue();
        pair.initiator.ping();
        byte[] fromInitiator = pair.initiatorOut.take();
        // SPEC PKT-DEMUX-3: the responder indexes by I', the initiator by R'
        assertThat(responderTable.select(Unpooled.wrappedBuffer(fromInitiator))).isSameAs(pair.responder);
        assertThat(initiatorTable.select(Unpooled.wrappedBuffer(fromInitiator))).isNull();
        assertThat(responderTable.get(pair.initiatorShortTerm.publicKey())).isSameAs(pair.responder);
        assertThat(responderTable.isLive(pair.initiatorShortTerm.publicKey())).isTrue();
        assertThat(responderTable.select(Unpooled.wrappedBuffer(new byte[20]))).isNull();
        assertThat(responderTable.nextTimeoutNanos()).isEqualTo(pair.responder.nextTimeoutNanos());
    }

    @Test
    void aSecondChannelForTheSameKeyIsRefusedAndTheTableIsBounded() {
        ChannelPair pair = ChannelPair.established();
        ChannelTable table = new ChannelTable(1);
        assertThat(table.add(pair.responder)).isTrue();
        // SPEC NEG-RPROC-4
        assertThatThrownBy(() -> table.add(pair.responder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NEG-RPROC-4");
        assertThat(table.isFull()).isTrue();
        // SPEC LIM-RES-5: bounded
        assertThat(table.add(pair.initiator)).isFalse();
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.channels()).containsExactly(pair.responder);
    }

    @Test
    void aDiscardedChannelIsNoLongerLiveAndIsRemoved() {
        ChannelPair pair = ChannelPair.established();
        ChannelTable table = new ChannelTable(2);
        table.add(pair.responder);
        pair.responder.close(ErrorCode.NO_ERROR, "");
        assertThat(table.isLive(pair.initiatorShortTerm.publicKey())).isTrue();
        pair.advance(Duration.ofSeconds(10));
        assertThat(pair.responderEvents.discarded).isEqualTo(1);
        assertThat(table.isLive(pair.initiatorShortTerm.publicKey())).isFalse();
        assertThat(table.remove(pair.responder)).isTrue();
        assertThat(table.remove(pair.responder)).isFalse();
        assertThat(table.size()).isZero();
        assertThat(table.nextTimeoutNanos()).isEqualTo(Channel.NO_TIMEOUT);
    }
}
