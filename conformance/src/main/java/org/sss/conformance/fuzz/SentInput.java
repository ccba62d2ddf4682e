package org.sss.conformance.fuzz;

/**
 * What one input became when it was sent.
 *
 * @param input the input
 * @param label what the generator made of it
 * @param datagram the UDP payload sent
 * @param plaintext the MESSAGE plaintext before sealing (post-handshake stage), else null
 */
public record SentInput(FuzzInput input, String label, byte[] datagram, byte[] plaintext) {
}
