package io.tailguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.OrderSide;
import io.tailguard.ledger.CyclePnl;
import io.tailguard.ledger.EntryType;
import io.tailguard.ledger.HedgeCycle;
import io.tailguard.ledger.LedgerEntry;
import io.tailguard.ledger.LedgerFixture;
import io.tailguard.ledger.ReferenceWeek;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A demo cycle copied from the demo's own ledger into the configured one: every entry as booked, once,
 * and never in the trader's figures.
 */
class DemoCyclesTest {
    private static final String DEMO = "demo-W2026-11-27";

    private final LedgerFixture demo = new LedgerFixture();
    private final LedgerFixture configured = new LedgerFixture();
    private final PnlReport report = new PnlReport(configured.ledger, configured.store);

    @AfterEach
    void close() {
        demo.close();
        configured.close();
    }

    /** The reference week in the demo's ledger, with a corrected first put fill (a reversal and a new fill). */
    private void demoWeek() {
        demo.proposal("D1", LedgerFixture.PUT_585, OrderSide.BUY, 16, LedgerFixture.CALL_84, OrderSide.SELL, 40);
        demo.ledger.openCycle(DEMO, "D1", "UPRO", ReferenceWeek.EXPIRY, new BigDecimal("4000"),
                new BigDecimal("79.79"), new BigDecimal("590.10"), new BigDecimal("78.40"), ReferenceWeek.MONDAY);
        demo.execution("0000e0d5.6554a1b2.01.01", "D1-L0", LedgerFixture.PUT_585, OrderSide.BUY, "10", "3.12",
                ReferenceWeek.MONDAY.plusSeconds(60));
        demo.execution("0000e0d5.6554a1b4.01.01", "D1-L1", LedgerFixture.CALL_84, OrderSide.SELL, "40", "0.85",
                ReferenceWeek.MONDAY.plusSeconds(180));
        demo.commission("0000e0d5.6554a1b2.01.01", "6.50");
        demo.commission("0000e0d5.6554a1b4.01.01", "26.00");
        demo.ledger.syncFills(DEMO);
        demo.execution("0000e0d5.6554a1b2.01.02", "D1-L0", LedgerFixture.PUT_585, OrderSide.BUY, "16", "3.10",
                ReferenceWeek.MONDAY.plusSeconds(60));
        demo.ledger.syncFills(DEMO);
        demo.ledger.recordCashSettlement(DEMO, ReferenceWeek.PUT_585, ReferenceWeek.SETTLEMENT,
                ReferenceWeek.FRIDAY_CLOSE);
        demo.ledger.recordExpiry(DEMO, ReferenceWeek.CALL_84, ReferenceWeek.FRIDAY_CLOSE);
        demo.ledger.closeCycle(DEMO, ReferenceWeek.UPRO_CLOSE, ReferenceWeek.FRIDAY_CLOSE);
    }

    private boolean copy() {
        return configured.ledger.importDemoCycle(demo.ledger.cycle(DEMO), demo.ledger.entries(DEMO));
    }

