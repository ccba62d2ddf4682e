package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.host.StreamIo.assertAtEnd;
import static org.sss.core.host.StreamIo.assertReads;
import static org.sss.core.host.StreamIo.await;
import static org.sss.core.host.StreamIo.randomBytes;
import static org.sss.core.host.StreamIo.readToEnd;
import static org.sss.core.host.StreamIo.utf8;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.host.StreamPair.Ends;

/**
 * Substreams over real UDP on loopback (SPEC.md sections 8.2, 8.3 and 8.10): trees opened by both
 * ends, parent relationships, data on every stream of the tree, children opened right behind their
 * parents, the order of acceptance, and children outliving their parent's FIN.
 */
class SubstreamTreeTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    /** Depth of the trees below the top-level stream. */
    private static final int DEPTH = 6;

    @Test
    @DisplayName("STR-OPEN-1, STR-OPEN-3, STR-OPEN-4, STR-ID-1, STR-ID-3: substreams of substreams, six deep, opened in turn by both ends")
    void bothEndsGrowOneTreeSixDeep() {
        StreamPair pair = StreamPair.start(HOSTS);
        List<Ends> chain = new ArrayList<>();
        chain.add(pair.open());

        for (int depth = 1; depth <= DEPTH; depth++) {
            Ends parent = chain.get(depth - 1);
            boolean clientOpens = depth % 2 == 1;
            Stream opener = (clientOpens ? parent.client() : parent.server()).openSubstream();
            // SPEC STR-OPEN-1: data may travel in the frame that opens the stream
            opener.write(utf8("opened at depth " + depth));
            Stream acceptor = await((clientOpens ? parent.server() : parent.client()).acceptSubstream());
            assertReads(acceptor, "opened at depth " + depth);
            Ends child = clientOpens ? new Ends(opener, acceptor) : new Ends(acceptor, opener);

            assertThat(opener.isLocallyOpened()).isTrue();
            assertThat(acceptor.isLocallyOpened()).isFalse();
            assertThat(child.client().parent()).hasValueSatisfying(p -> assertThat(p.usid()).isEqualTo(parent.client().usid()));
            assertThat(child.server().parent()).hasValueSatisfying(p -> assertThat(p.usid()).isEqualTo(parent.server().usid()));
            // SPEC STR-ID-1: the opener's parity, the client being the channel's initiator
            assertThat(opener.lsid()).as("LSID at depth %d", depth).matches(l -> l % 2 == (clientOpens ? 1 : 0));
            // SPEC STR-ID-3: one LSID for both directions
            assertThat(acceptor.lsid()).isEqualTo(opener.lsid());
            assertThat(acceptor.usid()).isEqualTo(opener.usid());
            chain.add(child);
        }

        // every stream of the tree carries data both ways, deepest first
        for (int depth = DEPTH; depth >= 0; depth--) {
            Ends ends = chain.get(depth);
            await(ends.client().write(utf8("client at depth " + depth)));
            await(ends.server().write(utf8("server at depth " + depth)));
            assertReads(ends.server(), "client at depth " + depth);
            assertReads(ends.client(), "server at depth " + depth);
        }
        // and closes normally, each on its own
        for (Ends ends : chain) {
            await(ends.client().finish());
            await(ends.server().finish());
            assertAtEnd(ends.client());
            assertAtEnd(ends.server());
        }
        for (Ends ends : chain) {
            await(ends.client().closed());
            await(ends.server().closed());
        }
    }

    @Test
    @DisplayName("STR-OPEN-4, STR-OPEN-8, STR-PRIO-5, STR-PRIO-6: a chain of children opened with no wait delivers each child's data once its parent is open")
    void childrenOpenedBackToBackDeliverTheirData() {
        StreamPair pair = StreamPair.start(HOSTS);
        Random random = HOSTS.random();
        Ends top = pair.open();

        // open the whole chain at once, each stream with data and FIN, without waiting for anything
        List<byte[]> sent = new ArrayList<>();
        Stream parent = top.client();
        for (int depth = 1; depth <= DEPTH; depth++) {
            Stream child = parent.openSubstream();
            byte[] data = randomBytes(random, 1000 * depth * depth);
            sent.add(data);
            child.write(data);
            child.finish();
            parent = child;
        }

        Stream atServer = top.server();
        for (int depth = 1; depth <= DEPTH; depth++) {
            Stream child = await(atServer.acceptSubstream(), "the child at depth " + depth);
            assertThat(child.parent().orElseThrow().usid()).isEqualTo(atServer.usid());
            assertThat(readToEnd(child)).as("data of the child at depth %d", depth).isEqualTo(sent.get(depth - 1));
            atServer = child;
        }
    }

    @Test
    @DisplayName("STR-ID-2, STR-ID-3, section 8.3: substreams are accepted in the order they were opened, under rising LSIDs")
    void substreamsAreAcceptedInOpeningOrder() {
        StreamPair pair = StreamPair.start(HOSTS);
        Ends top = pair.open();
        int count = 20;

        List<Stream> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Stream child = top.client().openSubstream();
            child.writeRecord(utf8("child " + i));
            child.finish();
            opened.add(child);
        }
        // SPEC STR-ID-2: the LSIDs an endpoint chooses rise strictly
        for (int i = 1; i < count; i++) {
            assertThat(opened.get(i).lsid()).isGreaterThan(opened.get(i - 1).lsid());
        }
        for (int i = 0; i < count; i++) {
            Stream child = await(top.server().acceptSubstream());
            assertThat(child.lsid()).isEqualTo(opened.get(i).lsid());
            assertThat(readToEnd(child)).isEqualTo(utf8("child " + i));
            assertThat(child.parent().orElseThrow().usid()).isEqualTo(top.server().usid());
        }
    }

    @Test
    @DisplayName("Section 8.3: a child outlives its parent; once opened it is unaffected by the parent's FIN")
    void childOutlivesItsParentsFin() {
        StreamPair pair = StreamPair.start(HOSTS);
        Ends parent = pair.open();
        Stream clientChild = parent.client().openSubstream();
        await(clientChild.write(utf8("hello child")));
        Stream serverChild = await(parent.server().acceptSubstream());
        assertReads(serverChild, "hello child");

        await(parent.client().finish());
        await(parent.server().finish());
        assertAtEnd(parent.client());
        assertAtEnd(parent.server());
        await(parent.client().closed());
        await(parent.server().closed());

        await(clientChild.write(utf8("after the parent closed")));
        assertReads(serverChild, "after the parent closed");
        await(serverChild.write(utf8("still here")));
        assertReads(clientChild, "still here");
        await(clientChild.finish());
        await(serverChild.finish());
        assertAtEnd(serverChild);
        assertAtEnd(clientChild);
        await(clientChild.closed());
        await(serverChild.closed());
    }
}
