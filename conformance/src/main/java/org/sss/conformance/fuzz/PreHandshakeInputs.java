package org.sss.conformance.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.sss.conformance.peer.CookieContents;
import org.sss.conformance.peer.InitiatorNegotiation;
import org.sss.conformance.peer.PeerOptions;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.Packets;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextEncoder;

/**
 * Generates the datagrams a responder sees before a channel exists (SPEC.md sections 3 and 5) from the
 * packet layouts: HELLOs, COOKIEs sent the wrong way, INITIATEs built on a real cookie of the target,
 * MESSAGEs for no channel, each either mutated byte by byte (bit flips, truncation, extension, boundary
 * values) or built with a box that is wrong (random bytes, another nonce prefix) or a valid box with bad
 * contents (a non-zero HELLO plaintext, another identity, a garbled vouch, an INITIATE message whose
 * frames break the rules, a packet number that disagrees with the counter).
 */
final class PreHandshakeInputs {
    /**
     * The session an input is generated in.
     *
     * @param negotiation a fresh initiator negotiation (its short-term key names the session)
     * @param cookie a cookie the target issued to this session, or null when none arrived
     * @param counter the nonce counter value to use
     */
    record Context(InitiatorNegotiation negotiation, CookieContents cookie, long counter) {
    }

    /** A datagram and a word on what it is. */
    record Datagram(byte[] bytes, String label) {
    }

    private static final List<NoncePrefix> PREFIXES = Arrays.stream(NoncePrefix.values())
            .filter(NoncePrefix::isCounter).toList();

    private PreHandshakeInputs() {
    }

    static Datagram generate(Random random, Context context) {
        int pick = random.nextInt(100);
        if (pick < 22) {
            return hello(random, context);
        }
        if (pick < 62) {
            return initiate(random, context);
        }
        if (pick < 70) {
            return new Datagram(withMagic(Magic.COOKIE, random, random.nextBoolean() ? Packets.COOKIE_SIZE
                    : random.nextInt(300)), "COOKIE to the responder");
        }
        if (pick < 80) {
            int length = random.nextBoolean() ? 80 + 16 * random.nextInt(60) : random.nextInt(1400);
            return new Datagram(withMagic(Magic.MESSAGE, random, length), "MESSAGE for no channel");
        }
        if (pick < 90) {
            return wrongMagic(random, context);
        }
        byte[] garbage = new byte[random.nextBoolean() ? random.nextInt(16) : random.nextInt(1500)];
        random.nextBytes(garbage);
        return new Datagram(garbage, "random bytes");
    }

    private static Datagram hello(Random random, Context context) {
        InitiatorNegotiation n = context.negotiation();
        long counter = random.nextInt(4) == 0 ? Mutations.boundary(8, random) : context.counter();
        return switch (random.nextInt(5)) {
            case 0, 1 -> new Datagram(Mutations.mutate(n.hello(counter), random), "HELLO mutated");
            case 2 -> {
                byte[] plain = new byte[new int[] {0, 1, 63, 64, 64, 65, 128}[random.nextInt(7)]];
                random.nextBytes(plain);
                yield new Datagram(n.helloSealing(counter, plain, prefix(random, NoncePrefix.HELLO)),
                        "HELLO with a bad box plaintext " + plain.length);
            }
            case 3 -> {
                byte[] box = new byte[80];
                random.nextBytes(box);
                yield new Datagram(Packets.hello(n.shortTermPublic(), counter, box), "HELLO with a random box");
            }
            default -> new Datagram(n.hello(counter), "HELLO counter " + Long.toUnsignedString(counter));
        };
    }

