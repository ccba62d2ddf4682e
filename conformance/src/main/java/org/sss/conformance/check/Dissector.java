package org.sss.conformance.check;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.wire.FrameDecoder;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextDecoder;
import org.sss.spec.kaitai.Sss;

/**
 * Splits a plaintext into header and frames with the Kaitai parser, one frame at a time so that each
 * frame's offset and bytes are known and a fault is pinned to the frame it is in, and writes a
 * datagram as text, one field or frame per line, for violation reports: the outer fields of the
 * packet, then (when its box opened) the decrypted header and frames.
 */
public final class Dissector {
    private static final int HEX_SHOWN = 48;
    private static final int RECORD_SHOWN = 240;

    private Dissector() {
    }

    /** Reads {@code plaintext} as header and frames, stopping at the first fault or after a CLOSE frame. */
    public static Dissection dissect(byte[] plaintext) {
        ByteBufferKaitaiStream io = new ByteBufferKaitaiStream(plaintext);
        PacketHeader header;
        try {
            header = PlaintextDecoder.header(new Sss.PacketHeader(io));
        } catch (RuntimeException e) {
            return new Dissection(plaintext, null, List.of(), new Dissection.Fault(0, true, describe(e)), new byte[0]);
        }
        List<Dissection.Slice> frames = new ArrayList<>();
        Dissection.Fault fault = null;
        byte[] afterClose = new byte[0];
        while (!io.isEof()) {
            int start = (int) io.pos();
            try {
                Sss.Frame frame = new Sss.Frame(io);
                int end = (int) io.pos();
                frames.add(new Dissection.Slice(start, Arrays.copyOfRange(plaintext, start, end),
                        FrameDecoder.fromKaitai(frame)));
                if (frame.frameType() == Sss.FrameType.CLOSE) {
                    afterClose = Arrays.copyOfRange(plaintext, end, plaintext.length);
                    break;
                }
            } catch (RuntimeException e) {
                fault = new Dissection.Fault(start, false, describe(e));
                break;
            }
        }
        if (fault == null && frames.isEmpty()) {
            fault = new Dissection.Fault(plaintext.length, false, "no frame after the header");
        }
        return new Dissection(plaintext, header, frames, fault, afterClose);
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * The datagram as text: direction, time, length and outer fields, then the dissection when there is
     * one.
     *
     * @param datagram the logged datagram
     * @param dissection its plaintext's dissection, or null when its box was not opened
     */
    public static String describe(LoggedDatagram datagram, Dissection dissection) {
        byte[] b = datagram.bytes();
        List<String> lines = new ArrayList<>();
        lines.add(datagram.direction() + " " + datagram.wallClock() + " " + (datagram.direction()
                == LoggedDatagram.Direction.RECEIVED ? "from " : "to ") + datagram.remote() + ", " + b.length
                + " bytes");
        Magic magic = Magic.of(b);
        lines.add(field("magic", b.length < 8 ? "(datagram shorter than 8 bytes)"
                : Hex.of(Arrays.copyOf(b, 8)) + " (" + (magic == null ? "unknown" : magic) + ")"));
        if (magic == Magic.MESSAGE && b.length >= 48) {
            lines.add(field("sender key", Hex.of(Arrays.copyOfRange(b, 8, 40))));
            lines.add(field("counter", Long.toUnsignedString(counter(b, 40))));
            lines.add(field("box", (b.length - 48) + " bytes (16-byte tag and M = " + (b.length - 64) + ")"));
        } else if (magic == Magic.COOKIE && b.length >= 24) {
            lines.add(field("nonce", Hex.of(Arrays.copyOfRange(b, 8, 24))));
            lines.add(field("box", (b.length - 24) + " bytes"));
        } else if (magic == Magic.HELLO && b.length >= 112) {
            lines.add(field("I'", Hex.of(Arrays.copyOfRange(b, 8, 40))));
            lines.add(field("counter", Long.toUnsignedString(counter(b, 104))));
            lines.add(field("box", (b.length - 112) + " bytes"));
        } else if (magic == Magic.INITIATE && b.length >= 144) {
            lines.add(field("I'", Hex.of(Arrays.copyOfRange(b, 8, 40))));
            lines.add(field("cookie", Hex.of(Arrays.copyOfRange(b, 40, 136))));
            lines.add(field("counter", Long.toUnsignedString(counter(b, 136))));
            lines.add(field("box", (b.length - 144) + " bytes (M = " + (b.length - 256) + ")"));
        }
        if (dissection != null) {
            lines.addAll(plaintextLines(dissection));
        }
        return String.join("\n", lines);
    }

    /** The decrypted part: header, frames (runs of EMPTY frames as one line), fault, bytes after CLOSE. */
    static List<String> plaintextLines(Dissection d) {
        List<String> lines = new ArrayList<>();
        lines.add(field("plaintext", d.plaintext().length + " bytes"));
        PacketHeader h = d.header();
        if (h != null) {
            lines.add(field("header", String.format("flags 0x%02x (%s, packet number width %d)%s, packet number %s",
                    h.flags(), h.hasVersion() ? "version present" : "no version", h.packetNumberWidth(),
                    h.hasVersion() ? ", version " + h.version() : "", Long.toUnsignedString(h.packetNumberLow()))));
        }
        List<Dissection.Slice> frames = d.frames();
        for (int i = 0; i < frames.size(); i++) {
            Dissection.Slice s = frames.get(i);
            if (s.frame() instanceof PeerFrame.Empty) {
                int run = 1;
                while (i + run < frames.size() && frames.get(i + run).frame() instanceof PeerFrame.Empty) {
                    run++;
                }
                lines.add(field("@" + s.offset(), "EMPTY x " + run));
                i += run - 1;
                continue;
            }
            lines.add(field("@" + s.offset(), name(s.frame().type()) + " " + shortHex(s.bytes()) + "  "
                    + shorten(s.frame().toString())));
        }
        if (d.fault() != null) {
            lines.add(field("fault @" + d.fault().offset(), (d.fault().inHeader() ? "header: " : "frame: ")
                    + d.fault().message() + "; bytes from there: "
                    + shortHex(Arrays.copyOfRange(d.plaintext(), Math.min(d.fault().offset(), d.plaintext().length),
                            d.plaintext().length))));
        }
        if (d.afterClose().length > 0) {
            lines.add(field("after CLOSE", shortHex(d.afterClose())));
        }
        return lines;
    }

    /** The frame type's name in SPEC.md 7.0, or its hex value. */
    public static String name(int type) {
        String[] names = {"EMPTY", "STREAM", "ACK", "PADDING", "DECONGESTION", "DETACH", "RESET", "CLOSE",
            "SETTINGS", "PRIORITY", "MAX_DATA", "MAX_STREAM_DATA", "BLOCKED", "GOAWAY", "PING", "PATH_CHALLENGE",
            "PATH_RESPONSE"};
        return type >= 0 && type < names.length ? names[type] : String.format("type 0x%02x", type);
    }

    private static String field(String name, String value) {
        return String.format("  %-12s %s", name, value);
    }

    private static String shortHex(byte[] b) {
        return b.length <= HEX_SHOWN ? Hex.of(b)
                : Hex.of(Arrays.copyOf(b, HEX_SHOWN)) + "… (" + b.length + " bytes)";
    }

    private static String shorten(String s) {
        return s.length() <= RECORD_SHOWN ? s : s.substring(0, RECORD_SHOWN) + "…";
    }

    /** The big-endian u64 at {@code offset}. */
    static long counter(byte[] b, int offset) {
        long c = 0;
        for (int i = offset; i < offset + 8; i++) {
            c = c << 8 | (b[i] & 0xff);
        }
        return c;
    }
}
