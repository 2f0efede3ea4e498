package io.tailguard.ledger.tax;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.OrderSide;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaxLotBookTest {

    private static ShareTrade buy(String ref, String date, String shares, String price) {
        return new ShareTrade(ref, LocalDate.parse(date), OrderSide.BUY, new BigDecimal(shares), new BigDecimal(price),
                BigDecimal.ZERO);
    }

    private static ShareTrade sell(String ref, String date, String shares, String price) {
        return new ShareTrade(ref, LocalDate.parse(date), OrderSide.SELL, new BigDecimal(shares),
                new BigDecimal(price), BigDecimal.ZERO);
    }

    private final List<ShareTrade> twoLotsThenASale = List.of(
            buy("A", "2026-01-05", "100", "50.00"),
            buy("B", "2026-02-05", "100", "60.00"),
            sell("S", "2026-06-01", "100", "55.00"));

    @Test
    void fifoSellsTheOldestLotFirst() {
        TaxLotBook.Result r = new TaxLotBook(LotMethod.FIFO).apply(twoLotsThenASale);
        // 100 x (55.00 - 50.00) = +500.00 from lot A; lot B stays
        assertThat(r.disposals()).singleElement().satisfies(d -> {
            assertThat(d.lotRef()).isEqualTo("A");
            assertThat(d.gain()).isEqualByComparingTo("500.00");
            assertThat(d.longTerm()).isFalse();
        });
        assertThat(r.openLots()).extracting(TaxLot::ref).containsExactly("B");
    }

    @Test
    void lifoAndHighestCostAreConfigurable() {
        // lot B: 100 x (55.00 - 60.00) = -500.00 (lot A was bought more than 30 days before: no wash sale)
        assertThat(new TaxLotBook(LotMethod.LIFO).apply(twoLotsThenASale).disposals().get(0).gain())
                .isEqualByComparingTo("-500.00");
        TaxLotBook.Result r = new TaxLotBook(LotMethod.HIGHEST_COST).apply(twoLotsThenASale);
        assertThat(r.disposals().get(0).lotRef()).isEqualTo("B");
        assertThat(r.washSales()).isEmpty();
    }

    @Test
    void aLossSaleWithAPurchaseWithinThirtyDaysAfterIsAWashSaleCarriedIntoTheReplacementLot() {
        TaxLotBook.Result r = new TaxLotBook(LotMethod.FIFO).apply(List.of(
                buy("A", "2026-03-02", "1000", "80.00"),
                sell("S", "2026-04-01", "1000", "72.00"),
                // 14 days after the sale: 400 replacement shares
                buy("R", "2026-04-15", "400", "73.00")));
        // loss 1,000 x (72.00 - 80.00) = -8,000.00; 400 of the 1,000 shares are replaced:
        // 400 x 8.00 = 3,200.00 disallowed now and added to lot R, 4,800.00 deductible
        assertThat(r.washSales()).singleElement().satisfies(w -> {
            assertThat(w.saleRef()).isEqualTo("S");
            assertThat(w.replacementLotRef()).isEqualTo("R");
            assertThat(w.shares()).isEqualByComparingTo("400");
            assertThat(w.disallowedLoss()).isEqualByComparingTo("3200.00");
        });
        assertThat(r.disposals().get(0).gain()).isEqualByComparingTo("-8000.00");
        assertThat(r.disposals().get(0).disallowed()).isEqualByComparingTo("3200.00");
        assertThat(r.disposals().get(0).reportable()).isEqualByComparingTo("-4800.00");
        // lot R: 400 x 73.00 = 29,200.00 + 3,200.00 = 32,400.00 (81.00 a share), held since lot A's purchase
        TaxLot replacement = r.openLots().get(0);
        assertThat(replacement.basis()).isEqualByComparingTo("32400.00");
        assertThat(replacement.washSaleAdjustment()).isEqualByComparingTo("3200.00");
        assertThat(replacement.holdingFrom()).isEqualTo(LocalDate.parse("2026-03-02"));
    }

    @Test
    void aPurchaseWithinThirtyDaysBeforeTheLossSaleIsAlsoAReplacement() {
        TaxLotBook.Result r = new TaxLotBook(LotMethod.FIFO).apply(List.of(
                buy("A", "2026-01-02", "100", "80.00"),
                buy("B", "2026-03-20", "100", "70.00"),
                sell("S", "2026-04-01", "100", "72.00")));
        // FIFO sells lot A at a loss of 800.00; lot B was bought 12 days before: all 800.00 disallowed
        assertThat(r.washSales()).singleElement().satisfies(w -> assertThat(w.disallowedLoss())
                .isEqualByComparingTo("800.00"));
        assertThat(r.openLots().get(0).basis()).isEqualByComparingTo("7800.00");
    }

    @Test
    void aPurchaseThirtyOneDaysAfterTheSaleIsNotAWashSale() {
        TaxLotBook.Result r = new TaxLotBook(LotMethod.FIFO).apply(List.of(
                buy("A", "2026-03-02", "1000", "80.00"),
                sell("S", "2026-04-01", "1000", "72.00"),
                buy("R", "2026-05-02", "1000", "73.00")));
        assertThat(r.washSales()).isEmpty();
        assertThat(r.openLots().get(0).basis()).isEqualByComparingTo("73000.00");
        assertThat(r.disposals().get(0).reportable()).isEqualByComparingTo("-8000.00");
    }

    @Test
    void sharesCalledAwayHeldOverAYearAreALongTermSaleAtTheStrike() {
        TaxLotBook.Result r = new TaxLotBook(LotMethod.FIFO).apply(List.of(
                buy("A", "2025-01-06", "4000", "60.00"),
                // assignment of 40 UPRO 84 calls: a sale of 4,000 shares at 84.00, commission 0
                sell("assign", "2026-11-27", "4000", "84.00")));
        assertThat(r.disposals().get(0).gain()).isEqualByComparingTo("96000.00");
        assertThat(r.disposals().get(0).longTerm()).isTrue();
    }
}
