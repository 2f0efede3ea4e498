package io.tailguard.ledger;

import static io.tailguard.ledger.ReferenceWeek.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.domain.OrderSide;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HedgeCycleLedgerTest {
    private final LedgerFixture f = new LedgerFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private List<EntryType> types() {
        return f.ledger.entries(CYCLE).stream().map(LedgerEntry::type).toList();
    }

    @Test
    void referenceWeekBookedFromStoredExecutionsReconcilesToTheCent() {
        f.referenceWeekOpened();
        f.ledger.recordCashSettlement(CYCLE, PUT_585, SETTLEMENT, FRIDAY_CLOSE);
        f.ledger.recordExpiry(CYCLE, CALL_84, FRIDAY_CLOSE);
        f.ledger.closeCycle(CYCLE, UPRO_CLOSE, FRIDAY_CLOSE);

        CyclePnl pnl = f.ledger.result(CYCLE);
        // the same figures as CyclePnlCalculatorTest's hand check, now through H2
        assertThat(pnl.underlying()).isEqualByComparingTo("-26920.00");
        assertThat(pnl.puts()).isEqualByComparingTo("14190.00");
        assertThat(pnl.calls()).isEqualByComparingTo("3400.00");
        assertThat(pnl.commissions()).isEqualByComparingTo("-36.40");
        assertThat(pnl.net()).isEqualByComparingTo("-9366.40");
        assertThat(pnl.unhedged()).isEqualByComparingTo("-26920.00");
        assertThat(types()).containsExactly(EntryType.POSITION_AT_START, EntryType.FILL, EntryType.COMMISSION,
                EntryType.FILL, EntryType.COMMISSION, EntryType.FILL, EntryType.COMMISSION,
                EntryType.CASH_SETTLEMENT, EntryType.EXPIRY);
        assertThat(f.ledger.cycle(CYCLE).sharesEnd()).isEqualByComparingTo("4000");
    }

    @Test
    void bookingTheSameReportsAgainAddsNothing() {
        f.referenceWeekOpened();
        int before = f.ledger.entries(CYCLE).size();
        f.execution("0000e0d5.6554a1b2.01.01", "P1-L0", LedgerFixture.PUT_585, OrderSide.BUY, "10", "3.12",
                MONDAY.plusSeconds(60));
        assertThat(f.ledger.syncFills(CYCLE)).isZero();
        assertThat(f.ledger.recordCashSettlement(CYCLE, PUT_585, SETTLEMENT, FRIDAY_CLOSE)).isEqualTo(1);
        assertThat(f.ledger.recordCashSettlement(CYCLE, PUT_585, SETTLEMENT, FRIDAY_CLOSE)).isZero();
        assertThat(f.ledger.entries(CYCLE)).hasSize(before + 1);
        assertThat(f.ledger.openCycle(CYCLE, "P1", "UPRO", EXPIRY, new BigDecimal("1"), BigDecimal.ONE, MONDAY)
                .sharesStart()).isEqualByComparingTo("4000");
    }

    @Test
    void putsSettlingOutOfTheMoneyCreditNothingAndLoseThePremium() {
        f.referenceWeekOpened();
        // XSP settles at 592.40, above the 585 strike: intrinsic 0
        f.ledger.recordCashSettlement(CYCLE, PUT_585, new BigDecimal("592.40"), FRIDAY_CLOSE);
        f.ledger.recordExpiry(CYCLE, CALL_84, FRIDAY_CLOSE);
        f.ledger.closeCycle(CYCLE, new BigDecimal("81.50"), FRIDAY_CLOSE);
        CyclePnl pnl = f.ledger.result(CYCLE);
        LedgerEntry settlement = f.ledger.entries(CYCLE).stream()
                .filter(e -> e.type() == EntryType.CASH_SETTLEMENT).findFirst().orElseThrow();
        assertThat(settlement.amount()).isEqualByComparingTo("0");
        assertThat(settlement.quantity()).isEqualByComparingTo("-16");
        // puts: -5,010.00; underlying 4,000 x (81.50 - 79.79) = 6,840.00; calls +3,400.00; commissions -36.40
        assertThat(pnl.puts()).isEqualByComparingTo("-5010.00");
        assertThat(pnl.net()).isEqualByComparingTo("5193.60");
        assertThat(pnl.lossMitigation()).isNull();
    }

    @Test
    void callsBoughtBackBeforeExpiryBookTheClosingPremiumInTheCallsPnl() {
        f.referenceWeekOpened();
        f.proposal("P2", LedgerFixture.CALL_84, OrderSide.BUY, 40);
        f.ledger.attachProposal(CYCLE, "P2");
        f.execution("0000e0d5.6554b001.01.01", "P2-L0", LedgerFixture.CALL_84, OrderSide.BUY, "40", "0.10",
                MONDAY.plusSeconds(86_400 * 2));
        f.commission("0000e0d5.6554b001.01.01", "26.00");
        f.ledger.syncFills(CYCLE);
        f.ledger.recordCashSettlement(CYCLE, PUT_585, SETTLEMENT, FRIDAY_CLOSE);
        f.ledger.closeCycle(CYCLE, UPRO_CLOSE, FRIDAY_CLOSE);
        CyclePnl pnl = f.ledger.result(CYCLE);
        // calls: +3,400.00 - 40 x 0.10 x 100 = 3,000.00; commissions 36.40 + 26.00 = 62.40
        assertThat(pnl.calls()).isEqualByComparingTo("3000.00");
        assertThat(pnl.commissions()).isEqualByComparingTo("-62.40");
        assertThat(pnl.premiumPaid()).isEqualByComparingTo("5410.00");
        // -26,920.00 + 14,190.00 + 3,000.00 - 62.40
        assertThat(pnl.net()).isEqualByComparingTo("-9792.40");
    }

    @Test
    void assignedCallsCallTheSharesAwayAtTheStrike() {
        f.referenceWeekOpened();
        f.ledger.recordCashSettlement(CYCLE, PUT_585, new BigDecimal("600.00"), FRIDAY_CLOSE);
        // UPRO closes at 86.20 above the 84 strike; all 40 calls are assigned: 4,000 shares called away at 84
        f.ledger.recordAssignment(CYCLE, CALL_84, new BigDecimal("40"), FRIDAY_CLOSE, "assign-20261127");
        f.ledger.closeCycle(CYCLE, new BigDecimal("86.20"), FRIDAY_CLOSE);
        CyclePnl pnl = f.ledger.result(CYCLE);
        assertThat(f.ledger.cycle(CYCLE).sharesEnd()).isEqualByComparingTo("0");
        // underlying: sold at 84.00: 4,000 x (84.00 - 79.79) = 16,840.00 (the rise above 84 went to the buyer)
        assertThat(pnl.underlying()).isEqualByComparingTo("16840.00");
        // calls keep their premium: +3,400.00; puts expired worthless: -5,010.00
        assertThat(pnl.calls()).isEqualByComparingTo("3400.00");
        assertThat(pnl.puts()).isEqualByComparingTo("-5010.00");
        // unhedged: 4,000 x (86.20 - 79.79) = 25,640.00
        assertThat(pnl.unhedged()).isEqualByComparingTo("25640.00");
        assertThat(pnl.net()).isEqualByComparingTo("15193.60");
    }

    @Test
    void aCorrectedExecutionIsReversedAndBookedAgainNeverChanged() {
        f.referenceWeekOpened();
        LedgerEntry original = f.ledger.entries(CYCLE).get(1);
        // the broker corrects the first put fill: 10 @ 3.12 becomes 10 @ 3.10 (suffix .02)
        f.execution("0000e0d5.6554a1b2.01.02", "P1-L0", LedgerFixture.PUT_585, OrderSide.BUY, "10", "3.10",
                MONDAY.plusSeconds(60));
        assertThat(f.ledger.syncFills(CYCLE)).isEqualTo(2);
        List<LedgerEntry> entries = f.ledger.entries(CYCLE);
        assertThat(entries.get(1)).isEqualTo(original);
        LedgerEntry reversal = entries.get(entries.size() - 2);
        LedgerEntry corrected = entries.get(entries.size() - 1);
        assertThat(reversal.type()).isEqualTo(EntryType.FILL_REVERSAL);
        assertThat(reversal.reversesId()).isEqualTo(original.id());
        assertThat(reversal.amount()).isEqualByComparingTo("3120.00");
        assertThat(corrected.amount()).isEqualByComparingTo("-3100.00");
        f.ledger.recordCashSettlement(CYCLE, PUT_585, SETTLEMENT, FRIDAY_CLOSE);
        f.ledger.recordExpiry(CYCLE, CALL_84, FRIDAY_CLOSE);
        f.ledger.closeCycle(CYCLE, UPRO_CLOSE, FRIDAY_CLOSE);
        // puts: 19,200.00 - 3,100.00 - 1,890.00 = 14,210.00; still 16 contracts settled
        assertThat(f.ledger.result(CYCLE).puts()).isEqualByComparingTo("14210.00");
        assertThat(f.ledger.result(CYCLE).settlementCash()).isEqualByComparingTo("19200.00");
    }

    @Test
    void aLateCommissionIsUnknownUntilItArrivesThenBooked() {
        f.proposal("P1", LedgerFixture.PUT_585, OrderSide.BUY, 16);
        f.ledger.openCycle(CYCLE, "P1", "UPRO", EXPIRY, new BigDecimal("4000"), new BigDecimal("79.79"), MONDAY);
        f.execution("0000e0d5.6554a1b2.01.01", "P1-L0", LedgerFixture.PUT_585, OrderSide.BUY, "16", "3.12",
                MONDAY.plusSeconds(60));
        f.ledger.syncFills(CYCLE);
        Valuation mark = new Valuation(new BigDecimal("79.00"), Map.of(PUT_585.key(), new BigDecimal("3.50")));
        CyclePnl before = f.ledger.valueAt(CYCLE, mark);
        assertThat(before.commissionsUnknown()).isEqualTo(1);
        assertThat(before.commissions()).isEqualByComparingTo("0");

        f.commission("0000e0d5.6554a1b2.01.01", "10.40");
        assertThat(f.ledger.syncFills(CYCLE)).isEqualTo(1);
        CyclePnl after = f.ledger.valueAt(CYCLE, mark);
        assertThat(after.commissionsUnknown()).isZero();
        assertThat(after.commissions()).isEqualByComparingTo("-10.40");
        assertThat(after.net()).isEqualByComparingTo(before.net().subtract(new BigDecimal("10.40")));
    }

    @Test
    void partialFillsAddUpToTheFilledQuantityOnce() {
        f.referenceWeekOpened();
        Map<String, BigDecimal> open = Positions.open(f.ledger.entries(CYCLE));
        assertThat(open.get(PUT_585.key())).isEqualByComparingTo("16");
        assertThat(open.get(CALL_84.key())).isEqualByComparingTo("-40");
        f.ledger.syncFills(CYCLE);
        assertThat(Positions.open(f.ledger.entries(CYCLE)).get(PUT_585.key())).isEqualByComparingTo("16");
    }

    @Test
    void anEarlyCloseOfThePutsRealisesTheSalePrice() {
        f.referenceWeekOpened();
        f.proposal("P3", LedgerFixture.PUT_585, OrderSide.SELL, 16);
        f.ledger.attachProposal(CYCLE, "P3");
        f.execution("0000e0d5.6554c001.01.01", "P3-L0", LedgerFixture.PUT_585, OrderSide.SELL, "16", "9.80",
                MONDAY.plusSeconds(86_400 * 3));
        f.commission("0000e0d5.6554c001.01.01", "10.40");
        f.ledger.syncFills(CYCLE);
        f.ledger.recordExpiry(CYCLE, CALL_84, FRIDAY_CLOSE);
        f.ledger.closeCycle(CYCLE, UPRO_CLOSE, FRIDAY_CLOSE);
        // puts: 16 x 9.80 x 100 = 15,680.00 - 5,010.00 = 10,670.00
        assertThat(f.ledger.result(CYCLE).puts()).isEqualByComparingTo("10670.00");
    }

    @Test
    void refusesToCloseACycleWhileAnOptionIsOpen() {
        f.referenceWeekOpened();
        assertThatThrownBy(() -> f.ledger.closeCycle(CYCLE, UPRO_CLOSE, FRIDAY_CLOSE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("XSP 2026-11-27 585 P");
    }
}
