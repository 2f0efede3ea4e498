package io.tailguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.LedgerFixture;
import io.tailguard.ledger.ReferenceWeek;
import io.tailguard.ledger.tax.LotMethod;
import io.tailguard.testing.TestDatabases;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PnlTextTest {
    private final LedgerFixture f = new LedgerFixture(TestDatabases.inMemory(),
            new LedgerConfig(new BigDecimal("0.25"), LotMethod.FIFO));
    private final PnlReport report = new PnlReport(f.ledger, f.store);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theCurrentCycleShowsTheHedgedFigureNextToTheUnhedgedOne() {
        f.referenceWeekClosed();
        String text = PnlText.current(report.current().orElseThrow());
        assertThat(text).contains("Hedge cycle 2026-W48")
                .containsPattern("underlying\\s+-26,920.00")
                .containsPattern("puts\\s+14,190.00")
                .containsPattern("calls\\s+3,400.00")
                .containsPattern("commissions\\s+-36.40")
                .containsPattern("net hedged\\s+-9,366.40\\s+-2.93%")
                .containsPattern("unhedged\\s+-26,920.00\\s+-8.43%")
                .containsPattern("loss mitigation\\s+65.21%")
                .containsPattern("portfolio impact\\s+-0.73%\\s+unhedged -2.11%");
    }

    @Test
    void theCycleDetailListsEveryEntryAndAddsUpToTheNet() {
        f.referenceWeekClosed();
        String text = PnlText.entries(report.cycle(ReferenceWeek.CYCLE).orElseThrow(),
                report.entries(ReferenceWeek.CYCLE));
        assertThat(text).contains("POSITION_AT_START", "CASH_SETTLEMENT", "EXPIRY", "0000e0d5.6554a1b2.01.01")
                .containsPattern("cash of all entries\\s+-301,606.40")
                .containsPattern("value held: 4000 UPRO at 73.06\\s+292,240.00")
                .containsPattern("net = cash \\+ value held\\s+-9,366.40");
    }

    @Test
    void csvExportsCarryTheExactFigures() {
        f.referenceWeekClosed();
        String csv = PnlText.cyclesCsv(report.cycles());
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv.lines().toList().get(1)).startsWith("2026-W48,2026-11-27,CLOSED,")
                .contains(",319160.00,-26920.00,14190.00,3400.00,-36.40,-9366.40,-26920.00,-0.029347,-0.084346,"
                        + "0.652065,");
        String entries = PnlText.entriesCsv(report.entries(ReferenceWeek.CYCLE));
        assertThat(entries.lines().toList()).hasSize(10);
        assertThat(entries).contains(",CASH_SETTLEMENT,PUTS,XSP 2026-11-27 585 P,100,-16,12,19200,");
    }

    @Test
    void theCyclesTableAddsTheClosedCyclesUp() {
        f.referenceWeekClosed();
        f.secondWeekClosed();
        String text = PnlText.cycles(report.cycles(), report.cumulative());
        // -9,366.40 + 7,749.60 = -1,616.80; unhedged -26,920.00 + 11,760.00 = -15,160.00
        assertThat(text).contains("2026-W48", "2026-W49")
                .contains("closed cycles: 2   net -1,616.80   unhedged -15,160.00")
                .contains("premium spent 9,010.00, received 3,400.00")
                .contains("commissions -46.80");
    }

    @Test
    void anOpenCycleWithoutAMarkSaysSo() {
        f.referenceWeekOpened();
        assertThat(PnlText.current(report.current().orElseThrow())).contains("not marked yet");
    }
}
