package io.tailguard.sources.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.sources.DailyClose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDailyBarSourceTest {
    @TempDir
    Path dir;

    @Test
    void readsTheExampleBarsWithinTheRequestedDates() {
        CsvDailyBarSource source = new CsvDailyBarSource(Path.of("config", "inputs-example", "bars"));

        assertThat(source.dailyBars("VIX3M", LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 19))).containsExactly(
                new DailyClose("VIX3M", LocalDate.of(2026, 11, 18), 20.12),
                new DailyClose("VIX3M", LocalDate.of(2026, 11, 19), 19.84));
    }

    @Test
    void reportsAMissingFileAndABadClose() throws IOException {
        CsvDailyBarSource source = new CsvDailyBarSource(dir);
        assertThatThrownBy(() -> source.dailyBars("SPX", LocalDate.MIN, LocalDate.MAX)).hasMessageContaining("no file");

        Files.writeString(dir.resolve("SPX.csv"), "date,close\n2026-11-20,abc\n");
        assertThatThrownBy(() -> source.dailyBars("SPX", LocalDate.MIN, LocalDate.MAX))
                .hasMessage("CSV SPX.csv line 2: close 'abc' is not a number");
    }
}
