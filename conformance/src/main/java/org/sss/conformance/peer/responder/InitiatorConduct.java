package org.sss.conformance.peer.responder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.wire.DecodedPlaintext;
import org.sss.conformance.peer.wire.FrameEncoder;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Everything the responder tester peer checks in what the initiator IUT sends, collected as
 * {@link Violation}s: the cleartext rules of {@link WireRules}, and in every plaintext it opens the
 * header (CHN-PN-1, CHN-HDR-5, NEG-VER-1, NEG-VER-2), SETTINGS first and unchanged until acknowledged
 * (FRM-SET-1, NEG-INITIATE-4), the frame types INITIATE allows (NEG-INITIATE-5), CLOSE last
 * (FRM-CLOSE-1), truthful ACKs (CHN-ACK-5), error codes outside the reserved range (FRM-ERR-1) and
 * INIT on every best-effort frame of a stream the initiator opened (odd LSID, STR-ID-1; STR-DGRAM-1,
 * STR-DGRAM-2).
 */
final class InitiatorConduct {
    /** Frame types section 7.0 allows in INITIATE. */
    private static final Set<Integer> IN_INITIATE = Set.of(PeerFrame.EMPTY, PeerFrame.STREAM, PeerFrame.PADDING,
            PeerFrame.RESET, PeerFrame.SETTINGS, PeerFrame.PRIORITY, PeerFrame.MAX_DATA, PeerFrame.MAX_STREAM_DATA,
            PeerFrame.BLOCKED, PeerFrame.PING);

    /**
     * What the channel knows when a plaintext arrives.
     *
     * @param settingsRequired no ACK of a packet that carried the initiator's SETTINGS was sent yet
     * @param versionRequired no ACK of a packet that carried the version field was sent yet
     * @param firstSettings the encoded SETTINGS frame the initiator sent first, or null
     * @param largestSent the largest packet number the responder sent on the channel (0 for none)
     */
    record State(boolean settingsRequired, boolean versionRequired, byte[] firstSettings, long largestSent) {
    }

    private final WireRules wire = new WireRules();
    private final List<Violation> violations = new ArrayList<>();

    void datagram(LoggedDatagram d) {
        violations.addAll(wire.fromInitiator(d));
    }

    void add(String requirement, String problem, LoggedDatagram d, byte[] plaintext) {
        violations.add(new Violation(requirement, problem, d, plaintext));
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    /**
     * Checks one opened plaintext.
     *
     * @param decoded the parsed plaintext, or null when it did not parse ({@code parseError} says why)
     * @param inInitiate whether it is the message of an INITIATE
     */
    void plaintext(LoggedDatagram d, long packetNumber, byte[] plaintext, DecodedPlaintext decoded, String parseError,
            boolean inInitiate, State state) {
        if (decoded == null) {
            add(inInitiate ? "NEG-INITIATE-3" : "CHN-PLAIN-1", "the plaintext must be a packet header and well-formed"
                    + " frames; the Kaitai parser rejects it: " + parseError, d, plaintext);
            return;
        }
        PacketHeader h = decoded.header();
        if (h.packetNumberLow() != new PacketHeader(h.flags(), 0, packetNumber).packetNumberLow()) {
            add(inInitiate ? "NEG-INITIATE-3" : "CHN-HDR-5", "the header's packet number must be the low bits of the"
                    + " nonce counter " + packetNumber + "; it is " + h.packetNumberLow(), d, plaintext);
        }
        if (h.hasVersion() && h.version() != PacketHeader.VERSION_1) {
            add("NEG-VER-2", "the version field must be 1, not " + h.version(), d, plaintext);
        } else if (!h.hasVersion() && (inInitiate || state.versionRequired())) {
            add("NEG-VER-1", "the version field must be present until a packet carrying it is acknowledged; no such"
                    + " ACK was sent yet", d, plaintext);
        }
        List<PeerFrame> frames = decoded.frames();
        boolean settingsFirst = !frames.isEmpty() && frames.get(0) instanceof PeerFrame.Settings;
        if (inInitiate && !settingsFirst) {
            add("NEG-INITIATE-4", "the first frame of the INITIATE's message must be SETTINGS; frames: " + types(frames),
                    d, plaintext);
        } else if (!settingsFirst && state.settingsRequired()) {
            add("FRM-SET-1", "SETTINGS must be the first frame of every packet until one carrying it is acknowledged;"
                    + " no such ACK was sent yet; frames: " + types(frames), d, plaintext);
        }
        if (settingsFirst && state.firstSettings() != null
                && !Arrays.equals(FrameEncoder.encode(frames.get(0)), state.firstSettings())) {
            add("FRM-SET-1", "the SETTINGS frame must be repeated unchanged; it differs from the first one", d,
                    plaintext);
        }
        for (int i = 0; i < frames.size(); i++) {
            frame(d, plaintext, frames.get(i), i, inInitiate, state);
        }
        byte[] after = decoded.ignoredAfterClose();
        for (byte b : after) {
            if (b != 0) {
                add("FRM-CLOSE-1", "CLOSE must be the last frame apart from trailing zero bytes; " + after.length
                        + " bytes follow it, not all zero", d, plaintext);
                break;
            }
        }
    }

    private void frame(LoggedDatagram d, byte[] plaintext, PeerFrame f, int index, boolean inInitiate, State state) {
        if (inInitiate && !IN_INITIATE.contains(f.type())) {
            add("NEG-INITIATE-5", "frame type 0x" + Integer.toHexString(f.type()) + " is not allowed in INITIATE", d,
                    plaintext);
        }
        if (f instanceof PeerFrame.Settings && index > 0) {
            add("FRM-SET-1", "SETTINGS is only ever the first frame of a packet; here it is frame " + index, d,
                    plaintext);
        } else if (f instanceof PeerFrame.Ack a) {
            ack(d, plaintext, a, state);
        } else if (f instanceof PeerFrame.Close c) {
            ack(d, plaintext, c.finalAck(), state);
            errorCode(d, plaintext, c.errorCode(), "CLOSE");
        } else if (f instanceof PeerFrame.Reset r) {
            errorCode(d, plaintext, r.errorCode(), "RESET");
        } else if (f instanceof PeerFrame.Stream s && s.lsid() % 2 == 1 && s.has(PeerFrame.Stream.NOACK)
                && !s.has(PeerFrame.Stream.INIT)) {
            add("STR-DGRAM-2", "every frame of a best-effort datagram carries INIT and NOACK; LSID " + s.lsid()
                    + " has a NOACK frame without INIT", d, plaintext);
        }
    }

    private void ack(LoggedDatagram d, byte[] plaintext, PeerFrame.Ack a, State state) {
        if (Long.compareUnsigned(a.largestObserved(), state.largestSent()) > 0
                || Long.compareUnsigned(a.leastUnacked(), a.largestObserved()) > 0) {
            add("CHN-ACK-5", "an ACK describes the receive state truthfully; it reports packets "
                    + Long.toUnsignedString(a.leastUnacked()) + " to " + Long.toUnsignedString(a.largestObserved())
                    + " but the responder sent none above " + state.largestSent(), d, plaintext);
        }
    }

    private void errorCode(LoggedDatagram d, byte[] plaintext, long code, String frame) {
        if (code >= 0x10 && code <= 0xFFFF) {
            add("FRM-ERR-1", frame + " carries error code 0x" + Long.toHexString(code) + " of the reserved range", d,
                    plaintext);
        }
    }

    private static List<String> types(List<PeerFrame> frames) {
        return frames.stream().map(f -> f.getClass().getSimpleName()).toList();
    }
}
