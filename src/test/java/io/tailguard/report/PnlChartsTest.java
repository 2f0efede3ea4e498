package io.tailguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailguard.ledger.BrokerFill;
import io.tailguard.ledger.CycleBooking;
import io.tailguard.ledger.CyclePnl;
import io.tailguard.ledger.CyclePnlCalculator;
import io.tailguard.ledger.HedgeCycle;
import io.tailguard.ledger.LedgerEntry;
import io.tailguard.ledger.Valuation;
import io.tailguard.ledger.LedgerFixture;
import io.tailguard.ledger.ReferenceWeek;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PnlChartsTest {
    @TempDir
    Path dir;

    private final LedgerFixture f = new LedgerFixture();
    private final PnlReport report = new PnlReport(f.ledger, f.store);

    @AfterEach
    void close() {
        f.close();
    }

    private static void assertPng(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(PnlCharts.WIDTH);
        assertThat(image.getHeight()).isEqualTo(PnlCharts.HEIGHT);
    }

    @Test
    void drawsTheCumulativeAndWeeklyChartsOfTheClosedCycles() throws IOException {
        f.referenceWeekClosed();
        f.secondWeekClosed();
        List<CyclePnl> closed = report.closedResults();
        assertPng(PnlCharts.cumulative(closed, dir.resolve("reports/cumulative.png")));
        assertPng(PnlCharts.weeklyBars(closed, dir.resolve("reports/weekly.png")));
    }

    /**
     * The reference week, but its hedge executed after UPRO had already moved (79.79 at the start, 78.40
     * with XSP at 590.10 at the execution): the puts settle against 573.00, the calls expire.
     */
    private static List<LedgerEntry> week(HedgeCycle cycle, String settlement) {
        List<LedgerEntry> booked = new ArrayList<>();
        booked.add(CycleBooking.positionAtStart(cycle).withId(1));
        for (BrokerFill f : List.of(ReferenceWeek.putFill1(), ReferenceWeek.putFill2(), ReferenceWeek.callFill())) {
            CycleBooking.book(cycle.id(), f, booked).forEach(e -> booked.add(e.withId(booked.size() + 1)));
        }
        CycleBooking.cashSettlement(cycle.id(), ReferenceWeek.PUT_585, new BigDecimal(settlement),
                ReferenceWeek.FRIDAY_CLOSE, booked).forEach(e -> booked.add(e.withId(booked.size() + 1)));
        CycleBooking.expiry(cycle.id(), ReferenceWeek.CALL_84, ReferenceWeek.FRIDAY_CLOSE, booked)
                .forEach(e -> booked.add(e.withId(booked.size() + 1)));
        return booked;
    }

    private static HedgeCycle executedLate() {
        return ReferenceWeek.cycle().withIndexStart(new BigDecimal("590.10"))
                .withUnderlyingAtExecution(new BigDecimal("78.40"));
    }

    @Test
    void theRealizedPointLiesOnTheHedgedLineWhenUproMovedBeforeTheExecution() {
        HedgeCycle closed = executedLate().closed(new BigDecimal("4000"), ReferenceWeek.UPRO_CLOSE,
                ReferenceWeek.FRIDAY_CLOSE);
        List<LedgerEntry> entries = week(closed, "573.00");
        CyclePnl realized = CyclePnlCalculator.DEFAULT.compute(closed, entries, Valuation.at(closed.priceEnd()),
                BigDecimal.ONE);
        assertThat(realized.net()).isEqualByComparingTo("-9366.40");

        PnlCharts.PayoffLines lines = PnlCharts.payoffLines(closed, entries, realized);

        assertThat(lines.realizedX()).isEqualTo(73.06);
        assertThat(lines.realizedY()).isEqualTo(-9366.40);
        assertThat(lines.hedgedAt(lines.realizedX())).isCloseTo(lines.realizedY(), within(0.01));
        // at the execution pair the puts (XSP 590.10) and the calls (UPRO 78.40) are out of the money:
        // 4,000 x (78.40 - 79.79) - 5,010.00 puts + 3,400.00 calls - 36.40 commissions
        assertThat(lines.hedgedAt(78.40)).isCloseTo(-7206.40, within(0.01));
        assertThat(lines.unhedged()).hasSameSizeAs(lines.underlying());
    }

    @Test
    void theRealizedPointLiesOnTheHedgedLineWhenThePutsEndOutOfTheMoney() {
        HedgeCycle closed = executedLate().closed(new BigDecimal("4000"), new BigDecimal("81.00"),
                ReferenceWeek.FRIDAY_CLOSE);
        List<LedgerEntry> entries = week(closed, "596.20");
        CyclePnl realized = CyclePnlCalculator.DEFAULT.compute(closed, entries, Valuation.at(closed.priceEnd()),
                BigDecimal.ONE);
        // 4,000 x (81.00 - 79.79) - 5,010.00 + 3,400.00 - 36.40
        assertThat(realized.net()).isEqualByComparingTo("3193.60");

        PnlCharts.PayoffLines lines = PnlCharts.payoffLines(closed, entries, realized);

        assertThat(lines.hedgedAt(lines.realizedX())).isCloseTo(3193.60, within(0.01));
    }

    @Test
    void drawsACyclesRealizedOutcomeOnItsPayoffAtExpiry() throws IOException {
        f.referenceWeekClosed();
        PnlReport.CycleView v = report.cycle(ReferenceWeek.CYCLE).orElseThrow();
        assertPng(PnlCharts.cyclePayoff(v.cycle(), report.entries(ReferenceWeek.CYCLE), v.pnl().orElseThrow(),
                dir.resolve("cycle.png")));
    }
}
