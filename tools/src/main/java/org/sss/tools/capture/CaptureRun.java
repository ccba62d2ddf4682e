package org.sss.tools.capture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.PublicKey;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;
import org.sss.core.host.SecureChannel;
import org.sss.core.testservices.TestServices;
import org.sss.core.transport.DatagramTap;

/**
 * Runs one capture: starts the embedded reference responder (unless there is a target) and the reference
 * initiator, both with keys and randomness derived from the seed, records the chosen host's datagrams and
 * both hosts' keys, runs the workload, and closes everything so that the last datagrams are in the file.
 */
public final class CaptureRun {
    /** How long datagrams still in flight get to arrive after the workload before the hosts close. */
    private static final Duration SETTLE = Duration.ofMillis(300);

    private CaptureRun() {
    }

    /** What a run wrote. */
    public record Summary(String workload, int datagrams, int channels, long dropped, String pcapWriter) {
    }

    /**
     * Runs {@code setup}.
     *
     * @throws IOException if a file cannot be written or a socket not opened
     * @throws IllegalStateException if the workload fails (a handshake or transfer that does not complete)
     * @throws Exception what else the host or the workload throws
     */
    public static Summary run(CaptureSetup setup) throws Exception {
        Workload workload = setup.traffic();
        warmUp();
        boolean atResponder = setup.side() == CaptureSetup.Side.RESPONDER;
        try (HostRecorder recorder = HostRecorder.open(setup.pcap(), setup.keylog())) {
            Host responderHost = null;
            Host initiator = null;
            CaptureSession session = null;
            try {
                InetSocketAddress responder = setup.target();
                PublicKey responderKey = setup.targetKey();
                if (responder == null) {
                    responderHost = startResponder(setup.seed(), atResponder ? recorder : null,
                            setup.keylog() == null ? null : recorder);
                    responder = responderHost.localAddress();
                    responderKey = responderHost.identity();
                }
                SentDatagrams sent = new SentDatagrams();
                DatagramTap tap = atResponder ? sent : both(recorder, sent);
                SeededRandomness random = SeededRandomness.of(setup.seed(), "initiator");
                HostConfig.Builder config = HostConfig.builder(KeyPair.generate(random.keys()))
                        .bindAddress(CaptureSession.loopback())
                        .acceptChannels(false)
                        .secureRandom(random.secure())
                        .random(random.nonSecret())
                        .channelConfig(workload.initiatorChannel(ChannelConfig.defaults()))
                        .datagramTap(tap);
                if (setup.keylog() != null) {
                    config.channelKeyLog(recorder);
                }
                initiator = Host.start(config.build(), new HostListener() { });
                session = new CaptureSession(initiator, responder, responderKey, sent, setup.loss(), setup.seed());
                workload.run(session);
                CaptureSession.pause(SETTLE);
            } finally {
                if (initiator != null) {
                    initiator.close();
                }
                if (session != null) {
                    session.close();
                }
                if (responderHost != null) {
                    CaptureSession.pause(SETTLE);
                    responderHost.close();
                }
            }
            String written = recorder.finish();
            return new Summary(workload.name(), recorder.datagrams(), recorder.channels(),
                    session == null ? 0 : session.dropped(), written);
        }
    }

    /**
     * One unrecorded handshake between two throwaway hosts, so that the recorded one does not run on a
     * cold JVM: a first handshake is slow enough for the initiator's HELLO retransmission timer to fire,
     * which would put a second HELLO and COOKIE into a "clean handshake". Its keys come from the system's
     * random source and appear nowhere; a failure here is left for the real run to meet.
     */
    private static void warmUp() throws InterruptedException {
        HostConfig responderConfig = HostConfig.builder(KeyPair.generate(new SecureRandom()))
                .bindAddress(CaptureSession.loopback()).build();
        HostConfig initiatorConfig = HostConfig.builder(KeyPair.generate(new SecureRandom()))
                .bindAddress(CaptureSession.loopback()).acceptChannels(false).build();
        try (Host responder = Host.start(responderConfig, new HostListener() { });
                Host initiator = Host.start(initiatorConfig, new HostListener() { })) {
            SecureChannel channel = CaptureSession.await(initiator.connect(responder.localAddress(),
                    responder.identity()), "the warm-up handshake");
            CaptureSession.await(channel.ping(), "the warm-up PING");
            CaptureSession.await(channel.close("warm-up"), "the warm-up close");
        } catch (IllegalStateException e) {
            // the recorded run reports what goes wrong
        }
    }

    /** The embedded responder: the test services, on loopback, keys and randomness from the seed. */
    private static Host startResponder(long seed, DatagramTap tap, HostRecorder keyLog) throws InterruptedException {
        SeededRandomness random = SeededRandomness.of(seed, "responder");
        HostConfig.Builder config = HostConfig.builder(KeyPair.generate(random.keys()))
                .bindAddress(CaptureSession.loopback())
                .secureRandom(random.secure())
                .random(random.nonSecret());
        if (tap != null) {
            config.datagramTap(tap);
        }
        if (keyLog != null) {
            config.channelKeyLog(keyLog);
        }
        Host host = Host.start(config.build(), new HostListener() { });
        TestServices.register(host);
        return host;
    }

    private static DatagramTap both(DatagramTap first, DatagramTap second) {
        return (direction, payload, local, remote, time) -> {
            first.onDatagram(direction, payload.clone(), local, remote, time);
            second.onDatagram(direction, payload, local, remote, time);
        };
    }
}
