Feature: B Captured packets replayed to a live implementation
  Packets an attacker captured and sends again must buy him nothing (SPEC.md sections 4.6, 5.5, 6.4 and 12). Each
  scenario first records a live session of a tester peer with the IUT, writes it as a pcap file and reads it back
  (the path a capture from the wire takes), then replays chosen packets of it from a replaying socket: a fresh
  one, or one bound to the peer's own address once the peer's socket is closed. The corpus's attack captures
  (pcaps/replayed-*.pcap, amplification*.pcap, malformed*.pcap, attack*.pcap) are replayed as they are, sent to
  the IUT whatever their captured destination.

  @NEG-COOKIE-1 @NEG-COOKIE-2 @NEG-RPROC-2 @CRY-KEY-2 @CRY-COOKIE-5 @must @must-not
  Scenario Outline: A captured HELLO replayed from <socket> draws one fresh COOKIE and nothing else
    # NEG-COOKIE-1: "A responder MUST answer each HELLO that it accepts with one COOKIE"; CRY-KEY-2: "a fresh
    # short-term key pair (r', R') for every COOKIE"; CRY-COOKIE-5: n "16 fresh random bytes". NEG-RPROC-2: "A
    # responder MUST NOT keep any state about a HELLO after it has sent the COOKIE"; what a black box shows of
    # that state is a second COOKIE, or any other packet, for the same HELLO (NEG-COOKIE-2).
    Given a recorded live session of a tester peer with the IUT: an echo round trip of 100 random bytes
    And the peer ends the session with a CLOSE
    And the recorded session is written to a pcap file and read back
    When the captured HELLO is replayed to the IUT from <socket>
    Then the IUT answers it with exactly one COOKIE, whose R' and cookie differ from the captured COOKIE's
    And the IUT sends nothing more to the replaying socket, not even a retransmitted COOKIE

    Examples:
      | socket              |
      | a fresh socket      |
      | the original socket |

  @CRY-COOKIE-7 @NEG-RPROC-3 @NEG-ERR-1 @must @must-not @negative
  Scenario: A captured INITIATE of a closed session, replayed while its cookie still opens, creates no channel
    # CRY-COOKIE-7: "A responder MUST remember each cookie that created a channel ... for 120 s after the
    # INITIATE that carried it was accepted"; NEG-RPROC-3 step 5 drops it (COOKIE_REPLAYED). The replay comes from
    # the captured address and port, younger than one rotation period, so the cookie itself would still open.
    Given a recorded live session of a tester peer with the IUT: an echo round trip of 100 random bytes
    And the peer makes the IUT close the channel with a MESSAGE whose header has a reserved bit set
    And the peer waits until the IUT no longer answers on the channel
    And the recorded session is written to a pcap file and read back
    When the captured INITIATE is replayed to the IUT from the original socket, while its cookie is still within its lifetime
    Then nothing comes back to the replaying socket
    And a MESSAGE sealed for the old channel, with a PING, draws no answer either: no channel was created

  @CRY-COOKIE-3 @CRY-COOKIE-6 @NEG-ERR-1 @must @must-not @negative
  Scenario: A captured INITIATE of a closed session, replayed after two minute-key rotations, creates no channel
    # CRY-COOKIE-3: "A responder MUST erase a minute key 120 s after it became current, and MUST NOT open any
    # cookie with it afterwards"; CRY-COOKIE-6 drops the INITIATE (COOKIE_INVALID). Run on the IUT's
    # minute-key-rotation timer hook P (IUT.md): the replay comes more than 2P after the captured COOKIE.
    Given a recorded live session of a tester peer with the IUT: an echo round trip of 100 random bytes
    And the peer makes the IUT close the channel with a MESSAGE whose header has a reserved bit set
    And the peer waits until the IUT no longer answers on the channel
    And the recorded session is written to a pcap file and read back
    When the captured INITIATE is replayed to the IUT from the original socket, after the minute key rotated twice
    Then nothing comes back to the replaying socket
    And a MESSAGE sealed for the old channel, with a PING, draws no answer either: no channel was created

  @CHN-REPLAY-1 @CHN-REPLAY-2 @CHN-RECV-2 @must @must-not @negative
  Scenario: Captured MESSAGEs replayed into a live channel are ignored and do not disturb it
    # CHN-REPLAY-2: "A receiver MUST drop, with verdict PACKET_REPLAYED and before opening the box, a packet whose
    # number ... has already been accepted." Every replayed MESSAGE was accepted once: none may be acknowledged
    # again (CHN-RECV-2), the echo request must not be served again, and the channel must carry on.
    Given a recorded live session of a tester peer with the IUT: an echo round trip of 300 random bytes
    And the recorded session is written to a pcap file and read back
    When the MESSAGEs the peer sent in the capture are replayed to the IUT from a fresh socket, timing preserved
    Then nothing comes back to the replaying socket
    And the IUT sends no packet on the channel after the replay: the replayed MESSAGEs are neither acknowledged nor served
    And the channel still works: echo returns a record of 200 random bytes

  @NEG-DOS-3 @NEG-COOKIE-2 @must @must-not @negative
  Scenario: The attack captures of the corpus, replayed with timing compressed, leave the IUT serving
    # NEG-DOS-3: "A responder MUST NOT send anything but COOKIE to an address before it has accepted an INITIATE
    # from that address": a replayed INITIATE carries a cookie bound to another address and an old minute key.
    # NEG-COOKIE-2: at most one COOKIE per HELLO. Each capture is replayed from its own fresh socket (every
    # datagram not sent by the capture's responder, all of them when it has none), ten times faster than
    # recorded; a fresh handshake and echo round trip follow each.
    When each attack capture of the corpus is replayed to the IUT from a fresh socket, timing compressed, followed by a liveness check
    Then the IUT sent nothing but COOKIEs to the replaying sockets, at most one per HELLO, and kept serving after each
