package io.tailguard.sources.csv;

import io.tailguard.sources.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small comma-separated file with a header line: blank lines and lines starting with {@code #} are skipped,
 * fields are trimmed, no quoting. Every error names the file, the line and the column.
 */
final class CsvTable {
    private final Path file;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();

    record Row(CsvTable table, int line, String[] fields) {
        String text(String column) {
            return fields[table.columns.get(column)];
        }

        LocalDate date(String column) {
            try {
                return LocalDate.parse(text(column));
            } catch (DateTimeParseException e) {
                throw table.error(line, column + " '" + text(column) + "' is not a date (YYYY-MM-DD)");
            }
        }

        double number(String column) {
            try {
                double value = Double.parseDouble(text(column));
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw table.error(line, column + " '" + text(column) + "' is not a number");
            }
        }

        double probability(String column) {
            double value = number(column);
            if (value < 0 || value > 1) {
                throw table.error(line, column + " '" + text(column) + "' must be between 0 and 1");
            }
            return value;
        }
    }

    private CsvTable(Path file) {
        this.file = file;
    }

    static CsvTable read(Path file, String... required) {
        CsvTable table = new CsvTable(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new SourceException("CSV " + file + ": cannot read: " + e.getMessage(), false, e);
        }
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            for (int f = 0; f < fields.length; f++) {
                fields[f] = fields[f].strip();
            }
            if (header) {
                for (int f = 0; f < fields.length; f++) {
                    table.columns.put(fields[f].toLowerCase(java.util.Locale.ROOT), f);
                }
                for (String column : required) {
                    if (!table.columns.containsKey(column)) {
                        throw table.error(i + 1, "header lacks column '" + column + "'");
                    }
                }
                header = false;
            } else {
                if (fields.length != table.columns.size()) {
                    throw table.error(i + 1, "has " + fields.length + " fields, header has " + table.columns.size());
                }
                table.rows.add(new Row(table, i + 1, fields));
            }
        }
        if (header) {
            throw table.error(0, "has no header line");
        }
        return table;
    }

    List<Row> rows() {
        return rows;
    }

    SourceException error(int line, String message) {
        return new SourceException("CSV " + file.getFileName() + (line > 0 ? " line " + line : "") + ": " + message, false);
    }
}
