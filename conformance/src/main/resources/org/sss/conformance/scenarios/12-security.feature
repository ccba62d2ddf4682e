Feature: 12 Security considerations
  What a passive observer of the IUT's datagrams must never see (SPEC.md section 12). The packet
  checker searches every datagram the IUT sends for both long-term keys and for the channel ID.

  # SEC-ID-1: "An implementation MUST NOT send a long-term public key outside a box."
  # CRY-KDF-3: "An endpoint MUST NOT send a channel ID or a USID outside a box."
  @SEC-ID-1 @CRY-KDF-3 @must-not
  Scenario: Neither long-term key nor the channel ID travels in the clear, even when the data holds them
    Given a tester peer with a channel to the IUT
    And the peer connects to service "echo" with protocol "sss-test/1"
    When the peer sends a record made of both long-term keys and the channel ID, then FIN
    Then the IUT echoes every byte at the offset at which it was received
    And every packet the IUT sent obeys SEC-ID-1 and CRY-KDF-3

  @SEC-ID-1 @must-not
  Scenario: Two channels from one tester identity reveal no long-term key
    Given a tester peer with a channel to the IUT
    When a second tester peer with the same identity negotiates a channel with the IUT
    Then every packet the IUT sent obeys SEC-ID-1 and CRY-KDF-3
