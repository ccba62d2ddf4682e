Feature: 5 Negotiation, initiator role
  The IUT as initiator (conformance/IUT.md section 2): the suite plays the responder with its own
  plain SSS responder on a loopback UDP socket and runs the IUT's connect command for a test
  service (SPEC.md Appendix A). Every packet the IUT sends is checked against the spec: cleartext
  layout and sizes, nonce counters, the INITIATE's boxes and vouch, the header's version field,
  SETTINGS first until acknowledged, the frame types INITIATE allows, truthful ACKs. The responder
  deviates on purpose where a scenario says so: it withholds answers as if they were lost, sends
  COOKIEs that must be ignored, or opens the channel with a faulty first MESSAGE.

  Background:
    # IUT.md section 2: "The suite checks that an IUT can answer 127 before it trusts any other exit code."
    Given an initiator IUT that answers 127 to a service it does not know

  @NEG-HELLO-1 @PKT-SIZE-1 @PKT-MAGIC-1 @CRY-NONCE-1 @CRY-NONCE-3 @must
  Scenario: The initiator's HELLO is 192 bytes, zero-padded, with a box that opens under R
    # NEG-HELLO-1: "An initiator MUST send a HELLO made of the HELLO magic, I', 64 zero bytes, the be64
    # counter value c, and box(0^64, "cUVVYcp-CLIENT-h" ‖ be64(c), R, i')."
    When the initiator IUT sends 2000 random bytes to echo through the suite's responder
    Then every HELLO from the initiator IUT is 192 bytes with 64 zero bytes after I' and a box of 64 zero bytes that opens under R
    And the initiator IUT printed exactly its input
    And the initiator IUT broke no rule the suite's responder checks

  @NEG-TIMER-1 @CRY-CTR-2 @CRY-CTR-3 @must
  Scenario: Without a COOKIE the initiator retransmits HELLO with new counters on the NEG-TIMER-1 schedule
    # NEG-TIMER-1: "An initiator MUST retransmit HELLO when no COOKIE has been accepted, first 500 ms after
    # the first HELLO, then after intervals that each grow by a factor of 1.5, with no interval longer than 8 s."
    # CRY-CTR-3: "A sender MUST use a new counter value for every packet it sends, retransmissions of HELLO
    # and INITIATE included."
    Given the suite's responder leaves the first 2 HELLOs unanswered
    When the initiator IUT sends 500 random bytes to echo through the suite's responder
    Then the initiator IUT sent at least 3 HELLOs under one short-term key with rising counters
    And the HELLO retransmissions of the initiator IUT follow the NEG-TIMER-1 schedule
    And the initiator IUT printed exactly its input
    And the initiator IUT broke no rule the suite's responder checks

  @NEG-TIMER-3 @NEG-TIMER-4 @NEG-COOKIE-5 @NEG-IPROC-2 @must @must-not
  Scenario: An unanswered INITIATE is retransmitted with a new counter and the same cookie, and no MESSAGE precedes the responder's
    # NEG-TIMER-4: "Each INITIATE retransmission MUST be a new packet with a new counter value and the same cookie."
    # NEG-IPROC-2: "An initiator MUST NOT send a MESSAGE on a channel before it has received from the
    # responder a MESSAGE whose box opened."
    Given the suite's responder drops the first 1 INITIATE unanswered
    When the initiator IUT sends 500 random bytes to echo through the suite's responder
    Then the initiator IUT retransmitted its INITIATE with a greater counter and the same cookie on the NEG-TIMER-3 schedule
    And the initiator IUT printed exactly its input
    And the initiator IUT broke no rule the suite's responder checks

  @NEG-TIMER-6 @CRY-KEY-1 @should @must
  Scenario: After four unanswered INITIATEs the initiator starts again at HELLO with a fresh short-term key
    # NEG-TIMER-6: "An initiator that has sent four INITIATEs without accepting a MESSAGE SHOULD erase i'
    # and restart at HELLO with a fresh short-term key pair, within the same deadline."
    # CRY-KEY-1: "... MUST generate a fresh short-term key pair (i', I') for every negotiation and MUST NOT
    # use it for any other negotiation."
    Given the suite's responder drops the first 4 INITIATEs unanswered
    When the initiator IUT sends 500 random bytes to echo through the suite's responder
    Then after its fourth INITIATE the initiator IUT sent a HELLO under a fresh short-term key
    And the initiator IUT printed exactly its input
    And the initiator IUT broke no rule the suite's responder checks

  @NEG-INITIATE-1 @NEG-INITIATE-2 @NEG-INITIATE-3 @NEG-INITIATE-4 @NEG-INITIATE-5 @PKT-SIZE-3 @CHN-PN-1 @NEG-VER-2 @must
  Scenario: The initiator's INITIATE carries a valid vouch and a message that begins with SETTINGS
    # NEG-INITIATE-2: "The vouch MUST be box(I', "cUVVYcpv" ‖ v, R, i) ..."
    # NEG-INITIATE-3: "The message in P MUST be a message plaintext (section 6.2) of M bytes whose packet
    # number is the INITIATE's counter value c."
    # NEG-INITIATE-4: "The first frame of the message in every INITIATE MUST be the initiator's SETTINGS frame."
    When the initiator IUT sends 3000 random bytes to discard through the suite's responder
    Then every INITIATE of the initiator IUT opened, with a valid vouch and a message that begins with SETTINGS and carries version 1
    And the initiator IUT printed nothing
    And the suite's responder received exactly the input on the discard stream, then FIN
    And the initiator IUT broke no rule the suite's responder checks

  @FRM-SET-1 @NEG-VER-1 @NEG-IPROC-4 @must
  Scenario: Until acknowledged, every packet of the initiator repeats SETTINGS first and the version field
    # FRM-SET-1: "... MUST repeat that frame unchanged as the first frame of every packet it sends until a
    # packet that carried it has been acknowledged."
    # NEG-VER-1: "A sender MUST include the version field in every packet it sends on a channel until it has
    # received an acknowledgement of a packet that carried it."
    # NEG-IPROC-4: "An initiator MUST stop sending INITIATE once it has accepted a MESSAGE from the responder."
    Given the suite's responder leaves the first 3 ack-eliciting packets of the initiator unacknowledged
    When the initiator IUT sends 20000 random bytes to echo through the suite's responder
    Then the initiator IUT sent at least 1 MESSAGE before the suite's responder acknowledged its SETTINGS
    And the initiator IUT printed exactly its input
    And the initiator IUT broke no rule the suite's responder checks

  @SVC-CONN-1 @SVC-GEN-1 @CHN-SEND-1 @CHN-PLAIN-1 @CHN-HDR-5 @PKT-SIZE-4 @PKT-SIZE-7 @must @must-not
  Scenario: The initiator connects to echo and its data comes back byte for byte
    # SVC-CONN-1: "An endpoint MUST connect to a service by opening a top-level stream whose first record is
    # a connect request naming the service and the protocol."
    When the initiator IUT sends 30000 random bytes to echo through the suite's responder
    Then the initiator IUT connected to echo with protocol sss-test/1 on a top-level stream
    And the suite's responder received exactly the input on the echo stream, then FIN
    And the initiator IUT printed exactly its input
    And the initiator IUT broke no rule the suite's responder checks

  @CHN-CLOSE-1 @FRM-CLOSE-1 @must
  Scenario: At the end of the exchange the initiator closes its channel with CLOSE NO_ERROR
    # CHN-CLOSE-1: "An endpoint that closes a channel MUST send a packet whose last frame is a CLOSE frame ..."
    # IUT.md section 2: "At the end it closes its channels with CLOSE (NO_ERROR, reason done)."
    When the initiator IUT sends 1000 random bytes to echo through the suite's responder
    Then the initiator IUT closed its channel with CLOSE NO_ERROR
    And the initiator IUT broke no rule the suite's responder checks

  @CHN-FLOW-5 @CHN-ACK-5 @should @must
  Scenario: The initiator takes 300000 bytes from source, more than its initial stream credit, in order
    # CHN-FLOW-5: "A receiver SHOULD raise a limit (with MAX_DATA or MAX_STREAM_DATA) when the peer has used
    # half of the credit the last advertised limit granted ..."
    # CHN-ACK-5: "An ACK frame MUST describe the receive state truthfully ..."
    When the initiator IUT asks source for 300000 bytes in records of 1000 through the suite's responder
    Then the initiator IUT printed the source pattern of 300000 bytes
    And the initiator IUT broke no rule the suite's responder checks

  @STR-DGRAM-1 @STR-DGRAM-3 @must
  Scenario: The initiator sends each line to datagram-echo as one best-effort datagram
    # STR-DGRAM-1: "A sender MUST send a best-effort datagram that fits in one frame as one STREAM frame with
    # INIT, NOACK and FIN set, offset 0 and a fresh LSID."
    When the initiator IUT sends 8 random lines to datagram-echo through the suite's responder
    Then the suite's responder received each line as a datagram in one STREAM frame with INIT, NOACK and FIN at offset 0
    And the initiator IUT printed each line once
    And the initiator IUT broke no rule the suite's responder checks

  @PKT-DEMUX-2 @must
  Scenario: A valid COOKIE from another port is ignored
    # PKT-DEMUX-2: "A receiver MUST pass a COOKIE packet only to a pending negotiation that sent a HELLO to the
    # COOKIE's source address (IP address and UDP port) ..."
    Given the suite's responder answers the first HELLO only with a valid COOKIE from another port
    When the initiator IUT sends 500 random bytes to echo through the suite's responder
    Then every INITIATE of the initiator IUT carries the cookie of the genuine COOKIE
    And the initiator IUT printed exactly its input
    And the initiator IUT broke no rule the suite's responder checks

  @NEG-COOKIE-3 @must
  Scenario: A COOKIE whose box does not open is dropped
    # NEG-COOKIE-3: "An initiator MUST open a COOKIE with box_open(…, "cUVVYcpk" ‖ n, R, i') and MUST drop it
    # with verdict BOX_OPEN_FAILED when the box does not open."
    Given the suite's responder sends a COOKIE with one bit of its box flipped before the genuine one
    When the initiator IUT sends 500 random bytes to echo through the suite's responder
    Then every INITIATE of the initiator IUT carries the cookie of the genuine COOKIE
    And the initiator IUT printed exactly its input
    And the initiator IUT broke no rule the suite's responder checks

  @NEG-COOKIE-4 @NEG-COOKIE-5 @must
  Scenario: Of two valid COOKIEs for one HELLO the initiator keeps the first
    # NEG-COOKIE-4: "An initiator MUST accept at most one COOKIE per negotiation, the first whose box opens."
    # NEG-COOKIE-5: "An initiator MUST copy the accepted cookie unchanged into every INITIATE of the negotiation."
    Given the suite's responder answers the first HELLO with two valid COOKIEs
    When the initiator IUT sends 500 random bytes to echo through the suite's responder
    Then every INITIATE of the initiator IUT carries the cookie of the first COOKIE
    And the initiator IUT printed exactly its input
    And the initiator IUT broke no rule the suite's responder checks

  @NEG-IPROC-3 @must
  Scenario: A first MESSAGE without SETTINGS makes the initiator close with PROTOCOL_VIOLATION
    # NEG-IPROC-3: "An initiator MUST close the channel with PROTOCOL_VIOLATION when the first MESSAGE it
    # accepts from the responder does not begin with a SETTINGS frame."
    Given the suite's responder opens the channel with a first MESSAGE without SETTINGS
    When the initiator IUT sends 500 random bytes to echo through the suite's responder
    Then the initiator IUT closed its channel with CLOSE PROTOCOL_VIOLATION
    And the initiator IUT reported a failure

  @NEG-VER-4 @must
  Scenario: A first MESSAGE without the version field makes the initiator close with PROTOCOL_VIOLATION
    # NEG-VER-4: "A receiver MUST close the channel with PROTOCOL_VIOLATION when the first packet it accepts on
    # the channel (... the first MESSAGE for the initiator) has no version field."
    Given the suite's responder opens the channel with a first MESSAGE without the version field
    When the initiator IUT sends 500 random bytes to echo through the suite's responder
    Then the initiator IUT closed its channel with CLOSE PROTOCOL_VIOLATION
    And the initiator IUT reported a failure

  @NEG-VER-3 @must
  Scenario: A first MESSAGE of version 2 makes the initiator close with VERSION_MISMATCH
    # NEG-VER-3: "A receiver MUST treat a version field other than 1 as verdict UNSUPPORTED_VERSION and close
    # the channel with VERSION_MISMATCH."
    Given the suite's responder opens the channel with a first MESSAGE of version 2
    When the initiator IUT sends 500 random bytes to echo through the suite's responder
    Then the initiator IUT closed its channel with CLOSE VERSION_MISMATCH
    And the initiator IUT reported a failure

  @SVC-CONN-5 @must
  Scenario: After a REFUSED reply the initiator sends no more application data on the stream and fails
    # SVC-CONN-5: "An opener that receives a reply other than OK MUST stop sending application data on the
    # stream and SHOULD reset it with SERVICE_REFUSED."
    # IUT.md section 2: exit code 1 when the "service [is] refused (the status is printed)".
    Given the suite's responder replies to every connect request with status 3
    When the initiator IUT sends 200000 random bytes to echo through the suite's responder
    Then the initiator IUT sent no application data on the echo stream once it had the reply of status 3
    And the initiator IUT reported a failure
    And the initiator IUT broke no rule the suite's responder checks

  @SVC-CONN-5 @must
  Scenario: After a SERVICE_NOT_FOUND reply the initiator sends no more application data on the stream and fails
    # SVC-CONN-5: "An opener that receives a reply other than OK MUST stop sending application data on the
    # stream and SHOULD reset it with SERVICE_REFUSED."
    Given the suite's responder replies to every connect request with status 1
    When the initiator IUT sends 200000 random bytes to discard through the suite's responder
    Then the initiator IUT sent no application data on the discard stream once it had the reply of status 1
    And the initiator IUT reported a failure
    And the initiator IUT broke no rule the suite's responder checks

  @SVC-STATUS-1 @SVC-CONN-5 @must
  Scenario: A reply status the initiator does not know (200) counts as REFUSED
    # SVC-STATUS-1: "A receiver MUST treat a status value it does not know as REFUSED."
    # So the initiator behaves as after REFUSED (SVC-CONN-5): no more application data, and it fails.
    Given the suite's responder replies to every connect request with status 200
    When the initiator IUT sends 200000 random bytes to echo through the suite's responder
    Then the initiator IUT sent no application data on the echo stream once it had the reply of status 200
    And the initiator IUT reported a failure
    And the initiator IUT broke no rule the suite's responder checks

  @CRY-CTR-1 @must
  Scenario: HELLO, INITIATE and MESSAGE boxes under i' draw from one nonce counter
    # CRY-CTR-1: "Each short-term secret key MUST have exactly one 64-bit nonce counter, used for every
    # counter nonce made with that key: i''s counter for HELLO, INITIATE and initiator MESSAGE boxes, and
    # r''s counter for responder MESSAGE boxes."
    # Lost answers make the initiator send two HELLOs and two INITIATEs before its MESSAGEs.
    Given the suite's responder leaves the first 1 HELLO unanswered
    And the suite's responder drops the first 1 INITIATE unanswered
    When the initiator IUT sends 5000 random bytes to echo through the suite's responder
    Then the initiator IUT's HELLO, INITIATE and MESSAGE counters under its short-term key form one strictly increasing sequence
    And the initiator IUT printed exactly its input
    And the initiator IUT broke no rule the suite's responder checks

  @NEG-IPROC-1 @PKT-SIZE-2 @PKT-DEMUX-2 @NEG-COOKIE-3 @must
  Scenario: COOKIEs failing steps 1 to 3 neither stop the HELLO timer nor get used; a later good COOKIE completes the handshake
    # NEG-IPROC-1: "An initiator MUST process a COOKIE in the order of steps 1 to 5 above." Steps: 1 check
    # the length, 2 find the pending negotiation by the source address, 3 open the box, 4 keep R' and the
    # cookie, 5 stop the HELLO timer and send an INITIATE at once.
    # A COOKIE 16 bytes too long (its box would open over the first 168 bytes), one whose box does not open
    # and one from another port answer the first HELLO; only the next HELLO gets a genuine COOKIE.
    Given the suite's responder answers the first HELLO only with COOKIEs to be ignored: one 16 bytes too long, one with a bit of its box flipped, one from another port
    When the initiator IUT sends 500 random bytes to echo through the suite's responder
    Then the initiator IUT kept retransmitting HELLO after the ignored COOKIEs and sent no HELLO after its first INITIATE
    And every INITIATE of the initiator IUT carries the cookie of the genuine COOKIE
    And the initiator IUT printed exactly its input
    And the initiator IUT broke no rule the suite's responder checks

  @NEG-TIMER-2 @must @slow
  Scenario: Without any answer the initiator abandons the negotiation 20 s after its first HELLO and fails
    # NEG-TIMER-2: "An initiator MUST abandon a negotiation for which no channel has been established 20 s
    # after its first HELLO was sent, erase i', and report the failure to the application."
    # Giving up earlier (an application's own timeout) is no violation; going on past the deadline is. The
    # suite allows 5 s of margin and stops the IUT after 30 s. Erasing i' cannot be observed over UDP.
    Given the suite's responder never answers a HELLO
    When the initiator IUT sends 500 random bytes to echo through the suite's responder
    Then the initiator IUT stopped sending and reported a failure by 20 s after its first HELLO, with 5 s of margin
