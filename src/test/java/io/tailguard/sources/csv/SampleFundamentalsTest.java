package io.tailguard.sources.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.signals.Observation;
import io.tailguard.signals.SignalSeries;
import io.tailguard.signals.SignalSeries.Fundamental;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFundamentalsTest {
    private static final String HEADER = "ticker,fiscal_year_end,filed,revenue,operating_cash_flow,capex,rnd,debt,"
            + "operating_income,depreciation_amortization\n";

    @TempDir
    Path dir;

    @Test
    void readsEachGivenFigureObservedOnTheYearEndAndKnownFromTheFilingDate() throws IOException {
        Path file = Files.writeString(dir.resolve("fundamentals.csv"), "# example\n" + HEADER
                + "pltr,2025-12-31,2026-02-17,4000000000,,,600000000,,,\n");

        List<Observation> figures = SampleFundamentals.read(file);

        assertThat(figures).containsExactly(
                new Observation(SignalSeries.fundamental("PLTR", Fundamental.REVENUE), LocalDate.of(2025, 12, 31),
                        LocalDate.of(2026, 2, 17), 4e9),
                new Observation(SignalSeries.fundamental("PLTR", Fundamental.RESEARCH_AND_DEVELOPMENT),
                        LocalDate.of(2025, 12, 31), LocalDate.of(2026, 2, 17), 6e8));
    }

    @Test
    void refusesAFilingBeforeItsYearEndAndABadNumberNamingTheLine() throws IOException {
        Path early = Files.writeString(dir.resolve("early.csv"), HEADER + "X,2025-12-31,2025-12-01,1,,,,,,\n");
        Path bad = Files.writeString(dir.resolve("bad.csv"), HEADER + "X,2025-12-31,2026-02-01,1,,,,,,\nY,2025-12-31,"
                + "2026-02-01,lots,,,,,,\n");

        assertThatThrownBy(() -> SampleFundamentals.read(early))
                .hasMessage("CSV early.csv line 2: filed 2025-12-01 is before fiscal_year_end 2025-12-31");
        assertThatThrownBy(() -> SampleFundamentals.read(bad)).hasMessage("CSV bad.csv line 3: revenue 'lots' is not a number");
    }

    @Test
    void theShippedSampleHoldsTheFiledFiguresAndLeavesWhatWasNotFoundBlank() {
        List<Observation> figures = SampleFundamentals.read(Path.of("config", "inputs-example", "fundamentals.csv"));

        // Microsoft's FY2025 10-K, filed 2025-07-30 (config/inputs-example/SOURCES.md)
        assertThat(figures).contains(new Observation(SignalSeries.fundamental("MSFT", Fundamental.REVENUE),
                LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 30), 281_724_000_000.0));
        // J&J reports no operating income line: the cell is blank, so there is no figure
        assertThat(figures).noneMatch(o -> o.series().equals(SignalSeries.fundamental("JNJ",
                Fundamental.OPERATING_INCOME)));
    }
}
