package org.sss.conformance.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.sss.conformance.peer.wire.CraftedFrames;
import org.sss.conformance.peer.wire.FrameEncoder;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.Packets;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextEncoder;

/**
 * Generates message plaintexts (SPEC.md sections 6.2, 6.3 and 7) from the frame grammar: one to three
 * frames with field values at their boundaries (zero and huge LSIDs, offsets near 2^64, zero-length
 * data, reserved flags, ACKs for packets never sent, credit below what was granted, unknown setting
 * tags), frames that are wrong on purpose ({@link CraftedFrames}: lengths that disagree, frames cut
 * short, unknown types), headers with odd flags or packet numbers, and byte-level mutations of the
 * whole plaintext, mostly kept at a valid length so that they reach the frame decoder.
 */
final class FrameInputs {
    /** What the generator knows of the channel it generates for. */
    record Context(long packetNumber, List<Long> liveLsids, long nextOwnLsid) {
    }

    /** A plaintext to seal, and a word on what it is. */
    record Plaintext(byte[] bytes, String label) {
    }

    private FrameInputs() {
    }

    /** A plaintext for the packet numbered {@code context.packetNumber()}. */
    static Plaintext generate(Random random, Context context) {
        List<PeerFrame> frames = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        boolean rawLast = false;
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(100);
            PeerFrame frame;
            if (pick < 12) {
                frame = wrongFrame(random, context);
                labels.add("wrong-" + typeName(frame));
                rawLast = true;
            } else {
                frame = frame(random, context);
                labels.add(typeName(frame));
                rawLast = frame instanceof PeerFrame.Stream s && !s.has(PeerFrame.Stream.LENGTH);
            }
            frames.add(frame);
            if (rawLast) {
                break; // a frame that runs to the end of the plaintext ends the list
            }
        }
        PacketHeader header = header(random, context.packetNumber());
        byte[] plaintext = rawLast ? PlaintextEncoder.paddedBeforeLast(header, frames)
                : PlaintextEncoder.padded(header, frames);
        String label = String.join("+", labels);
        if (random.nextInt(100) < 25) {
            plaintext = Mutations.mutate(plaintext, random);
            label = label + " mutated";
            if (random.nextInt(100) < 75) {
                plaintext = validLength(plaintext);
            }
        } else if (plaintext.length > Packets.MAX_MESSAGE_PLAINTEXT) {
            plaintext = Arrays.copyOf(plaintext, Packets.MAX_MESSAGE_PLAINTEXT);
        }
        return new Plaintext(plaintext, label);
    }

    /** Cut or zero-padded to a multiple of 16 in [16, 1168] (CHN-PLAIN-1, PKT-SIZE-4). */
    static byte[] validLength(byte[] plaintext) {
        int length = Math.min(Packets.MAX_MESSAGE_PLAINTEXT,
                Math.max(PlaintextEncoder.GRANULE, (plaintext.length + 15) / 16 * 16));
        return Arrays.copyOf(plaintext, length);
    }

    private static PacketHeader header(Random random, long pn) {
        int pick = random.nextInt(100);
        if (pick < 80) {
            return PacketHeader.of(pn, random.nextBoolean());
        }
        int flags = random.nextInt(256);
        int version = random.nextBoolean() ? PacketHeader.VERSION_1 : (int) Mutations.boundary(2, random);
        long number = random.nextBoolean() ? pn : pn + (long) Mutations.boundary(2, random);
        return new PacketHeader(flags, version, number);
    }

    private static String typeName(PeerFrame frame) {
        int type = frame.type();
        return switch (type) {
            case PeerFrame.EMPTY -> "EMPTY";
            case PeerFrame.STREAM -> "STREAM";
            case PeerFrame.ACK -> "ACK";
            case PeerFrame.PADDING -> "PADDING";
            case PeerFrame.DECONGESTION -> "DECONGESTION";
            case PeerFrame.DETACH -> "DETACH";
            case PeerFrame.RESET -> "RESET";
            case PeerFrame.CLOSE -> "CLOSE";
            case PeerFrame.SETTINGS -> "SETTINGS";
            case PeerFrame.PRIORITY -> "PRIORITY";
            case PeerFrame.MAX_DATA -> "MAX_DATA";
            case PeerFrame.MAX_STREAM_DATA -> "MAX_STREAM_DATA";
            case PeerFrame.BLOCKED -> "BLOCKED";
            case PeerFrame.GOAWAY -> "GOAWAY";
            case PeerFrame.PING -> "PING";
            case PeerFrame.PATH_CHALLENGE -> "PATH_CHALLENGE";
            case PeerFrame.PATH_RESPONSE -> "PATH_RESPONSE";
            default -> String.format("type-0x%02x", type & 0xff);
        };
    }

    // ------------------------------------------------------------------ well-formed frames, odd values

    /** A frame that the grammar allows, its fields often at their boundaries. */
    static PeerFrame frame(Random random, Context context) {
        return switch (random.nextInt(17)) {
            case 0, 1, 2, 3 -> stream(random, context);
            case 4, 5 -> ack(random, context);
            case 6 -> PeerFrame.Padding.zeros(random.nextInt(random.nextBoolean() ? 8 : 600));
            case 7 -> new PeerFrame.Detach(lsid(random, context));
            case 8 -> new PeerFrame.Reset(lsid(random, context), Mutations.boundary(4, random), text(random));
            case 9 -> settings(random);
            case 10 -> new PeerFrame.Priority(lsid(random, context), Mutations.boundary(4, random));
            case 11 -> new PeerFrame.MaxData(Mutations.boundary(8, random));
            case 12 -> new PeerFrame.MaxStreamData(lsid(random, context), Mutations.boundary(8, random));
            case 13 -> new PeerFrame.Blocked(lsid(random, context), Mutations.boundary(8, random));
            case 14 -> random.nextInt(4) == 0
                    ? new PeerFrame.Goaway(lsid(random, context), Mutations.boundary(4, random), text(random))
                    : new PeerFrame.Ping();
            case 15 -> random.nextBoolean() ? new PeerFrame.PathChallenge(bytes(random, 8))
                    : new PeerFrame.PathResponse(bytes(random, 8));
            default -> random.nextInt(8) == 0
                    ? PeerFrame.Close.of(Mutations.boundary(4, random), text(random), ack(random, context))
                    : new PeerFrame.Empty();
        };
    }

    private static PeerFrame.Stream stream(Random random, Context context) {
        int flags = 0;
        if (random.nextInt(4) == 0) {
            flags |= PeerFrame.Stream.NOACK;
        }
        if (random.nextInt(4) == 0) {
            flags |= PeerFrame.Stream.INIT;
        }
        if (random.nextInt(10) == 0) {
            flags |= PeerFrame.Stream.USID | PeerFrame.Stream.INIT;
        }
        if (random.nextInt(5) != 0) {
            flags |= PeerFrame.Stream.LENGTH;
        }
        if (random.nextInt(4) == 0) {
            flags |= PeerFrame.Stream.FIN;
        }
        if (random.nextInt(3) == 0) {
            flags |= PeerFrame.Stream.RECORD;
        }
        if (random.nextInt(10) == 0) {
            flags |= (random.nextInt(127) + 1) << 1; // reserved bits (FRM-STREAM-1)
        }
        long offset = switch (random.nextInt(5)) {
            case 0, 1 -> 0;
            case 2 -> random.nextInt(1 << 12);
            case 3 -> 262_144 - random.nextInt(64);
            default -> Mutations.boundary(8, random);
        };
        int code = PeerFrame.Stream.offsetSizeCode(offset);
        flags |= code << 10;
        int length = switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> 1;
            default -> random.nextInt(random.nextBoolean() ? 64 : 900);
        };
        long parent = random.nextBoolean() ? 0 : lsid(random, context);
        byte[] usid = (flags & PeerFrame.Stream.USID) != 0 ? bytes(random, 24) : null;
        return new PeerFrame.Stream(flags, lsid(random, context), (flags & PeerFrame.Stream.INIT) != 0 ? parent : 0,
                usid, offset, bytes(random, length));
    }

    private static PeerFrame.Ack ack(Random random, Context context) {
        long largest = switch (random.nextInt(4)) {
            case 0 -> context.packetNumber() + 1 + random.nextInt(1000); // packets never sent (CHN-ACK-11)
            case 1 -> Mutations.boundary(8, random);
            default -> random.nextInt(32);
        };
        long least = random.nextBoolean() ? 0 : random.nextBoolean() ? largest + 1 : Mutations.boundary(8, random);
        List<PeerFrame.NackRange> nacks = new ArrayList<>();
        int ranges = random.nextInt(4) == 0 ? random.nextInt(20) : 0;
        for (int i = 0; i < ranges; i++) {
            nacks.add(new PeerFrame.NackRange(random.nextBoolean() ? random.nextInt(64) : Mutations.boundary(6, random),
                    (int) Mutations.boundary(2, random)));
        }
        return new PeerFrame.Ack(random.nextInt(8) == 0 ? random.nextInt(256) : 0,
                random.nextInt(8) == 0 ? random.nextInt(256) : 0, least, largest, Mutations.boundary(4, random), nacks);
    }

    private static PeerFrame.Settings settings(Random random) {
        List<PeerFrame.Setting> entries = new ArrayList<>();
        int count = random.nextInt(10);
        for (int i = 0; i < count; i++) {
            int tag = random.nextInt(4) == 0 ? (int) Mutations.boundary(2, random) : 1 + random.nextInt(9);
            int width = random.nextInt(5) == 0 ? random.nextInt(10) : PeerFrame.Setting.widthOf(tag);
            entries.add(new PeerFrame.Setting(tag, bytes(random, Math.max(0, width))));
        }
        return new PeerFrame.Settings(entries);
    }

    private static long lsid(Random random, Context context) {
        int pick = random.nextInt(10);
        if (pick < 5 && !context.liveLsids().isEmpty()) {
            return context.liveLsids().get(random.nextInt(context.liveLsids().size()));
        }
        return switch (pick) {
            case 5 -> 0;
            case 6 -> context.nextOwnLsid() + 2L * random.nextInt(4);
            case 7 -> 2 + 2L * random.nextInt(8);
            default -> Mutations.boundary(4, random);
        };
    }

    private static String text(Random random) {
        int length = random.nextInt(4) == 0 ? random.nextInt(300) : random.nextInt(12);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private static byte[] bytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    // ------------------------------------------------------------------ frames that break the grammar

    /** A frame whose bytes the grammar does not allow: lengths that disagree, cut short, unknown types. */
    static PeerFrame wrongFrame(Random random, Context context) {
        return switch (random.nextInt(7)) {
            case 0 -> {
                int width = new int[] {0, 2, 3, 4, 5, 6, 7, 8}[random.nextInt(8)];
                int flags = PeerFrame.Stream.LENGTH | (random.nextBoolean() ? PeerFrame.Stream.FIN : 0);
                byte[] data = bytes(random, random.nextInt(64));
                yield CraftedFrames.stream(flags, lsid(random, context), 0, null, width,
                        width == 0 ? 0 : Mutations.boundary(width, random), (int) Mutations.boundary(2, random), data);
            }
            case 1 -> {
                PeerFrame whole = frame(random, context);
                byte[] encoded = FrameEncoder.encode(whole);
                yield encoded.length > 1 ? CraftedFrames.truncated(whole, 1 + random.nextInt(encoded.length - 1))
                        : CraftedFrames.ofType(PeerFrame.PING, new byte[0]);
            }
            case 2 -> CraftedFrames.resetOverstatingReason(lsid(random, context), Mutations.boundary(4, random),
                    text(random).getBytes(StandardCharsets.US_ASCII), (int) Mutations.boundary(2, random));
            case 3 -> CraftedFrames.paddingOverstatingLength((int) Mutations.boundary(2, random),
                    bytes(random, random.nextInt(16)));
            case 4 -> CraftedFrames.decongestion(random.nextInt(256), bytes(random, random.nextInt(40)));
            case 5 -> CraftedFrames.closeWithoutAck(Mutations.boundary(4, random), text(random));
            default -> CraftedFrames.ofType(0x11 + random.nextInt(0xff - 0x11 + 1), bytes(random, random.nextInt(40)));
        };
    }
}
