package org.sss.tools.bench;

import java.util.List;

/** A plain-text table as the benchmark commands print it: columns padded, a rule under the header. */
public final class ConsoleTable {
    private ConsoleTable() {
    }

    /**
     * The rows, the first one the header, cells separated by {@code " | "} and padded to their
     * column's widest cell; each line ends with a newline. A row shorter than the header (a failure's
     * message) spans the columns it leaves out and widens none but the first.
     */
    public static String render(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            int measuredColumns = row.length == widths.length ? row.length : 1;
            for (int column = 0; column < measuredColumns; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length; column++) {
                line.append(column > 0 ? " | " : "").append(row[column])
                        .append(" ".repeat(Math.max(0, widths[column] - row[column].length())));
            }
            table.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                for (int column = 0; column < widths.length; column++) {
                    table.append(column > 0 ? "-+-" : "").append("-".repeat(widths[column]));
                }
                table.append('\n');
            }
        }
        return table.toString();
    }
}
