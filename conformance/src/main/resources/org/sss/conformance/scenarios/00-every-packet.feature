Feature: 0 Every packet the IUT sends obeys the spec
  The packet checker (org.sss.conformance.check) judges every datagram the IUT sends to a tester peer,
  after every scenario of the suite, against each sender-side requirement that one datagram or the
  logged exchange in both directions lets an observer decide; a violation fails the scenario with the
  requirement ID, the packet in hex and its dissection. The scenarios here make the IUT send many
  kinds of packets and assert named requirements. A requirement the exchange gave nothing to judge
  makes its scenario inconclusive, never a pass. A scenario elsewhere whose exchange makes one rule's
  reading of the log unsound skips that rule with the tag @unchecked-<ID> and says why.

  Scenario Outline: Handshake, echo and an idle channel: every packet obeys <requirements>
    Given a tester peer with a channel to the IUT
    And the peer connects to service "echo" with protocol "sss-test/1"
    When the peer sends records of 10, 700, 2000 random bytes, then FIN
    Then the IUT echoes every byte at the offset at which it was received
    When the channel stays idle for 100 ms
    Then every packet the IUT sent obeys <requirements>

    # PKT-MAGIC-1: "A sender MUST begin every packet with the magic of its kind from the table above, in the byte order shown."
    # PKT-MAGIC-4: "An endpoint MUST NOT send a packet with the reserved INITIATE_MESSAGE magic qVNq5xLo."
    @PKT-MAGIC-1 @PKT-MAGIC-4 @must @must-not
    Examples: magics
      | requirements             |
      | PKT-MAGIC-1, PKT-MAGIC-4 |

    # PKT-SIZE-2: "A COOKIE packet MUST be exactly 168 bytes long."
    # PKT-SIZE-4: "A MESSAGE packet MUST be 64 + M bytes long, where M is a multiple of 16 with 16 <= M <= 1168."
    # PKT-SIZE-7: "A sender MUST NOT send a UDP payload longer than 1232 bytes."
    @PKT-SIZE-2 @PKT-SIZE-4 @PKT-SIZE-7 @must @must-not
    Examples: sizes
      | requirements                         |
      | PKT-SIZE-2, PKT-SIZE-4 and PKT-SIZE-7 |

    # CHN-SEND-1: "A sender MUST build each MESSAGE as the MESSAGE magic, its own short-term public key, be64(c)
    # and box(plaintext, prefix || be64(c), peer', own') ..."
    # CRY-NONCE-1: "A sender MUST build the nonce of each box from the prefix of its row in the table above,
    # followed by its compressed nonce."
    @CHN-SEND-1 @CRY-NONCE-1 @must
    Examples: boxes
      | requirements            |
      | CHN-SEND-1, CRY-NONCE-1 |

    # CHN-HDR-5: "The packet number field MUST equal the low 16, 32, 48 or 64 bits (per ss) of the nonce counter ..."
    # CRY-NONCE-3: "A sender MUST encode a counter compressed nonce as be64 of the counter value."
    # PKT-ENC-1: "Every multi-byte integer field MUST be encoded big-endian (network byte order) and unsigned."
    @CHN-HDR-5 @CRY-NONCE-3 @PKT-ENC-1 @must
    Examples: packet numbers
      | requirements                          |
      | CHN-HDR-5, CRY-NONCE-3 and PKT-ENC-1 |

    # CRY-CTR-3: "A sender MUST use a new counter value for every packet it sends ..."
    # CHN-PN-2: "A sender MUST NOT reuse a packet number in a direction of a channel ..."
    @CRY-CTR-3 @CHN-PN-2 @must @must-not
    Examples: counters
      | requirements        |
      | CRY-CTR-3, CHN-PN-2 |

    # CHN-PLAIN-1: "A sender MUST make every message plaintext a packet header followed by one or more frames,
    # with a total length M that is a multiple of 16 and within the range of section 3.3."
    # FRM-GEN-1: "A sender MUST encode each frame as its type byte followed by its body as laid out in this
    # section, and MUST NOT let a frame extend beyond the end of its plaintext."
    # FRM-GEN-5: "A sender MUST NOT send a frame type that this specification does not define."
    # FRM-STREAM-1: "A sender MUST NOT set USID without INIT ..."
    @CHN-PLAIN-1 @FRM-GEN-1 @FRM-GEN-5 @FRM-STREAM-1 @must @must-not
    Examples: plaintexts
      | requirements                                         |
      | CHN-PLAIN-1, FRM-GEN-1, FRM-GEN-5 and FRM-STREAM-1 |

    # PKT-ENC-4: "A sender MUST set every reserved bit and reserved field to zero."
    # CHN-HDR-3: "A sender MUST NOT set the g (0x02) or f (0x10) bits ..."
    # NEG-VER-2: "A sender implementing this specification MUST set the version field to 1."
    @PKT-ENC-4 @CHN-HDR-3 @NEG-VER-2 @must @must-not
    Examples: header bits
      | requirements                        |
      | PKT-ENC-4, CHN-HDR-3 and NEG-VER-2 |

    # FRM-SET-2: "A sender MUST list entries in strictly ascending tag order ..."
    # FRM-SET-1: "Each endpoint MUST declare its settings in exactly one SETTINGS frame per channel, the first
    # frame of the first packet it sends on the channel, and MUST repeat that frame unchanged ..."
    @FRM-SET-1 @FRM-SET-2 @must
    Examples: settings
      | requirements         |
      | FRM-SET-1, FRM-SET-2 |

    # FRM-ACK-1: "A sender MUST set sent_entropy and received_entropy to 0 ..."
    # CHN-ACK-5: "An ACK frame MUST describe the receive state truthfully: every packet number from
    # least_unacked to largest_observed that is not inside a NACK range MUST have been received."
    @FRM-ACK-1 @CHN-ACK-5 @must
    Examples: acknowledgements
      | requirements         |
      | FRM-ACK-1, CHN-ACK-5 |

    # NEG-DOS-3: "A responder MUST NOT send anything but COOKIE to an address before it has accepted an
    # INITIATE from that address."
    # NEG-COOKIE-2: "A responder MUST NOT send more than one COOKIE in answer to one HELLO ..."
    @NEG-DOS-3 @NEG-COOKIE-2 @must-not
    Examples: before the channel
      | requirements            |
      | NEG-DOS-3, NEG-COOKIE-2 |

    # STR-ROOT-1: "An endpoint MUST NOT send a STREAM, RESET, DETACH, PRIORITY or MAX_STREAM_DATA frame that
    # names LSID 0."
    @STR-ROOT-1 @must-not
    Examples: the root stream
      | requirements |
      | STR-ROOT-1   |

  # CHN-FLOW-1: "A sender MUST NOT send stream data beyond the stream's limit ..."
  # CHN-FLOW-2: "A sender MUST NOT send stream data that would bring the channel-wide data above the channel limit ..."
  # STR-FIN-1: "A sender MUST NOT send data beyond the final size of a direction, and MUST NOT send a FIN with a
  # different final size once it has sent one."
  # FRM-MAXSD-3: "A sender MUST NOT send a MAX_STREAM_DATA value greater than 2^62 - 1."
  @CHN-FLOW-1 @CHN-FLOW-2 @STR-FIN-1 @FRM-MAXSD-3 @must @must-not
  Scenario: A bulk echo of 300 KB keeps within every limit and one final size
    Given a tester peer with a channel to the IUT
    And the peer connects to service "echo" with protocol "sss-test/1"
    When the peer streams 300000 random bytes on the stream as the IUT's credit allows, then FIN
    Then the IUT echoes every byte at the offset at which it was received
    And every packet the IUT sent obeys CHN-FLOW-1, CHN-FLOW-2, STR-FIN-1 and FRM-MAXSD-3

  # FRM-MAXD-1: "A sender MUST NOT send a MAX_DATA value greater than 2^62 - 1."
  # CHN-ACK-4: "A receiver MUST NOT send a packet whose only purpose is to acknowledge packets that contained no
  # ack-eliciting frame." (Judged on every ACK-only packet of the IUT: when it arrives, at least one ack-eliciting
  # packet of the tester must still have been unacknowledged.)
  @FRM-MAXD-1 @FRM-MAXSD-3 @CHN-ACK-4 @must-not
  Scenario: While 700 KB are discarded the IUT's credit updates stay below 2^62 and it acknowledges only what needs it
    Given a tester peer with a channel to the IUT
    And the peer connects to service "discard" with protocol "sss-test/1"
    When the peer streams 700000 random bytes on the stream as the IUT's credit allows, then FIN
    Then the IUT sends no data after the reply record, and FIN with no data
    And every packet the IUT sent obeys FRM-MAXD-1, FRM-MAXSD-3 and CHN-ACK-4

  # FRM-STREAM-9: "A sender MUST set RECORD on a frame exactly when the frame's last data byte ends a record ..."
  # STR-LIFE-1: "An endpoint MUST NOT send a STREAM frame on a stream whose sending side is in DataRecvd, ResetSent or
  # ResetRecvd, except to retransmit data that is still unacknowledged in DataSent."
  @FRM-STREAM-9 @STR-FIN-1 @CHN-FLOW-1 @STR-LIFE-1 @must @must-not
  Scenario: Forty substreams each echo one record with RECORD and FIN where they belong
    Given a tester peer with a channel to the IUT
    And the peer connects to service "echo" with protocol "sss-test/1"
    When the peer opens 40 substreams under the stream, each carrying a record of 700 random bytes and FIN
    Then the IUT echoes every substream's record on the substream itself
    And every packet the IUT sent obeys FRM-STREAM-9, STR-FIN-1, CHN-FLOW-1 and STR-LIFE-1

  @FRM-STREAM-9 @STR-FIN-1 @must @must-not
  Scenario: Records of many sizes come back with RECORD exactly at their ends
    Given a tester peer with a channel to the IUT
    And the peer connects to service "echo" with protocol "sss-test/1"
    When the peer sends records of 1, 2, 15, 16, 17, 255, 1000, 1100, 1150, 1200, 2400, 4096, 9000 random bytes, then FIN
    Then the IUT places a record boundary at every offset at which the sent data has one, and nowhere else
    And every packet the IUT sent obeys FRM-STREAM-9 and STR-FIN-1

  # STR-DGRAM-1: "A sender MUST send a best-effort datagram that fits in one frame as one STREAM frame with INIT,
  # NOACK and FIN set, offset 0 and a fresh LSID."
  # STR-DGRAM-2: "... as several STREAM frames of one fresh LSID, each with INIT and NOACK set, the same parent, and
  # its offset, with FIN on the frame that ends the message."
  # STR-DGRAM-3: "A sender MUST set NOACK on every frame of a stream or on none of them."
  # STR-DGRAM-6: "A sender MUST send a datagram in reliable mode ... when it needs more than 16 fragments ..."
  # STR-PRIO-5: "... an endpoint MUST NOT send a STREAM frame of a child before it has sent an INIT frame of the
  # child's parent (or received one, when the peer opened the parent)."
  # STR-ID-1: "The endpoint that opens or attaches a stream on a channel MUST choose its LSID there: an odd number
  # if it is the channel's initiator, an even number if it is the responder."
  # STR-OPEN-2: "An endpoint MUST set INIT, with the same parent, on every STREAM frame of a stream it opened until
  # a packet carrying one of those frames has been acknowledged."
  # STR-ID-2: "The LSIDs an endpoint chooses on a channel MUST rise strictly, and an endpoint MUST NOT choose an LSID it
  # has used before on that channel, whatever became of the stream."
  @STR-DGRAM-1 @STR-DGRAM-2 @STR-DGRAM-3 @STR-DGRAM-6 @STR-PRIO-5 @STR-ID-1 @STR-ID-2 @STR-OPEN-2 @must @must-not
  Scenario: Datagrams of 0 to 20000 bytes come back as well-formed datagrams
    Given a tester peer with a channel to the IUT
    And the peer connects to service "datagram-echo" with protocol "sss-test/1"
    When the peer sends datagrams of 0, 1, 100, 1000, 1001, 2500, 5000, 10000, 15000, 17000, 20000 random bytes under the stream
    Then the IUT echoes each of them as a new datagram under the stream
    And every packet the IUT sent obeys STR-DGRAM-1, STR-DGRAM-2, STR-DGRAM-3, STR-DGRAM-6, STR-PRIO-5, STR-ID-1, STR-ID-2 and STR-OPEN-2

  # PKT-SIZE-9: "A sender MUST NOT send a MESSAGE whose M exceeds the peer's MAX_PLAINTEXT setting (section 7.9),
  # rounded down to a multiple of 16."
  @PKT-SIZE-9 @CHN-FLOW-1 @CHN-FLOW-2 @must-not
  Scenario: source keeps within a tester's small windows and small plaintexts
    Given a tester peer declaring INITIAL_MAX_STREAM_DATA 3000, INITIAL_MAX_DATA 5000 and MAX_PLAINTEXT 400
    And the peer connects to service "source" with protocol "sss-test/1"
    When the peer sends the source command for 60000 bytes in records of 1000 bytes
    Then the IUT sends exactly 60000 bytes where the byte at offset i is i mod 251, then FIN at 60000
    And every packet the IUT sent obeys PKT-SIZE-9, CHN-FLOW-1 and CHN-FLOW-2

  # STR-DATA-3: "A sender MUST send the same bytes whenever it sends data at a given stream offset,
  # retransmissions included."
  @STR-DATA-3 @CRY-CTR-3 @CHN-PN-2 @FRM-STREAM-9 @must @must-not
  Scenario: Retransmissions after losses repeat the same bytes, with the same RECORD flags, in new packets
    Given a tester peer whose link from the IUT loses 15% of the datagrams
    And the peer connects to service "echo" with protocol "sss-test/1"
    When the peer sends records of 3000, 9000, 20000, 5000, 15000 random bytes, then FIN
    Then the IUT echoes every byte at the offset at which it was received
    And every packet the IUT sent obeys STR-DATA-3, CRY-CTR-3, CHN-PN-2 and FRM-STREAM-9

  # STR-REC-2: "A sender that splits or merges data differently on retransmission MUST keep every record boundary at
  # its original offset."
  @STR-REC-2 @STR-DATA-3 @FRM-STREAM-9 @must
  Scenario: Many records echoed over a lossy link keep their boundaries in every retransmission
    Given a tester peer whose link from the IUT loses 20% of the datagrams
    And the peer connects to service "echo" with protocol "sss-test/1"
    When the peer sends records of 1, 700, 1100, 40, 2500, 17, 1150, 900, 5000, 3, 1500, 64, 3000, 600, 9000, 1200 random bytes, then FIN
    Then the IUT echoes every byte at the offset at which it was received
    And the IUT places a record boundary at every offset at which the sent data has one, and nowhere else
    And every packet the IUT sent obeys STR-REC-2, STR-DATA-3 and FRM-STREAM-9

  # FRM-STREAM-10: "A sender MUST NOT retransmit the data of a STREAM frame that had NOACK set."
  @FRM-STREAM-10 @STR-DGRAM-3 @must-not
  Scenario: Best-effort datagrams lost on the way are not retransmitted
    Given a tester peer whose link from the IUT loses 25% of the datagrams
    And the peer connects to service "datagram-echo" with protocol "sss-test/1"
    When the peer sends datagrams of 300, 2500, 40, 900, 1200, 3000, 10, 700, 1500, 2200 random bytes under the stream
    And the channel stays idle for 300 ms
    Then every packet the IUT sent obeys FRM-STREAM-10 and STR-DGRAM-3

  # NEG-VER-1: "A sender MUST include the version field in every packet it sends on a channel until it has
  # received an acknowledgement of a packet that carried it."
  @NEG-VER-1 @FRM-SET-1 @must
  Scenario: Until the tester acknowledges, every packet carries the version and the SETTINGS frame first
    Given a tester peer that acknowledges nothing
    When the channel stays idle for 2000 ms
    And the peer acknowledges everything from now on
    And the channel stays idle for 100 ms
    Then every packet the IUT sent obeys NEG-VER-1 and FRM-SET-1

  # PKT-ENC-2: "A sender MUST encode every string as well-formed UTF-8 [RFC3629] with no terminating zero byte."
  # FRM-ERR-1: "An endpoint MUST NOT send an error code in the reserved range 0x10 to 0xFFFF."
  # FRM-CLOSE-1: "A sender MUST make CLOSE the last frame of its packet, apart from trailing zero bytes."
  # CHN-CLOSE-2: "An endpoint in the closing state MUST NOT send any frame other than CLOSE ..., MUST answer a packet
  # that it accepts with a new packet carrying the same error code and reason ..."
  @PKT-ENC-2 @FRM-ERR-1 @FRM-CLOSE-1 @CHN-CLOSE-2 @must @must-not @negative
  Scenario: The IUT's CLOSE and its closing state are well formed
    Given a tester peer with a channel to the IUT
    When the peer sends a STREAM frame with LSID 0 carrying a record of 40 bytes
    And after the IUT's CLOSE the peer sends a PING and listens for 300 ms
    Then every packet the IUT sent obeys PKT-ENC-2, FRM-ERR-1, FRM-CLOSE-1 and CHN-CLOSE-2

  @PKT-ENC-2 @FRM-ERR-1 @STR-ROOT-1 @must @must-not @negative
  Scenario: The IUT's RESET carries a defined code and a UTF-8 reason
    Given a tester peer with a channel to the IUT
    And the peer connects to service "source" with protocol "sss-test/1"
    When the peer sends a command record of 11 bytes
    Then the IUT resets the stream with PROTOCOL_VIOLATION
    And every packet the IUT sent obeys PKT-ENC-2, FRM-ERR-1 and STR-ROOT-1

  # FRM-RESET-1: "A sender MUST NOT send STREAM frames for a stream after it has sent or received a RESET for it."
  @FRM-RESET-1 @STR-LIFE-1 @must-not
  Scenario: After acknowledging the tester's RESET the IUT sends nothing more on the stream
    Given a tester peer with a channel to the IUT
    And the peer connects to service "echo" with protocol "sss-test/1"
    When the peer sends 150000 random bytes on the stream without FIN, then resets it with CANCELLED and listens for 1500 ms
    Then every packet the IUT sent obeys FRM-RESET-1 and STR-LIFE-1

  # CHN-PLAIN-3: "A sender MUST place any padding that a packet needs before a final STREAM frame that has no
  # length field." The requirement is conditional: an IUT that always sends the length field never has such a
  # frame to pad before, and passes leniently, saying so.
  @CHN-PLAIN-3 @must
  Scenario: Padding goes before a final STREAM frame without a length field, if the IUT sends one
    Given a tester peer with a channel to the IUT
    And the peer connects to service "echo" with protocol "sss-test/1"
    When the peer sends records of 10, 700, 2000 random bytes, then FIN
    Then the IUT echoes every byte at the offset at which it was received
    And every packet the IUT sent obeys CHN-PLAIN-3 wherever it sent a STREAM frame without a length field