    @Test
    void theClosedCycleIsCopiedOnceWithEveryEntryAsBooked() {
        demoWeek();
        List<LedgerEntry> source = demo.ledger.entries(DEMO);
        assertThat(source).extracting(LedgerEntry::type).contains(EntryType.FILL_REVERSAL);

        assertThat(copy()).isTrue();
        assertThat(copy()).as("a second run of the same demo week copies nothing").isFalse();

        List<LedgerEntry> copied = configured.ledger.entries(DEMO);
        assertThat(copied).hasSameSizeAs(source);
        for (int i = 0; i < source.size(); i++) {
            LedgerEntry s = source.get(i);
            LedgerEntry c = copied.get(i);
            assertThat(List.of(c.type(), c.bucket(), c.sourceRef(), c.instrument(), c.occurredAt(), c.note()))
                    .isEqualTo(List.of(s.type(), s.bucket(), s.sourceRef(), s.instrument(), s.occurredAt(), s.note()));
            assertThat(c.quantity()).isEqualByComparingTo(s.quantity());
            assertThat(c.price()).isEqualByComparingTo(s.price());
            assertThat(c.amount()).isEqualByComparingTo(s.amount());
            if (s.reversesId() != null) {
                // the reversal points to this database's copy of the fill it reverses
                LedgerEntry reversed = copied.stream().filter(e -> e.id() == c.reversesId()).findFirst().orElseThrow();
                assertThat(reversed.sourceRef()).isEqualTo(s.sourceRef());
                assertThat(reversed.type()).isEqualTo(EntryType.FILL);
            }
        }
        HedgeCycle cycle = configured.ledger.cycle(DEMO);
        assertThat(cycle.demo()).isTrue();
        assertThat(cycle.underlyingAtExecution()).isEqualByComparingTo("78.40");
        assertThat(configured.store.proposals(DEMO)).as("the demo's proposal stays in its own database").isEmpty();
        CyclePnl there = demo.ledger.result(DEMO);
        CyclePnl here = configured.ledger.result(DEMO);
        assertThat(here.net()).isEqualByComparingTo(there.net());
        assertThat(here.puts()).isEqualByComparingTo(there.puts());
        assertThat(here.commissions()).isEqualByComparingTo(there.commissions());
    }

    @Test
    void aDemoCycleIsShownOnlyUntilTheFirstRealCycleAndNeverCounts() {
        demoWeek();
        copy();

        assertThat(report.current().orElseThrow().cycle().id()).isEqualTo(DEMO);
        assertThat(PnlText.current(report.current().orElseThrow())).contains("DEMO");
        assertThat(report.cycles()).isEmpty();
        assertThat(report.demoCycles()).extracting(v -> v.cycle().id()).containsExactly(DEMO);
        assertThat(report.cumulative().cycles()).isZero();
        assertThat(report.taxYear(2026).section1256().realized()).isEqualByComparingTo("0");

        configured.referenceWeekClosed();

        assertThat(report.current().orElseThrow().cycle().id()).isEqualTo(ReferenceWeek.CYCLE);
        assertThat(report.cycles()).extracting(v -> v.cycle().id()).containsExactly(ReferenceWeek.CYCLE);
        assertThat(report.cumulative().cycles()).isEqualTo(1);
        assertThat(report.cumulative().net()).isEqualByComparingTo("-9366.40");
        // the reference week's puts: 19,200.00 - 3,120.00 - 1,890.00 - 10.40 commissions
        assertThat(report.taxYear(2026).section1256().realized()).isEqualByComparingTo("14179.60");
        String text = PnlText.cycles(report.cycles(), report.cumulative(), report.demoCycles());
        assertThat(text).contains("closed cycles: 1   net -9,366.40");
        assertThat(text.substring(text.indexOf("DEMO cycles"))).contains(DEMO);
        assertThat(text.substring(0, text.indexOf("DEMO cycles"))).doesNotContain(DEMO);
    }

    @Test
    void onlyAClosedCycleWithADemoIdIsCopied() {
        configured.referenceWeekOpened();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> configured.ledger.importDemoCycle(
                configured.ledger.cycle(ReferenceWeek.CYCLE), configured.ledger.entries(ReferenceWeek.CYCLE)))
                .hasMessageContaining("demo-");
        demo.proposal("D1", LedgerFixture.PUT_585, OrderSide.BUY, 16);
        demo.ledger.openCycle(DEMO, "D1", "UPRO", ReferenceWeek.EXPIRY, new BigDecimal("4000"),
                new BigDecimal("79.79"), ReferenceWeek.MONDAY);
        org.assertj.core.api.Assertions.assertThatThrownBy(this::copy).hasMessageContaining("is open");
        assertThat(configured.store.cycle(DEMO)).isEmpty();
    }
}
