package org.sss.tools.dissect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.report.CapturedDatagram;
import org.sss.core.crypto.KeyPair;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;
import org.sss.tools.capture.CaptureRun;
import org.sss.tools.capture.CaptureSetup;

/**
 * The key log reader (SPEC.md Appendix D): a responder's minute key alone opens the cookie of an INITIATE
 * it received, which yields r' and so the channel's K and ID, equal to those its channel line gives; the
 * channel found that way then names the responder's MESSAGEs. Lines that leave K out are completed from a
 * secret; malformed lines are errors with their line number. The capture seed is printed.
 */
class ChannelKeysTest {
    private static final long SEED = new SecureRandom().nextLong();

    @TempDir
    Path dir;

    @Test
    void aMinuteKeyAloneOpensTheInitiateAndFindsTheChannel() throws Exception {
        System.out.println("[ChannelKeysTest] seed=" + SEED);
        Path pcap = dir.resolve("hs.pcap");
        Path keylog = dir.resolve("hs.keylog");
        CaptureRun.run(new CaptureSetup("handshake", pcap, keylog, SEED, null, CaptureSetup.Side.RESPONDER, null,
                null));
        List<String> lines = Files.readAllLines(keylog, StandardCharsets.UTF_8);
        String[] channelLine = lines.stream().filter(l -> l.startsWith("SSS_CHANNEL ")).findFirst().orElseThrow()
                .split(" ");
        Path minuteOnly = Files.write(dir.resolve("minute.keylog"),
                lines.stream().filter(l -> l.startsWith("SSS_MINUTE_KEY ")).toList(), StandardCharsets.UTF_8);
        ChannelKeys keys = ChannelKeys.read(minuteOnly);
        assertThat(keys.isEmpty()).isFalse();

        List<CapturedDatagram> datagrams = CaptureReader.read(pcap);
        CapturedDatagram initiate = datagrams.stream().filter(d -> Magic.INITIATE.starts(d.payload())).findFirst()
                .orElseThrow();
        assertThat(keys.opener(Hex.parse(channelLine[1]))).as("before the INITIATE, no channel is known").isEmpty();
        Optional<ChannelKeys.Opener> opener = keys.initiateOpener(initiate.payload(), initiate.source());

        assertThat(opener).isPresent();
        assertThat(Hex.of(opener.get().channel().channelKey())).isEqualTo(channelLine[4]);
        assertThat(opener.get().channel().channelId()).isEqualTo(channelLine[5]);
        assertThat(opener.get().prefix()).isEqualTo(NoncePrefix.MESSAGE_FROM_INITIATOR);
        assertThat(keys.opener(Hex.parse(channelLine[3]))).as("the responder's MESSAGEs, by R'")
                .hasValueSatisfying(o -> assertThat(o.prefix()).isEqualTo(NoncePrefix.MESSAGE_FROM_RESPONDER));
        CapturedDatagram elsewhere = new CapturedDatagram(initiate.time(),
                new InetSocketAddress("127.0.0.2", initiate.source().getPort()), initiate.target(),
                initiate.payload());
        assertThat(ChannelKeys.read(minuteOnly).initiateOpener(elsewhere.payload(), elsewhere.source()))
                .as("the cookie is bound to the INITIATE's source address (CRY-COOKIE-4)").isEmpty();
    }

    /**
     * The reference responder's minute-key hook: a key is logged at start and at every rotation, before
     * it seals a cookie, so the INITIATEs of channels made under different minute keys all open.
     */
    @Test
    void everyRotatedMinuteKeyIsLoggedAndOpensTheInitiatesOfItsTime() throws Exception {
        Path pcap = dir.resolve("rotating.pcap");
        Path keylog = dir.resolve("rotating.keylog");
        // the capture package's recorder, not this package's test helper of the same name
        try (org.sss.tools.capture.HostRecorder recorder = org.sss.tools.capture.HostRecorder.open(pcap, keylog)) {
            try (Host responder = Host.start(HostConfig.builder(KeyPair.generate(new SecureRandom()))
                    .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .minuteKeyRotation(Duration.ofMillis(300)).datagramTap(recorder).channelKeyLog(recorder).build(),
                    new HostListener() { })) {
                for (int i = 0; i < 2; i++) {
                    try (Host initiator = Host.start(HostConfig.builder(KeyPair.generate(new SecureRandom()))
                            .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                            .acceptChannels(false).build(), new HostListener() { })) {
                        initiator.connect(responder.localAddress(), responder.identity()).get(30, TimeUnit.SECONDS);
                    }
                    Thread.sleep(800);
                }
            }
            recorder.finish();
        }
        List<String> minuteKeys = Files.readAllLines(keylog, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("SSS_MINUTE_KEY ")).toList();
        assertThat(minuteKeys).as("the first key and at least one rotation").hasSizeGreaterThanOrEqualTo(2)
                .doesNotHaveDuplicates();
        Path minuteOnly = Files.write(dir.resolve("rotating-minute.keylog"), minuteKeys, StandardCharsets.UTF_8);
        ChannelKeys keys = ChannelKeys.read(minuteOnly);
        List<CapturedDatagram> initiates = CaptureReader.read(pcap).stream()
                .filter(d -> Magic.INITIATE.starts(d.payload())).toList();
        assertThat(initiates).hasSizeGreaterThanOrEqualTo(2);
        for (CapturedDatagram initiate : initiates) {
            assertThat(keys.initiateOpener(initiate.payload(), initiate.source())).as("INITIATE at %s", initiate.time())
                    .isPresent();
        }
    }

    @Test
    void aChannelLineWithoutKIsCompletedFromASecretAndBadLinesAreNamed() throws Exception {
        String i = "a".repeat(64);
        String r = "b".repeat(64);
        byte[] initiatorPublic = org.sss.conformance.peer.crypto.Nacl.publicKey(Hex.parse(i));
        byte[] responderPublic = org.sss.conformance.peer.crypto.Nacl.publicKey(Hex.parse(r));
        Path keylog = Files.writeString(dir.resolve("k.keylog"), "# comment\n\nSSS_CHANNEL " + Hex.of(initiatorPublic)
                + " - " + Hex.of(responderPublic) + " - - " + r + "\n", StandardCharsets.UTF_8);
        ChannelKeys keys = ChannelKeys.read(keylog);
        byte[] k = keys.opener(initiatorPublic).orElseThrow().channel().channelKey();
        assertThat(k).isEqualTo(org.sss.conformance.peer.crypto.Nacl.beforenm(responderPublic, Hex.parse(i)));

        Path bad = Files.writeString(dir.resolve("bad.keylog"), "SSS_MINUTE_KEY 12\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ChannelKeys.read(bad)).isInstanceOf(UnreadableCaptureException.class)
                .hasMessageContaining("bad.keylog:1").hasMessageContaining("t is not 64 hex digits");
        Path noSecret = Files.writeString(dir.resolve("nosecret.keylog"), "SSS_CHANNEL " + Hex.of(initiatorPublic)
                + " - " + Hex.of(responderPublic) + " - -\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ChannelKeys.read(noSecret)).isInstanceOf(UnreadableCaptureException.class)
                .hasMessageContaining("neither i' nor r'");
    }
}
