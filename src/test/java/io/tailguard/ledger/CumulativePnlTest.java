package io.tailguard.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CumulativePnlTest {
    private static final BigDecimal QUARTER = new BigDecimal("0.25");

    /** A week on a 100,000.00 position: the unhedged and the bucket figures; net is their sum. */
    private static CyclePnl week(String id, String unhedged, String puts, String calls, String commissions,
            String paid, String received) {
        BigDecimal u = new BigDecimal(unhedged);
        BigDecimal net = u.add(new BigDecimal(puts)).add(new BigDecimal(calls)).add(new BigDecimal(commissions));
        return new CyclePnl(id, true, new BigDecimal("100000.00"), BigDecimal.TEN, u, new BigDecimal(puts),
                new BigDecimal(calls), new BigDecimal(commissions), net, u, new BigDecimal(paid),
                new BigDecimal(received), BigDecimal.ZERO, 0, QUARTER);
    }

    private final List<CyclePnl> weeks = List.of(
            // +2,000.00 unhedged; puts -600.00, calls +150.00, commissions -12.30 -> net +1,537.70
            week("W1", "2000.00", "-600.00", "150.00", "-12.30", "600.00", "150.00"),
            // -9,000.00 unhedged; puts +5,400.00, commissions -10.40 -> net -3,610.40
            week("W2", "-9000.00", "5400.00", "0", "-10.40", "650.00", "0"),
            // +500.00 unhedged; puts -700.00, calls +200.00, commissions -13.65 -> net -13.65
            week("W3", "500.00", "-700.00", "200.00", "-13.65", "700.00", "200.00"));

    @Test
    void cumulativeMoneyFiguresEqualTheSumOfTheCycles() {
        CumulativePnl all = CumulativePnl.of(weeks);
        assertThat(all.cycles()).isEqualTo(3);
        assertThat(all.net()).isEqualByComparingTo(weeks.stream().map(CyclePnl::net).reduce(BigDecimal.ZERO,
                BigDecimal::add));
        // 1,537.70 - 3,610.40 - 13.65 = -2,086.35
        assertThat(all.net()).isEqualByComparingTo("-2086.35");
        assertThat(all.unhedged()).isEqualByComparingTo("-6500.00");
        assertThat(all.puts()).isEqualByComparingTo("4100.00");
        assertThat(all.calls()).isEqualByComparingTo("350.00");
        assertThat(all.commissions()).isEqualByComparingTo("-36.35");
        assertThat(all.premiumPaid()).isEqualByComparingTo("1950.00");
        assertThat(all.premiumReceived()).isEqualByComparingTo("350.00");
        assertThat(all.underlying().add(all.puts()).add(all.calls()).add(all.commissions()))
                .isEqualByComparingTo(all.net());
    }

    @Test
    void returnsCompoundAndTheWorstWeekAndDrawdownsComeFromTheWeeks() {
        CumulativePnl all = CumulativePnl.of(weeks);
        // hedged weekly returns: +1.5377%, -3.6104%, -0.01365%
        // 1.015377 x 0.963896 x 0.9998635 = 0.978578... -> -2.14%
        assertThat(CyclePnl.percent(all.hedgedReturn(), 2)).isEqualByComparingTo("-2.14");
        // unhedged: 1.02 x 0.91 x 1.005 = 0.932841 -> -6.7159%
        assertThat(CyclePnl.percent(all.unhedgedReturn(), 4)).isEqualByComparingTo("-6.7159");
        assertThat(CyclePnl.percent(all.worstWeekHedged(), 4)).isEqualByComparingTo("-3.6104");
        assertThat(CyclePnl.percent(all.worstWeekUnhedged(), 2)).isEqualByComparingTo("-9.00");
        // unhedged drawdown: peak 1.02, trough 0.9282 -> 1 - 0.91 = 9.00%
        assertThat(CyclePnl.percent(all.maxDrawdownUnhedged(), 2)).isEqualByComparingTo("9.00");
        // hedged: peak 1.015377, then x 0.963896 x 0.9998635 -> 1 - 0.9637644 = 3.62%
        assertThat(CyclePnl.percent(all.maxDrawdownHedged(), 2)).isEqualByComparingTo("3.62");
        // one winning week of three
        assertThat(CyclePnl.percent(all.winRatio(), 2)).isEqualByComparingTo("33.33");
    }

    @Test
    void noCyclesIsAllZero() {
        CumulativePnl none = CumulativePnl.of(List.of());
        assertThat(none.net()).isEqualByComparingTo("0");
        assertThat(none.hedgedReturn()).isEqualByComparingTo("0");
        assertThat(none.winRatio()).isEqualByComparingTo("0");
    }
}
