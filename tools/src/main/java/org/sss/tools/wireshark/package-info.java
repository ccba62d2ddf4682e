/**
 * The Wireshark Lua dissector {@code tools/wireshark/sss.lua}, generated from {@code spec/sss.ksy}
 * (packet kinds, outer fields, magic values) and {@code spec/SPEC.md} (length rules and the
 * requirement IDs its expert info cites). It decodes the outer packets only; boxes stay opaque.
 */
package org.sss.tools.wireshark;
