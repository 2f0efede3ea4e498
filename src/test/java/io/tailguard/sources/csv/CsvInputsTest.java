package io.tailguard.sources.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.signals.Observation;
import io.tailguard.signals.SeriesId;
import io.tailguard.signals.SignalSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInputsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheDocumentedExampleFiles() {
        CsvInputs.Result result = CsvInputs.read(Path.of("config", "inputs-example"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.observations()).contains(
                Observation.sameDay(SignalSeries.DELAYED_CUT_PROBABILITY, LocalDate.of(2026, 11, 20), 0.74),
                Observation.sameDay(SignalSeries.NEXT_MEETING_CUT_PROBABILITY, LocalDate.of(2026, 11, 20), 0.28),
                Observation.sameDay(SignalSeries.TECH_FORWARD_PE, LocalDate.of(2026, 11, 14), 27.4),
                new Observation(SignalSeries.SOFR, LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 20), 4.31));
    }

    @Test
    void treatsMissingFilesAsNoInput() {
        CsvInputs.Result result = CsvInputs.read(dir);

        assertThat(result.observations()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void rejectsAWholeFileOnAProbabilityOutOfRangeNamingTheLine() throws IOException {
        Files.writeString(dir.resolve("fedwatch.csv"), """
                as_of,delayed_cut_probability,next_meeting_cut_probability
                2026-11-18,0.62,0.35
                2026-11-20,74,0.28
                """);

        CsvInputs.Result result = CsvInputs.read(dir);

        assertThat(result.observations()).isEmpty();
        assertThat(result.problems().get("fedwatch.csv"))
                .isEqualTo("CSV fedwatch.csv line 3: delayed_cut_probability '74' must be between 0 and 1");
    }

    @Test
    void reportsAMissingColumnAndABadDate() throws IOException {
        Files.writeString(dir.resolve("forward-pe.csv"), "as_of,forward_pe\n2026-11-14,27\n");
        Files.writeString(dir.resolve("overrides.csv"), "as_of,series,observed_on,value,note\n"
                + "20-11-2026,fred:SOFR,2026-11-19,4.3,typo\n");

        CsvInputs.Result result = CsvInputs.read(dir);

        assertThat(result.problems().get("forward-pe.csv")).contains("lacks column 'sector'");
        assertThat(result.problems().get("overrides.csv")).contains("line 2", "as_of '20-11-2026' is not a date");
    }

    @Test
    void requiresANoteAndAKnownSeriesForAnOverride() throws IOException {
        Files.writeString(dir.resolve("overrides.csv"), "as_of,series,observed_on,value,note\n"
                + "2026-11-20,ibkr:VIX,2026-11-20,21.5,\n");
        assertThat(CsvInputs.read(dir).problems().get("overrides.csv")).contains("needs a note");

        Files.writeString(dir.resolve("overrides.csv"), "as_of,series,observed_on,value,note\n"
                + "2026-11-20,bloomberg:VIX,2026-11-20,21.5,x\n");
        assertThat(CsvInputs.read(dir).problems().get("overrides.csv")).contains("unknown source prefix 'bloomberg'");
    }

    @Test
    void readsForwardPeForAnySector() throws IOException {
        Files.writeString(dir.resolve("forward-pe.csv"), "# comment\n\nas_of,sector,forward_pe\n2026-11-14,energy,11.5\n");

        assertThat(CsvInputs.read(dir).observations()).containsExactly(Observation.sameDay(
                SeriesId.parse("csv:forward_pe.ENERGY"), LocalDate.of(2026, 11, 14), 11.5));
    }
}
