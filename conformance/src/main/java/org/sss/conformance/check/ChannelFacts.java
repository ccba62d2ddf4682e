package org.sss.conformance.check;

import java.util.List;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * What the checker must know about a channel besides its datagrams: the keys that open both
 * directions' boxes and the long-term keys that must never travel in the clear (SEC-ID-1), and what
 * the tester peer declared in its INITIATE (the IUT's limits come from there: PKT-SIZE-9, CHN-FLOW-1,
 * CHN-FLOW-2), since the checker cannot open the INITIATE box without {@code i'}.
 *
 * @param iutLongTermKey R, the IUT's long-term public key
 * @param testerLongTermKey I, the tester peer's long-term public key
 * @param channelKey K
 * @param initiatorShortTermKey I' (the tester peer's)
 * @param responderShortTermKey R' (the IUT's)
 * @param testerSettings the SETTINGS frame the tester peer declared
 * @param testerInitiateFrames the frames after SETTINGS in the tester peer's INITIATEs
 */
public record ChannelFacts(byte[] iutLongTermKey, byte[] testerLongTermKey, byte[] channelKey,
        byte[] initiatorShortTermKey, byte[] responderShortTermKey, PeerFrame.Settings testerSettings,
        List<PeerFrame> testerInitiateFrames) {
    /** Copies the arrays and the list. */
    public ChannelFacts {
        iutLongTermKey = iutLongTermKey.clone();
        testerLongTermKey = testerLongTermKey.clone();
        channelKey = channelKey.clone();
        initiatorShortTermKey = initiatorShortTermKey.clone();
        responderShortTermKey = responderShortTermKey.clone();
        testerInitiateFrames = List.copyOf(testerInitiateFrames);
    }

    /** The facts of a tester peer's channel to the IUT whose long-term key is {@code iutLongTermKey}. */
    public static ChannelFacts of(TesterPeer peer, byte[] iutLongTermKey) {
        var options = peer.sameIdentityOptions();
        return new ChannelFacts(iutLongTermKey, peer.identityPublicKey(), peer.boxes().channelKey(),
                peer.shortTermPublicKey(), peer.responderShortTermPublicKey(), options.settings(),
                options.initiateFrames());
    }

    @Override
    public byte[] iutLongTermKey() {
        return iutLongTermKey.clone();
    }

    @Override
    public byte[] testerLongTermKey() {
        return testerLongTermKey.clone();
    }

    @Override
    public byte[] channelKey() {
        return channelKey.clone();
    }

    @Override
    public byte[] initiatorShortTermKey() {
        return initiatorShortTermKey.clone();
    }

    @Override
    public byte[] responderShortTermKey() {
        return responderShortTermKey.clone();
    }
}
