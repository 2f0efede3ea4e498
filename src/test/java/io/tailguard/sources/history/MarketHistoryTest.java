package io.tailguard.sources.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketHistoryTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void readsAValuesFileInDateOrderWithItsAsOfDate() throws IOException {
        write("sofr", "date,value\n2026-08-18,3.61\n2026-08-19,3.62\n2026-08-20,3.63\n");

        HistorySeries sofr = new MarketHistory(dir).series("sofr");

        assertThat(sofr.layout()).isEqualTo(HistoryLayout.VALUES);
        assertThat(sofr.bars()).extracting(HistoryBar::close).containsExactly(3.61, 3.62, 3.63);
        assertThat(sofr.firstDate()).isEqualTo(LocalDate.of(2026, 8, 18));
        assertThat(sofr.asOf()).isEqualTo(LocalDate.of(2026, 8, 20));
        assertThat(sofr.gaps()).isEmpty();
        assertThat(sofr.between(LocalDate.of(2026, 8, 19), LocalDate.of(2026, 12, 31))).extracting(HistoryBar::close)
                .containsExactly(3.62, 3.63);
    }

    @Test
    void readsAPricesFileLeavingColumnsTheSourceLacksAsNaN() throws IOException {
        write("vix", "date,open,high,low,close,adj_close,volume\n2026-07-30,19.56,20.08,17.00,17.09,,\n");

        HistoryBar bar = new MarketHistory(dir).series("vix").bars().get(0);

        assertThat(bar.open()).isEqualTo(19.56);
        assertThat(bar.close()).isEqualTo(17.09);
        assertThat(bar.adjClose()).isNaN();
        assertThat(bar.volume()).isNaN();
    }

    @Test
    void anAdjustedOnlyRowTakesItsAdjustedCloseAsTheCloseAndARowWithNeitherIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("universe"));
        Files.writeString(dir.resolve("universe/BRK_B.csv"), "date,open,high,low,close,adj_close,volume\n"
                + "2015-01-02,150.1,150.9,149.2,,150.4,100\n");
        write("bad", "date,open,high,low,close,adj_close,volume\n2015-01-02,150.1,150.9,149.2,,,100\n");

        HistoryBar bar = new MarketHistory(dir).series("universe/BRK_B").bars().get(0);

        assertThat(bar.close()).isEqualTo(150.4);
        assertThat(bar.adjClose()).isEqualTo(150.4);
        assertThatThrownBy(() -> new MarketHistory(dir).series("bad")).isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("bad.csv line 2: close is empty");
    }

    @Test
    void refusesRowsOutOfDateOrderNamingTheFileAndBothLines() throws IOException {
        Path file = write("dgs10", "date,value\n2026-08-19,4.65\n2026-08-18,4.60\n");

        assertThatThrownBy(() -> new MarketHistory(dir).series("dgs10"))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessage(file + " line 3: date 2026-08-18 is before 2026-08-19 on line 2: rows must be in "
                        + "ascending date order");
    }

    @Test
    void refusesADuplicateDate() throws IOException {
        Path file = write("effr", "date,value\n2026-08-19,3.63\n\n2026-08-19,3.64\n");

        assertThatThrownBy(() -> new MarketHistory(dir).series("effr"))
                .hasMessage(file + " line 4: duplicate date 2026-08-19 (also on line 2)");
    }

    @Test
    void refusesABadRowNamingTheFileTheLineAndTheColumn() throws IOException {
        Path file = write("rrpontsyd", "date,value\n2026-08-20,0.225\n2026-08-21,n/a\n");

        assertThatThrownBy(() -> new MarketHistory(dir).series("rrpontsyd"))
                .hasMessage(file + " line 3: value 'n/a' is not a number");
    }

    @Test
    void refusesABadDateAMissingFieldANonPositiveCloseAndAnUnknownHeader() throws IOException {
        Path dates = write("a", "date,value\n08/20/2026,3.63\n");
        Path fields = write("b", "date,open,high,low,close,adj_close,volume\n2026-08-20,1,2,0.5,1.5,\n");
        Path close = write("c", "date,open,high,low,close,adj_close,volume\n2026-08-20,1,2,0.5,0,,\n");
        Path header = write("d", "Date,Close\n2026-08-20,1\n");
        MarketHistory history = new MarketHistory(dir);

        assertThatThrownBy(() -> history.series("a")).hasMessage(dates + " line 2: date '08/20/2026' is not a date "
                + "(YYYY-MM-DD)");
        assertThatThrownBy(() -> history.series("b")).hasMessage(fields + " line 2: has 6 fields, the header has 7");
        assertThatThrownBy(() -> history.series("c")).hasMessage(close + " line 2: close must be positive but was 0");
        assertThatThrownBy(() -> history.series("d")).hasMessageStartingWith(header + " line 1: header must be");
    }

    @Test
    void refusesAMissingFileAndAFileWithoutRows() throws IOException {
        Path empty = write("empty", "date,value\n");
        MarketHistory history = new MarketHistory(dir);

        assertThatThrownBy(() -> history.series("nosuch")).hasMessage(dir.resolve("nosuch.csv") + ": no such file");
        assertThatThrownBy(() -> history.series("empty")).hasMessage(empty + ": no data rows after the header");
    }

    @Test
    void reportsGapsLongerThanTheLimitWithoutFillingThem() throws IOException {
        // Friday to Tuesday (a Monday holiday) is four days and no gap; 2001-09-10 to 09-17 is one.
        write("spx", "date,value\n2001-09-07,1085.78\n2001-09-10,1092.54\n2001-09-17,1038.77\n"
                + "2001-09-21,965.80\n2001-09-25,1012.27\n");

        HistorySeries spx = new MarketHistory(dir).series("spx");

        assertThat(spx.bars()).hasSize(5);
        assertThat(spx.gaps()).containsExactly(new HistoryGap(LocalDate.of(2001, 9, 10), LocalDate.of(2001, 9, 17)));
        assertThat(spx.gaps().get(0).calendarDays()).isEqualTo(7);
    }
}
