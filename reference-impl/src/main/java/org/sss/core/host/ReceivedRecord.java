package org.sss.core.host;

import java.util.Arrays;

/**
 * One record read from a stream (SPEC.md section 8.6).
 *
 * @param data the record's bytes
 * @param complete false for the bytes after the last record boundary that FIN ended
 */
public record ReceivedRecord(byte[] data, boolean complete) {
    /** Keeps the array as given (records are large; no defensive copy). */
    public ReceivedRecord {
        if (data == null) {
            throw new NullPointerException("data");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceivedRecord r && r.complete == complete && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + Boolean.hashCode(complete);
    }

    @Override
    public String toString() {
        return "ReceivedRecord[" + data.length + " bytes" + (complete ? "" : ", partial") + "]";
    }
}
