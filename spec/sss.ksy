meta:
  id: sss
  title: SSS (Structured Secure Streams) version 1 wire format
  application: SSS channel and stream protocol over UDP
  license: CC0-1.0
  ks-version: '0.11'
  endian: be
  bit-endian: be
doc: |
  Every UDP datagram of SSS version 1. The root type is one datagram: an
  8-byte magic followed by a body whose layout the magic selects. Boxes
  (XSalsa20-Poly1305 ciphertexts) are opaque at this level; once opened,
  their plaintexts are parsed with the `*_plaintext` types below, which can
  be instantiated on their own (they never refer to `_root`).

  All integers are unsigned and big-endian. Strings are a u2 byte length
  followed by UTF-8 without a terminator. Reserved bits are sent as zero and
  a receiver rejects them when they are not zero.
doc-ref: SPEC.md section 3 (Packets)
seq:
  - id: magic
    type: u8
    enum: magic
    valid:
      in-enum: true
    doc: Selects the packet kind; an unknown magic is dropped silently (PKT-MAGIC-2).
  - id: body
    size-eos: true
    type:
      switch-on: magic
      cases:
        'magic::hello': hello_packet
        'magic::cookie': cookie_packet
        'magic::initiate': initiate_packet
        'magic::message': message_packet
types:
  hello_packet:
    doc: |
      Sent by the initiator to open a negotiation. Exactly 192 bytes with the
      magic, so that the COOKIE answer (168 bytes) is always smaller.
    doc-ref: SPEC.md section 5.2 (HELLO)
    seq:
      - id: initiator_short_term_pk
        size: 32
        doc: I', the initiator's short-term X25519 public key.
      - id: anti_amplification_padding
        size: 64
        doc: Sent as zeros; a receiver enforces the length, not the value.
      - id: nonce_counter
        type: u8
        doc: Low half of the box nonce; prefix "cUVVYcp-CLIENT-h".
      - id: box
        size: 80
        doc: box(64 zero bytes) from i' to R; see hello_box_plaintext.
  cookie_packet:
    doc: The responder's stateless answer to a HELLO. Exactly 168 bytes with the magic.
    doc-ref: SPEC.md section 5.3 (COOKIE)
    seq:
      - id: nonce_random
        size: 16
        doc: Low part of the box nonce; prefix "cUVVYcpk".
      - id: box
        size: 144
        doc: box(R' || cookie) from r to I'; see cookie_box_plaintext.
  initiate_packet:
    doc: |
      The initiator's proof of its identity and of having seen the COOKIE.
      256 + M bytes with the magic, where M (the first MESSAGE plaintext) is a
      multiple of 16 between 16 and 976.
    doc-ref: SPEC.md section 5.4 (INITIATE)
    seq:
      - id: initiator_short_term_pk
        size: 32
        doc: I', equal to the one inside the cookie.
      - id: cookie
        type: responder_cookie
        size: 96
        doc: Copied unchanged from the COOKIE packet.
      - id: nonce_counter
        type: u8
        doc: Low half of the box nonce (prefix "cUVVYcp-CLIENT-i"); also the packet number of the carried message.
      - id: box
        size-eos: true
        doc: box(initiate_box_plaintext) from i' to R'; 112 + M bytes.
  message_packet:
    doc: |
      An encrypted packet of an established channel, in either direction.
      64 + M bytes with the magic, where M is a multiple of 16 between 16 and 1168.
    doc-ref: SPEC.md section 6 (Channel)
    seq:
      - id: sender_short_term_pk
        size: 32
        doc: I' from the initiator, R' from the responder; selects the channel.
      - id: nonce_counter
        type: u8
        doc: Low half of the box nonce ("cUVVYcp-CLIENT-m" or "cUVVYcp-SERVER-m"); the packet number.
      - id: box
        size-eos: true
        doc: box(message_plaintext); 16 + M bytes.
  responder_cookie:
    doc: Opaque to the initiator; only the responder that made it can open it.
    doc-ref: SPEC.md section 4.6 (Cookies and the minute key)
    seq:
      - id: nonce_random
        size: 16
        doc: Low part of the secretbox nonce; prefix "minute-k".
      - id: box
        size: 80
        doc: secretbox(cookie_plaintext) under the address-bound minute key.
  hello_box_plaintext:
    doc: Plaintext of the HELLO box. Carries nothing; it proves knowledge of R.
    doc-ref: SPEC.md section 5.2 (HELLO)
    seq:
      - id: zeros
        size: 64
  cookie_box_plaintext:
    doc: Plaintext of the COOKIE box.
    doc-ref: SPEC.md section 5.3 (COOKIE)
    seq:
      - id: responder_short_term_pk
        size: 32
        doc: R'.
      - id: cookie
        type: responder_cookie
        size: 96
  cookie_plaintext:
    doc: Plaintext of the cookie's secretbox; the responder keeps no other state.
    doc-ref: SPEC.md section 4.6 (Cookies and the minute key)
    seq:
      - id: initiator_short_term_pk
        size: 32
        doc: I'.
      - id: responder_short_term_sk
        size: 32
        doc: r', the responder's short-term secret key.
  initiate_box_plaintext:
    doc: Plaintext of the INITIATE box.
    doc-ref: SPEC.md section 5.4 (INITIATE)
    seq:
      - id: initiator_long_term_pk
        size: 32
        doc: I, the initiator's identity.
      - id: vouch_nonce_random
        size: 16
        doc: Low part of the vouch nonce; prefix "cUVVYcpv".
      - id: vouch
        size: 48
        doc: box(I') from i to R; see vouch_plaintext.
      - id: message
        type: message_plaintext
        size-eos: true
        doc: The first MESSAGE plaintext of the channel; it begins with SETTINGS.
  vouch_plaintext:
    doc: Plaintext of the vouch box.
    doc-ref: SPEC.md section 5.4 (INITIATE)
    seq:
      - id: initiator_short_term_pk
        size: 32
  message_plaintext:
    doc: |
      Plaintext of a MESSAGE box (and of the message inside INITIATE): a packet
      header, then frames until the end. Zero bytes at the end parse as EMPTY
      frames, which is how padding to a multiple of 16 works.
    doc-ref: SPEC.md section 6.2 (Message plaintext)
    seq:
      - id: header
        type: packet_header
      - id: frames
        type: frame
        repeat: until
        repeat-until: _.frame_type == frame_type::close or _io.eof
        doc: Frames in order; a CLOSE frame is the last one processed.
      - id: ignored_after_close
        size-eos: true
        doc: Whatever follows a CLOSE frame; receivers ignore it (FRM-CLOSE-2).
  packet_header:
    doc: First bytes of every message plaintext; 3 to 11 bytes in version 1.
    doc-ref: SPEC.md section 6.3 (Packet header)
    seq:
      - id: reserved
        type: b3
        valid: 0
        doc: Bits 0xE0 of the flags byte.
      - id: is_fec_last
        type: b1
        valid: false
        doc: Flag 0x10, FEC group parity packet; not used in version 1.
      - id: seq_size_code
        type: b2
        doc: Flags 0x0C, width of packet_number_low (0 = 2, 1 = 4, 2 = 6, 3 = 8 bytes).
      - id: has_fec_group
        type: b1
        valid: false
        doc: Flag 0x02, FEC group present; not used in version 1.
      - id: has_version
        type: b1
        doc: Flag 0x01, version field present.
      - id: version
        type: u2
        if: has_version
        valid: 1
        doc: Protocol version; 1 in this specification (anything else is UNSUPPORTED_VERSION).
      - id: packet_number_2
        type: u2
        if: seq_size_code == 0
      - id: packet_number_4
        type: u4
        if: seq_size_code == 1
      - id: packet_number_6
        type: b48
        if: seq_size_code == 2
      - id: packet_number_8
        type: u8
        if: seq_size_code == 3
    instances:
      len_packet_number:
        value: 'seq_size_code == 0 ? 2 : seq_size_code == 1 ? 4 : seq_size_code == 2 ? 6 : 8'
      packet_number_low:
        value: '(seq_size_code == 0 ? packet_number_2 : seq_size_code == 1 ? packet_number_4 : seq_size_code == 2 ? packet_number_6 : packet_number_8).as<u8>'
        doc: Low bits of the packet number, which is the nonce counter of the enclosing box.
  frame:
    doc: A type byte followed by a body whose layout the type fixes. No length prefix.
    doc-ref: SPEC.md section 7 (Frames)
    seq:
      - id: frame_type
        type: u1
        enum: frame_type
        valid:
          in-enum: true
        doc: An unknown type is a FRAME_ENCODING_ERROR (FRM-GEN-3).
      - id: body
        type:
          switch-on: frame_type
          cases:
            'frame_type::stream': stream_frame
            'frame_type::ack': ack_frame
            'frame_type::padding': padding_frame
            'frame_type::decongestion': decongestion_frame
            'frame_type::detach': detach_frame
            'frame_type::reset': reset_frame
            'frame_type::close': close_frame
            'frame_type::settings': settings_frame
            'frame_type::priority': priority_frame
            'frame_type::max_data': max_data_frame
            'frame_type::max_stream_data': max_stream_data_frame
            'frame_type::blocked': blocked_frame
            'frame_type::goaway': goaway_frame
            'frame_type::path_challenge': path_challenge_frame
            'frame_type::path_response': path_response_frame
  stream_frame:
    doc: |
      Stream data; with INIT it also opens (or, with USID, attaches) the stream.
      Without has_length the data runs to the end of the plaintext, so such a
      frame is the last of its packet.
    doc-ref: SPEC.md section 7.2 (STREAM)
    seq:
      - id: is_noack
        type: b1
        doc: Flag 0x8000, best effort; never acknowledged or retransmitted.
      - id: is_init
        type: b1
        doc: Flag 0x4000, opens the stream; parent_lsid present.
      - id: has_usid
        type: b1
        valid:
          expr: not _ or is_init
        doc: Flag 0x2000, attaches an existing stream; requires INIT.
      - id: offset_size_code
        type: b3
        doc: Flags 0x1C00, width of offset; see instance len_offset.
      - id: has_length
        type: b1
        doc: Flag 0x0200, len_data present.
      - id: is_fin
        type: b1
        doc: Flag 0x0100, the last data of this direction.
      - id: reserved
        type: b7
        valid: 0
        doc: Flags 0x00FE.
      - id: is_record_end
        type: b1
        doc: Flag 0x0001, the last byte of data ends an application record.
      - id: lsid
        type: u4
        valid:
          min: 1
        doc: The stream's local ID on this channel; never 0.
      - id: parent_lsid
        type: u4
        if: is_init
        doc: The parent's LSID (0 = the root stream); 0 and ignored when attaching.
      - id: usid
        type: usid
        if: has_usid
      - id: offset_2
        type: u2
        if: offset_size_code == 1
      - id: offset_3
        type: b24
        if: offset_size_code == 2
      - id: offset_4
        type: u4
        if: offset_size_code == 3
      - id: offset_5
        type: b40
        if: offset_size_code == 4
      - id: offset_6
        type: b48
        if: offset_size_code == 5
      - id: offset_7
        type: b56
        if: offset_size_code == 6
      - id: offset_8
        type: u8
        if: offset_size_code == 7
      - id: len_data
        type: u2
        if: has_length
      - id: data
        size: 'has_length ? len_data : _io.size - _io.pos'
    instances:
      len_offset:
        value: 'offset_size_code == 0 ? 0 : offset_size_code + 1'
        doc: Width of the offset field in bytes (0, 2, 3, 4, 5, 6, 7 or 8).
      offset:
        value: >-
          (offset_size_code == 0 ? 0 :
          offset_size_code == 1 ? offset_2 :
          offset_size_code == 2 ? offset_3 :
          offset_size_code == 3 ? offset_4 :
          offset_size_code == 4 ? offset_5 :
          offset_size_code == 5 ? offset_6 :
          offset_size_code == 6 ? offset_7 : offset_8).as<u8>
        doc: Stream byte offset of the first data byte; absent means 0.
  usid:
    doc: Unique stream ID, permanent across channels.
    doc-ref: SPEC.md section 8.2 (Stream identifiers)
    seq:
      - id: channel_id
        size: 16
        doc: ID of the channel on which the stream was created.
      - id: creation_lsid
        type: u8
        doc: The LSID the stream had on that channel.
  ack_frame:
    doc: Acknowledges packets by listing the missing ones below Largest Observed.
    doc-ref: SPEC.md section 7.3 (ACK)
    seq:
      - id: sent_entropy
        type: u1
        doc: Sent as 0 and ignored in version 1.
      - id: received_entropy
        type: u1
        doc: Sent as 0 and ignored in version 1.
      - id: num_nack_ranges
        type: u1
      - id: least_unacked
        type: u8
      - id: largest_observed
        type: u8
      - id: ack_delay_us
        type: u4
        doc: Microseconds from receiving largest_observed to sending this ACK.
      - id: nack_ranges
        type: nack_range
        repeat: expr
        repeat-expr: num_nack_ranges
        doc: In decreasing packet-number order.
  nack_range:
    doc-ref: SPEC.md section 7.3 (ACK)
    seq:
      - id: first_missing_low
        type: b48
        doc: Low 48 bits of the lowest missing packet number of the run.
      - id: run_length
        type: u2
        valid:
          min: 1
        doc: Number of consecutive missing packets.
  padding_frame:
    doc: Ignored filler of exactly len_padding bytes.
    doc-ref: SPEC.md section 7.4 (PADDING)
    seq:
      - id: len_padding
        type: u2
      - id: padding
        size: len_padding
  decongestion_frame:
    doc: Congestion feedback from a receiver; the sender's CC may use it.
    doc-ref: SPEC.md section 7.5 (DECONGESTION)
    seq:
      - id: subtype
        type: u1
        enum: congestion_feedback
        valid:
          in-enum: true
      - id: feedback
        type:
          switch-on: subtype
          cases:
            'congestion_feedback::cubic': cubic_feedback
            'congestion_feedback::chicago': chicago_feedback
            'congestion_feedback::ledbat': ledbat_feedback
            'congestion_feedback::inter_arrival': inter_arrival_feedback
  cubic_feedback:
    doc-ref: SPEC.md section 7.5 (DECONGESTION)
    seq:
      - id: lost_packets
        type: u2
        doc: Packets the receiver has seen missing over the channel's life, modulo 2^16.
      - id: receive_queue_kib
        type: u2
        doc: Free space of the receiver's packet queue, in KiB (advisory).
  chicago_feedback:
    doc-ref: SPEC.md section 7.5 (DECONGESTION)
    seq:
      - id: rtt_high_us
        type: u4
      - id: rtt_low_us
        type: u4
      - id: rtt_average_us
        type: u4
      - id: rtt_mean_deviation_us
        type: u4
  ledbat_feedback:
    doc-ref: SPEC.md section 7.5 (DECONGESTION)
    seq:
      - id: num_samples
        type: u1
        valid:
          min: 1
      - id: samples
        type: receive_timestamp
        repeat: expr
        repeat-expr: num_samples
  receive_timestamp:
    doc-ref: SPEC.md section 7.5 (DECONGESTION)
    seq:
      - id: packet_number_low
        type: b48
      - id: received_us
        type: u8
        doc: Receive time in microseconds since the channel was established at the reporter.
  inter_arrival_feedback:
    doc-ref: SPEC.md section 7.5 (DECONGESTION)
    seq:
      - id: lost_packets
        type: u2
      - id: num_received
        type: u1
        valid:
          min: 1
      - id: first_packet_number_low
        type: b48
      - id: first_received_us
        type: u8
      - id: deltas
        type: inter_arrival_delta
        repeat: expr
        repeat-expr: num_received - 1
  inter_arrival_delta:
    doc-ref: SPEC.md section 7.5 (DECONGESTION)
    seq:
      - id: packet_number_delta
        type: u2
      - id: time_delta_us
        type: u4
  detach_frame:
    doc: The sender stops sending on this LSID on this channel.
    doc-ref: SPEC.md section 7.6 (DETACH)
    seq:
      - id: lsid
        type: u4
  reset_frame:
    doc: Aborts a stream in both directions.
    doc-ref: SPEC.md section 7.7 (RESET)
    seq:
      - id: lsid
        type: u4
      - id: error_code
        type: u4
        doc: See enum error_code; values from 0x10000 up belong to applications, so any value is accepted.
      - id: reason
        type: utf8_string
  close_frame:
    doc: Closes the whole channel at once; the last frame of its packet.
    doc-ref: SPEC.md section 7.8 (CLOSE)
    seq:
      - id: error_code
        type: u4
        doc: See enum error_code; values from 0x10000 up belong to applications, so any value is accepted.
      - id: reason
        type: utf8_string
      - id: ack_type
        type: u1
        valid: 2
        doc: The final ACK is a complete ACK frame, type byte included.
      - id: final_ack
        type: ack_frame
  settings_frame:
    doc: The sender's own limits and preferences; sent once, as the first frame.
    doc-ref: SPEC.md section 7.9 (SETTINGS)
    seq:
      - id: num_settings
        type: u2
      - id: settings
        type: setting
        repeat: expr
        repeat-expr: num_settings
  setting:
    doc-ref: SPEC.md section 7.9 (SETTINGS)
    seq:
      - id: tag
        type: u2
        doc: See enum settings_tag; a receiver skips tags it does not know.
      - id: len_value
        type: u2
        valid:
          expr: >-
            (tag != settings_tag::fec.to_i or _ == 1) and
            (tag != settings_tag::congestion_feedback.to_i or _ == 2) and
            (tag != settings_tag::initial_max_data.to_i or _ == 8) and
            (tag != settings_tag::initial_max_stream_data.to_i or _ == 8) and
            (tag != settings_tag::max_concurrent_peer_streams.to_i or _ == 4) and
            (tag != settings_tag::idle_timeout_ms.to_i or _ == 4) and
            (tag != settings_tag::max_plaintext.to_i or _ == 2) and
            (tag != settings_tag::max_ack_delay_ms.to_i or _ == 2)
        doc: A known tag with any other length is SETTINGS_BAD_VALUE.
      - id: value
        size: len_value
        type:
          switch-on: tag
          cases:
            1: u1
            2: u2
            3: u8
            4: u8
            5: u4
            6: u4
            7: u2
            8: u2
  priority_frame:
    doc: Changes a stream's priority; 0 is the highest.
    doc-ref: SPEC.md section 7.10 (PRIORITY)
    seq:
      - id: lsid
        type: u4
      - id: priority
        type: u4
  max_data_frame:
    doc: Raises the channel-wide flow-control limit.
    doc-ref: SPEC.md section 7.11 (MAX_DATA)
    seq:
      - id: max_data
        type: u8
  max_stream_data_frame:
    doc: Raises one stream's flow-control limit.
    doc-ref: SPEC.md section 7.12 (MAX_STREAM_DATA)
    seq:
      - id: lsid
        type: u4
      - id: max_stream_data
        type: u8
  blocked_frame:
    doc: The sender has data it cannot send because of a flow-control limit.
    doc-ref: SPEC.md section 7.13 (BLOCKED)
    seq:
      - id: lsid
        type: u4
        doc: 0 means the channel-wide limit.
      - id: limit
        type: u8
  goaway_frame:
    doc: Graceful close; no new peer streams after last_peer_lsid.
    doc-ref: SPEC.md section 7.14 (GOAWAY)
    seq:
      - id: last_peer_lsid
        type: u4
      - id: error_code
        type: u4
        doc: See enum error_code; values from 0x10000 up belong to applications, so any value is accepted.
      - id: reason
        type: utf8_string
  path_challenge_frame:
    doc-ref: SPEC.md section 7.16 (PATH_CHALLENGE and PATH_RESPONSE)
    seq:
      - id: data
        size: 8
  path_response_frame:
    doc-ref: SPEC.md section 7.16 (PATH_CHALLENGE and PATH_RESPONSE)
    seq:
      - id: data
        size: 8
  utf8_string:
    doc: A u2 byte length, then that many bytes of UTF-8, no terminator.
    doc-ref: SPEC.md section 2.2 (Encoding)
    seq:
      - id: len_value
        type: u2
      - id: value
        type: str
        size: len_value
        encoding: UTF-8
  service_message:
    doc: |
      A service-request message: one record on a stream. The connect request
      is the first record of a new top-level stream; list requests go on a
      child of the root that is closed after the reply.
    doc-ref: SPEC.md section 9 (Service requests)
    seq:
      - id: kind
        type: u1
        enum: service_message_kind
        valid:
          in-enum: true
      - id: operation
        type: u1
        enum: service_operation
        valid:
          in-enum: true
      - id: body
        type:
          switch-on: kind
          cases:
            'service_message_kind::request': service_request
            'service_message_kind::reply': service_reply
  service_request:
    doc-ref: SPEC.md section 9 (Service requests)
    seq:
      - id: body
        type:
          switch-on: _parent.operation
          cases:
            'service_operation::connect': connect_request
            'service_operation::list_services': list_services_request
            'service_operation::list_protocols': list_protocols_request
  service_reply:
    doc-ref: SPEC.md section 9 (Service requests)
    seq:
      - id: body
        type:
          switch-on: _parent.operation
          cases:
            'service_operation::connect': connect_reply
            'service_operation::list_services': list_services_reply
            'service_operation::list_protocols': list_protocols_reply
  connect_request:
    doc-ref: SPEC.md section 9.2 (Connect)
    seq:
      - id: service
        type: utf8_string
      - id: protocol
        type: utf8_string
  connect_reply:
    doc-ref: SPEC.md section 9.2 (Connect)
    seq:
      - id: status
        type: u4
        doc: See enum service_status; an unknown status counts as refused.
      - id: message
        type: utf8_string
  list_services_request:
    doc-ref: SPEC.md section 9.3 (Listing services and protocols)
    seq: []
  list_services_reply:
    doc-ref: SPEC.md section 9.3 (Listing services and protocols)
    seq:
      - id: status
        type: u4
        doc: See enum service_status; an unknown status counts as refused.
      - id: num_entries
        type: u4
        if: status == service_status::ok.to_i
      - id: entries
        type: service_entry
        repeat: expr
        repeat-expr: num_entries
        if: status == service_status::ok.to_i
      - id: message
        type: utf8_string
        if: status != service_status::ok.to_i
  list_protocols_request:
    doc-ref: SPEC.md section 9.3 (Listing services and protocols)
    seq:
      - id: service
        type: utf8_string
  list_protocols_reply:
    doc-ref: SPEC.md section 9.3 (Listing services and protocols)
    seq:
      - id: status
        type: u4
        doc: See enum service_status; an unknown status counts as refused.
      - id: service
        type: utf8_string
        if: status == service_status::ok.to_i
      - id: num_entries
        type: u4
        if: status == service_status::ok.to_i
      - id: entries
        type: service_entry
        repeat: expr
        repeat-expr: num_entries
        if: status == service_status::ok.to_i
      - id: message
        type: utf8_string
        if: status != service_status::ok.to_i
  service_entry:
    doc-ref: SPEC.md section 9.3 (Listing services and protocols)
    seq:
      - id: name
        type: utf8_string
      - id: description
        type: utf8_string
enums:
  magic:
    0x71564e7135784c68:
      id: hello
      doc: ASCII "qVNq5xLh"
    0x726c33416e6d786b:
      id: cookie
      doc: ASCII "rl3Anmxk"
    0x71564e7135784c69:
      id: initiate
      doc: ASCII "qVNq5xLi"
    0x726c337135784c6d:
      id: message
      doc: ASCII "rl3q5xLm"
  frame_type:
    0: empty
    1: stream
    2: ack
    3: padding
    4: decongestion
    5: detach
    6: reset
    7: close
    8: settings
    9: priority
    10: max_data
    11: max_stream_data
    12: blocked
    13: goaway
    14: ping
    15: path_challenge
    16: path_response
  congestion_feedback:
    1: cubic
    2: chicago
    3: ledbat
    4: inter_arrival
  settings_tag:
    1: fec
    2: congestion_feedback
    3: initial_max_data
    4: initial_max_stream_data
    5: max_concurrent_peer_streams
    6: idle_timeout_ms
    7: max_plaintext
    8: max_ack_delay_ms
  error_code:
    0: no_error
    1: internal_error
    2: protocol_violation
    3: frame_encoding_error
    4: flow_control_error
    5: stream_limit_error
    6: stream_state_error
    7: final_size_error
    8: settings_error
    9: version_mismatch
    10: idle_timeout
    11: channel_replaced
    12: unknown_stream
    13: refused_stream
    14: cancelled
    15: service_refused
  service_message_kind:
    1: request
    2: reply
  service_operation:
    1: connect
    2: list_services
    3: list_protocols
  service_status:
    0: ok
    1: service_not_found
    2: protocol_not_found
    3: refused
    4: busy
