package org.sss.tools.interop;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Prints the results of {@code sss interop} as a matrix, initiators as rows and responders as
 * columns, each cell the number of services that passed out of those run, followed by every failure.
 */
final class InteropMatrix {
    private InteropMatrix() {
    }

    static void print(List<PairResult> results, PrintWriter out) {
        Set<String> initiators = new LinkedHashSet<>();
        Set<String> responders = new LinkedHashSet<>();
        results.forEach(r -> {
            initiators.add(r.initiator());
            responders.add(r.responder());
        });
        int width = "initiator \\ responder".length();
        for (String name : initiators) {
            width = Math.max(width, name.length());
        }
        List<String> columns = new ArrayList<>(responders);
        StringBuilder header = new StringBuilder(pad("initiator \\ responder", width));
        for (String column : columns) {
            header.append(" | ").append(pad(column, cellWidth(column)));
        }
        out.println(header);
        out.println("-".repeat(header.length()));
        for (String row : initiators) {
            StringBuilder line = new StringBuilder(pad(row, width));
            for (String column : columns) {
                PairResult r = find(results, row, column);
                String cell = r.setupFailure() != null ? "error" : r.passed() + "/" + r.services().size()
                        + (r.allPassed() ? " pass" : " FAIL");
                line.append(" | ").append(pad(cell, cellWidth(column)));
            }
            out.println(line);
        }
        for (PairResult r : results) {
            for (String failure : r.failures()) {
                out.println(r.initiator() + " -> " + r.responder() + ": " + failure);
            }
        }
        out.flush();
    }

    private static int cellWidth(String column) {
        return Math.max(column.length(), "4/4 FAIL".length());
    }

    private static PairResult find(List<PairResult> results, String initiator, String responder) {
        return results.stream().filter(r -> r.initiator().equals(initiator) && r.responder().equals(responder))
                .findFirst().orElseThrow();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
