package io.tailguard.sources.csv;

import io.tailguard.signals.Observation;
import io.tailguard.signals.SeriesId;
import io.tailguard.signals.SignalSeries;
import io.tailguard.sources.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trader's CSV inputs in {@code inputsDir}; each value is known on its {@code as_of} date.
 * <ul>
 *   <li>{@code fedwatch.csv}: {@code as_of,delayed_cut_probability,next_meeting_cut_probability}, probabilities
 *       0..1 copied from CME FedWatch.</li>
 *   <li>{@code forward-pe.csv}: {@code as_of,sector,forward_pe}; the delusion layer reads sector {@code TECH}.</li>
 *   <li>{@code overrides.csv}: {@code as_of,series,observed_on,value,note}; a value for any series id (e.g.
 *       {@code fred:SOFR}, {@code ibkr:VIX3M}) that replaces the source's value for that date from {@code as_of}
 *       on, because the latest revision known on a date wins. The note is required.</li>
 * </ul>
 * A missing file is not an error here: the layers that need it report their input unknown.
 */
public final class CsvInputs {
    public static final String FEDWATCH = "fedwatch.csv";
    public static final String FORWARD_PE = "forward-pe.csv";
    public static final String OVERRIDES = "overrides.csv";

    private CsvInputs() {
    }

    /** Observations from the files present, and a problem message per file that could not be read. */
    public record Result(List<Observation> observations, Map<String, String> problems) {
        public Result {
            observations = List.copyOf(observations);
            problems = Map.copyOf(problems);
        }
    }

    public static Result read(Path inputsDir) {
        return read(inputsDir, java.util.Set.of(FEDWATCH, FORWARD_PE, OVERRIDES));
    }

    /** Only the named files of the directory (e.g. no overrides from a directory of examples). */
    public static Result read(Path inputsDir, java.util.Set<String> files) {
        List<Observation> out = new ArrayList<>();
        Map<String, String> problems = new LinkedHashMap<>();
        readIfPresent(inputsDir.resolve(FEDWATCH), files, out, problems, (file, found) -> {
            for (CsvTable.Row row : CsvTable.read(inputsDir.resolve(FEDWATCH), "as_of", "delayed_cut_probability",
                    "next_meeting_cut_probability").rows()) {
                LocalDate asOf = row.date("as_of");
                found.add(Observation.sameDay(SignalSeries.DELAYED_CUT_PROBABILITY, asOf,
                        row.probability("delayed_cut_probability")));
                found.add(Observation.sameDay(SignalSeries.NEXT_MEETING_CUT_PROBABILITY, asOf,
                        row.probability("next_meeting_cut_probability")));
            }
        });
        readIfPresent(inputsDir.resolve(FORWARD_PE), files, out, problems, (file, found) -> {
            CsvTable table = CsvTable.read(inputsDir.resolve(FORWARD_PE), "as_of", "sector", "forward_pe");
            for (CsvTable.Row row : table.rows()) {
                String sector = row.text("sector").toUpperCase(Locale.ROOT);
                double pe = row.number("forward_pe");
                if (pe <= 0 || sector.isEmpty()) {
                    throw table.error(row.line(), "needs a sector and a positive forward_pe");
                }
                found.add(Observation.sameDay(
                        SeriesId.of(io.tailguard.signals.SourceKind.CSV, "forward_pe." + sector), row.date("as_of"), pe));
            }
        });
        readIfPresent(inputsDir.resolve(OVERRIDES), files, out, problems, (file, found) -> {
            CsvTable table = CsvTable.read(inputsDir.resolve(OVERRIDES), "as_of", "series", "observed_on", "value", "note");
            for (CsvTable.Row row : table.rows()) {
                SeriesId series;
                try {
                    series = SeriesId.parse(row.text("series"));
                } catch (IllegalArgumentException e) {
                    throw table.error(row.line(), "series: " + e.getMessage());
                }
                if (row.text("note").isEmpty()) {
                    throw table.error(row.line(), "an override needs a note saying why");
                }
                LocalDate observedOn = row.date("observed_on");
                LocalDate asOf = row.date("as_of");
                if (asOf.isBefore(observedOn)) {
                    throw table.error(row.line(), "as_of " + asOf + " is before observed_on " + observedOn);
                }
                found.add(new Observation(series, observedOn, asOf, row.number("value")));
            }
        });
        return new Result(out, problems);
    }

    /** Reads one file completely or not at all: a bad line rejects the whole file, with the line in the message. */
    private static void readIfPresent(Path file, java.util.Set<String> wanted, List<Observation> out,
            Map<String, String> problems, java.util.function.BiConsumer<Path, List<Observation>> reader) {
        if (!wanted.contains(file.getFileName().toString()) || !Files.exists(file)) {
            return;
        }
        List<Observation> found = new ArrayList<>();
        try {
            reader.accept(file, found);
            out.addAll(found);
        } catch (SourceException | IllegalArgumentException e) {
            problems.put(file.getFileName().toString(), e.getMessage());
        }
    }
}
