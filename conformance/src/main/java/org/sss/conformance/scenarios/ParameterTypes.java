package org.sss.conformance.scenarios;

import io.cucumber.java.ParameterType;
import java.util.Arrays;
import java.util.List;
import org.sss.spec.kaitai.Sss;

/** The domain values the scenarios name in their steps. */
public class ParameterTypes {
    /** An error code of SPEC.md section 11, by name. */
    @ParameterType("NO_ERROR|INTERNAL_ERROR|PROTOCOL_VIOLATION|FRAME_ENCODING_ERROR|FLOW_CONTROL_ERROR"
            + "|STREAM_LIMIT_ERROR|STREAM_STATE_ERROR|FINAL_SIZE_ERROR|SETTINGS_ERROR|VERSION_MISMATCH"
            + "|IDLE_TIMEOUT|CHANNEL_REPLACED|UNKNOWN_STREAM|REFUSED_STREAM|CANCELLED|SERVICE_REFUSED")
    public ErrorCode errorCode(String name) {
        return ErrorCode.valueOf(name);
    }

    /** A service status of SPEC.md section 9.4, by name. */
    @ParameterType("OK|SERVICE_NOT_FOUND|PROTOCOL_NOT_FOUND|REFUSED|BUSY")
    public Sss.ServiceStatus status(String name) {
        return Sss.ServiceStatus.valueOf(name);
    }

    /** A list of sizes written {@code 5, 1200, 3000}. */
    @ParameterType("\\d+(?:, \\d+)*")
    public List<Integer> sizes(String list) {
        return Arrays.stream(list.split(", ")).map(Integer::valueOf).toList();
    }
}
