package org.sss.tools.dissect;

import java.util.ArrayList;
import java.util.List;

/** Bytes as a hex dump for people, as {@code tshark -x} prints them: offset, 16 bytes in hex, ASCII. */
final class HexDump {
    private static final int ROW = 16;

    private HexDump() {
    }

    /** The lines of the dump of {@code bytes}. */
    static List<String> lines(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += ROW) {
            StringBuilder hex = new StringBuilder();
            StringBuilder ascii = new StringBuilder();
            for (int i = at; i < at + ROW; i++) {
                if (i == at + ROW / 2) {
                    hex.append(' ');
                }
                if (i < bytes.length) {
                    int b = bytes[i] & 0xff;
                    hex.append(String.format("%02x ", b));
                    ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    hex.append("   ");
                }
            }
            lines.add(String.format("%04x  %s %s", at, hex, ascii));
        }
        return lines;
    }
}
