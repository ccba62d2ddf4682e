package org.sss.tools.bench.compare.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
import org.junit.jupiter.api.Test;
import org.sss.tools.bench.compare.ServerCertificate;

/**
 * The proof that handshakes are full, tested against the JDK itself: with the contender's contexts,
 * an engine made with a peer host and port does resume its second handshake (the counting trust
 * manager misses it), while engines made without, as the contender makes them, never do. The two
 * ends are Netty channels in memory, their bytes handed across by the test.
 */
class FullHandshakeCheckTest {

    @Test
    void theTrustManagerSeesEveryFullHandshakeAndNoResumedOne() throws Exception {
        ServerCertificate certificate = ServerCertificate.generate();
        assertThat(certificate.keyDescription()).as("the JDK's TLS 1.3 server signs with the shared EC key")
                .isEqualTo(ServerCertificate.SIGNING_KEY);

        TlsContexts resumable = TlsContexts.create(certificate);
        handshake(resumable, true);
        handshake(resumable, true);
        assertThat(resumable.trust().serverChecks()).as("second handshake resumed, so not counted").isEqualTo(1);

        TlsContexts contender = TlsContexts.create(certificate);
        handshake(contender, false);
        handshake(contender, false);
        handshake(contender, false);
        assertThat(contender.trust().serverChecks()).as("all full").isEqualTo(3);
    }

    private static void handshake(TlsContexts tls, boolean withPeer) {
        ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
        SslHandler clientSsl = withPeer ? tls.client().newHandler(alloc, "localhost", 4433) : tls.client().newHandler(alloc);
        EmbeddedChannel server = new EmbeddedChannel(tls.server().newHandler(alloc));
        EmbeddedChannel client = new EmbeddedChannel(clientSsl);
        // hand bytes across until neither end has anything more to say (the server's tickets included)
        boolean moved = true;
        while (moved) {
            moved = carry(client, server) | carry(server, client);
        }
        assertThat(clientSsl.handshakeFuture().isSuccess()).isTrue();
        assertThat(clientSsl.engine().getSession().getProtocol()).isEqualTo("TLSv1.3");
        client.finishAndReleaseAll();
        server.finishAndReleaseAll();
    }

    private static boolean carry(EmbeddedChannel from, EmbeddedChannel to) {
        boolean moved = false;
        for (ByteBuf bytes = from.readOutbound(); bytes != null; bytes = from.readOutbound()) {
            to.writeInbound(bytes);
            moved = true;
        }
        return moved;
    }
}
