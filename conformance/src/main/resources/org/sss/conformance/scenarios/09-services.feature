Feature: 9 Service requests
  Connect and list requests on top-level streams (SPEC.md section 9).

  Background:
    Given a tester peer with a channel to the IUT

  @SVC-CONN-3 @TST-GEN-1 @must
  Scenario Outline: Every test service accepts sss-test/1
    # TST-GEN-1: the IUT "MUST reply OK to a connect request for any of them"
    When the peer connects to service "<service>" with protocol "sss-test/1"
    Then the IUT replies with status OK

    Examples:
      | service       |
      | echo          |
      | discard       |
      | source        |
      | datagram-echo |

  @SVC-CONN-4 @must
  Scenario: An unknown service is refused with SERVICE_NOT_FOUND and FIN
    When the peer connects to service "no-such-service" with protocol "sss-test/1"
    Then the IUT replies with status SERVICE_NOT_FOUND
    # SVC-CONN-4: "After a reply other than OK, the acceptor MUST send FIN right after the reply record"
    And the IUT sends FIN right after the reply record

  @SVC-STATUS-2 @SVC-CONN-4 @must
  Scenario: A known service with an unknown protocol is refused with PROTOCOL_NOT_FOUND
    # SVC-STATUS-2: "An acceptor MUST reply PROTOCOL_NOT_FOUND, not SERVICE_NOT_FOUND, when it offers the
    # service but not the protocol."
    When the peer connects to service "echo" with protocol "sss-test/999"
    Then the IUT replies with status PROTOCOL_NOT_FOUND
    And the IUT sends FIN right after the reply record

  @SVC-LIST-2 @SVC-LIST-4 @TST-GEN-2 @must
  Scenario: The IUT lists the four test services in byte order of name
    When the peer lists the services
    # SVC-LIST-2: "An acceptor MUST answer a list request with one reply record followed by FIN."
    Then the IUT answers with one reply record followed by FIN
    # TST-GEN-2: the four services "with the descriptions in the table above"
    # SVC-LIST-4: "An acceptor MUST list entries in ascending byte order of name"
    And the services listed are, in ascending byte order of name:
      | datagram-echo | echoes each datagram as a new datagram     |
      | discard       | reads and discards everything              |
      | echo          | echoes bytes, records and substreams       |
      | source        | sends a requested amount of patterned data |

  @TST-GEN-2 @SVC-LIST-2 @must
  Scenario Outline: Each test service lists sss-test/1 among its protocols
    When the peer lists the protocols of service "<service>"
    Then the protocols listed for "<service>" include "sss-test/1"

    Examples:
      | service       |
      | echo          |
      | discard       |
      | source        |
      | datagram-echo |

  @SVC-LIST-3 @must
  Scenario: Listing the protocols of an unknown service answers SERVICE_NOT_FOUND
    # SVC-LIST-3: "An acceptor MUST answer a list-protocols request for a service it does not offer with
    # status SERVICE_NOT_FOUND."
    When the peer lists the protocols of service "no-such-service"
    Then the list reply has status SERVICE_NOT_FOUND

  @SVC-GEN-5 @SVC-GEN-6 @SVC-GEN-3 @SVC-GEN-4 @must @must-not @negative
  Scenario Outline: A malformed first record is answered by a RESET with PROTOCOL_VIOLATION, not a CLOSE: <case>
    # SVC-GEN-5: "A receiver MUST treat as verdict SERVICE_MESSAGE_MALFORMED a first record that exceeds 1024
    # bytes ..., has an unknown kind or operation, has the wrong kind for its direction, ... does not
    # parse, has bytes after its body, holds a string that is not well-formed UTF-8 or a name outside
    # SVC-GEN-4, or is cut short by FIN."
    # SVC-GEN-6: "A receiver MUST answer a SERVICE_MESSAGE_MALFORMED verdict by resetting the stream with
    # PROTOCOL_VIOLATION, and MUST NOT close the channel for it."
    When the peer opens a top-level stream whose first record is <case>
    Then the IUT resets that stream with PROTOCOL_VIOLATION
    And the channel still works: echo returns a record of 64 random bytes

    Examples:
      | case                                                      |
      | a connect request to echo padded to 1025 bytes            |
      | a message of unknown kind 3                               |
      | a request of unknown operation 9                          |
      | a connect reply, the wrong kind for the opener            |
      | a connect request to echo with one byte after its body    |
      | a connect request whose service name is not UTF-8         |
      | a connect request with an empty service name              |
      | a connect request with a protocol name of 256 bytes       |
      | a connect request whose protocol string is cut off        |
      | a list-services request with one byte after its body      |
      | a connect request to echo cut short by FIN                |

  @SVC-GEN-4 @SVC-CONN-3 @SVC-STATUS-2 @must
  Scenario Outline: Service and protocol names are compared byte for byte: "<service>" "<protocol>"
    # SVC-GEN-4: "... names MUST be compared byte for byte."
    When the peer connects to service "<service>" with protocol "<protocol>"
    Then the IUT replies with status <status>

    Examples:
      | service | protocol    | status             |
      | Echo    | sss-test/1  | SERVICE_NOT_FOUND  |
      | echo    | SSS-TEST/1  | PROTOCOL_NOT_FOUND |
      | DISCARD | sss-test/1  | SERVICE_NOT_FOUND  |

  @SVC-CONN-4 @must
  Scenario: After a refusal the acceptor discards the application data sent with the request
    # SVC-CONN-4: "After a reply other than OK, the acceptor MUST send FIN right after the reply record and
    # MUST discard any application data received on the stream."
    When the peer connects to service "no-such-service" with protocol "sss-test/1" and sends a record of 500 random bytes and FIN at once
    Then the IUT replies with status SERVICE_NOT_FOUND
    And the IUT sends FIN right after the reply record
    And the IUT sent nothing on that stream but the reply

  @SVC-GEN-2 @SVC-GEN-3 @must
  Scenario Outline: The IUT's first record on the peer's stream is a well-formed reply with the request's operation: <request>
    # SVC-GEN-2: "The first record an endpoint sends on a top-level stream that its peer opened MUST be the
    # reply to that stream's request, with the request's operation."
    # SVC-GEN-3: "A service message MUST be exactly one record of at most 1024 bytes, with no bytes after its body."
    When the peer sends <request> on a new top-level stream
    Then the IUT's first record there is a reply of operation "<operation>", of at most 1024 bytes, that parses with nothing after its body

    Examples:
      | request                                 | operation      |
      | a connect request to echo               | connect        |
      | a connect request to a missing service  | connect        |
      | a list-services request                 | list services  |
      | a list-protocols request for source     | list protocols |