    private static Datagram initiate(Random random, Context context) {
        InitiatorNegotiation n = context.negotiation();
        CookieContents cookie = context.cookie() != null && random.nextInt(8) != 0 ? context.cookie()
                : new CookieContents(bytes(random, 32), bytes(random, 96));
        long counter = random.nextInt(5) == 0 ? Mutations.boundary(8, random) : context.counter();
        byte[] vouchRandom = bytes(random, 16);
        return switch (random.nextInt(6)) {
            case 0, 1 -> new Datagram(Mutations.mutate(n.initiate(counter, cookie, vouchRandom,
                    message(random, counter)), random), "INITIATE mutated");
            case 2 -> {
                byte[] valid = n.initiate(counter, cookie, vouchRandom, message(random, counter));
                int keep = random.nextBoolean() ? random.nextInt(valid.length) : Packets.INITIATE_OVERHEAD
                        + random.nextInt(32) - 16;
                yield new Datagram(Arrays.copyOf(valid, Math.max(0, keep)), "INITIATE truncated to " + keep);
            }
            case 3 -> {
                // a valid box whose contents are wrong: identity, vouch or the message
                byte[] p = n.initiatePlaintext(vouchRandom, message(random, counter));
                String what;
                switch (random.nextInt(4)) {
                    case 0 -> {
                        System.arraycopy(bytes(random, 32), 0, p, 0, 32);
                        what = "another identity";
                    }
                    case 1 -> {
                        p[48 + random.nextInt(48)] ^= (byte) (1 << random.nextInt(8));
                        what = "a garbled vouch";
                    }
                    case 2 -> {
                        p = Arrays.copyOf(p, random.nextInt(Math.min(p.length, 112)));
                        what = "a short plaintext";
                    }
                    default -> {
                        p = Mutations.mutate(p, random);
                        what = "mutated contents";
                    }
                }
                yield new Datagram(n.initiateSealing(counter, cookie, p, prefix(random, NoncePrefix.INITIATE)),
                        "INITIATE with " + what);
            }
            case 4 -> {
                byte[] box = bytes(random, 96 + 16 + 16 * random.nextInt(62));
                yield new Datagram(Packets.initiate(n.shortTermPublic(), cookie.cookie(), counter, box),
                        "INITIATE with a random box");
            }
            default -> new Datagram(n.initiate(counter, cookie, vouchRandom, message(random, counter)),
                    "INITIATE with generated frames");
        };
    }

    /** The message inside an INITIATE: SETTINGS first, mostly, then generated frames (NEG-INITIATE-3). */
    private static byte[] message(Random random, long counter) {
        long pn = random.nextInt(6) == 0 ? counter + 1 + random.nextInt(100) : counter;
        if (random.nextInt(3) == 0) {
            return FrameInputs.generate(random, new FrameInputs.Context(pn, List.of(), 1)).bytes();
        }
        List<PeerFrame> frames = new ArrayList<>();
        frames.add(PeerOptions.DEFAULT_SETTINGS);
        if (random.nextBoolean()) {
            frames.add(FrameInputs.frame(random, new FrameInputs.Context(pn, List.of(), 1)));
        }
        byte[] m = PlaintextEncoder.padded(PacketHeader.of(pn, random.nextInt(5) != 0), frames);
        return m.length > Packets.MAX_INITIATE_PLAINTEXT ? Arrays.copyOf(m, Packets.MAX_INITIATE_PLAINTEXT) : m;
    }

    private static Datagram wrongMagic(Random random, Context context) {
        byte[] base = random.nextBoolean() ? context.negotiation().hello(context.counter())
                : withMagic(Magic.MESSAGE, random, 96);
        byte[] out = base.clone();
        if (random.nextBoolean()) {
            System.arraycopy(Magic.INITIATE_MESSAGE.bytes(), 0, out, 0, 8); // reserved (PKT-MAGIC-4)
            return new Datagram(out, "reserved magic qVNq5xLo");
        }
        out[random.nextInt(8)] ^= (byte) (1 << random.nextInt(8));
        return new Datagram(out, "magic one bit off");
    }

    private static NoncePrefix prefix(Random random, NoncePrefix right) {
        return random.nextInt(4) == 0 ? PREFIXES.get(random.nextInt(PREFIXES.size())) : right;
    }

    private static byte[] withMagic(Magic magic, Random random, int length) {
        byte[] out = bytes(random, Math.max(8, length));
        System.arraycopy(magic.bytes(), 0, out, 0, 8);
        return out;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}
