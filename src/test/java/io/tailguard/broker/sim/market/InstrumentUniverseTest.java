package io.tailguard.broker.sim.market;

import static io.tailguard.broker.sim.market.MarketFixtures.marketAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.OptionChainDefinition;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.SecurityType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentUniverseTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static List<LocalDate> expiries(ModelMarket m, String symbol, String tradingClass) {
        return m.optionDefinitions(symbol, 0).stream()
                .filter(def -> def.exchange().equals("SMART") && def.tradingClass().equals(tradingClass))
                .findFirst().orElseThrow().expirations().stream().toList();
    }

    @Test
    void movesAWeeklyOnGoodFridayToTheThursdayBefore() {
        ModelMarket m = marketAt("2026-03-23", 9, 30);
        assertThat(expiries(m, "XSP", "XSP")).contains(d("2026-04-02"), d("2026-04-01"), d("2026-04-06"))
                .doesNotContain(d("2026-04-03"));
        assertThat(expiries(m, "UPRO", "UPRO")).contains(d("2026-04-02")).doesNotContain(d("2026-04-03"));
        assertThat(expiries(m, "SPX", "SPXW")).contains(d("2026-04-02"));
    }

    @Test
    void listsMonWedFriWeekliesAndMonthliesAroundThanksgiving() {
        ModelMarket m = marketAt("2026-11-16", 9, 30);
        List<LocalDate> xsp = expiries(m, "XSP", "XSP");
        assertThat(xsp).startsWith(d("2026-11-16"), d("2026-11-18"), d("2026-11-20"), d("2026-11-23"),
                d("2026-11-25"), d("2026-11-27"));
        assertThat(xsp.get(xsp.size() - 1)).isAfter(d("2027-01-15")).as("third Friday monthlies ~3 months out");
        assertThat(xsp).allMatch(e -> m.calendar().isTradingDay(e));
        assertThat(expiries(m, "SPX", "SPX")).containsExactly(d("2026-11-20"), d("2026-12-18"), d("2027-01-15"),
                d("2027-02-19"));
        assertThat(expiries(m, "SPY", "SPY")).as("Christmas and New Year's Fridays move to Thursday")
                .contains(d("2026-12-24"), d("2026-12-31"), d("2027-01-15"))
                .doesNotContain(d("2026-12-25"), d("2027-01-01"));
    }

    @Test
    void dropsASeriesAtItsVenueClose() {
        ModelMarket m = marketAt("2026-11-20", 15, 59);
        assertThat(expiries(m, "UPRO", "UPRO")).contains(d("2026-11-20"));
        m.clock().advance(java.time.Duration.ofMinutes(1));
        assertThat(expiries(m, "UPRO", "UPRO")).doesNotContain(d("2026-11-20"));
        assertThat(expiries(m, "XSP", "XSP")).as("index options trade to 16:15").contains(d("2026-11-20"));
        m.clock().advance(java.time.Duration.ofMinutes(15));
        assertThat(expiries(m, "XSP", "XSP")).doesNotContain(d("2026-11-20"));
        assertThat(expiries(m, "SPX", "SPX")).as("AM-settled monthly stopped trading the day before")
                .doesNotContain(d("2026-11-20"));
    }

    @Test
    void listsOnePointXspStrikesNearTheMoneyAndFiveFurtherOut() {
        ModelMarket m = marketAt("2026-11-16", 9, 30);
        OptionChainDefinition xsp = m.optionDefinitions("XSP", Underlying.XSP.conId()).get(0);
        assertThat(xsp.multiplier()).isEqualTo(100);
        assertThat(xsp.underlyingConId()).isEqualTo(Underlying.XSP.conId());
        List<ContractDetails> puts = m.contractDetails(new ContractQuery(0, "XSP", SecurityType.OPTION,
                d("2026-11-20"), null, null, OptionRight.PUT, 0, "SMART", "", "", "XSP"));
        List<Double> strikes = puts.stream().map(cd -> cd.contract().strike().doubleValue()).toList();
        assertThat(strikes).contains(560.0, 589.0, 590.0, 591.0, 620.0, 400.0).doesNotContain(401.0, 590.5);
        assertThat(strikes.size()).isBetween(200, 450);
    }

    @Test
    void matchesPartialQueriesLikeIb() {
        ModelMarket m = marketAt("2026-11-16", 9, 30);
        Contract xspPut = Contract.option("XSP", d("2026-11-20"), new BigDecimal("590"), OptionRight.PUT, "XSP", 100);
        List<ContractDetails> one = m.contractDetails(xspPut);
        assertThat(one).hasSize(1);
        ContractDetails put = one.get(0);
        assertThat(put.contract().localSymbol()).isEqualTo("XSP   261120P00590000");
        assertThat(put.marketRuleIds()).containsExactly(MarketRules.PENNY_NICKEL);
        assertThat(put.minTick()).isEqualTo(0.01);
        assertThat(put.timeZoneId()).isEqualTo("US/Eastern");
        assertThat(put.underlyingConId()).isEqualTo(Underlying.XSP.conId());
        assertThat(put.liquidHours()).startsWith("20261116:0930-20261116:1615;");
        assertThat(m.contractDetails(ContractQuery.byConId(put.contract().conId()))).containsExactly(put);

        ContractQuery anyStrike = new ContractQuery(0, "XSP", SecurityType.OPTION, d("2026-11-20"), null,
                BigDecimal.ZERO, null, 0, "", "", "", "");
        int all = m.contractDetails(anyStrike).size();
        assertThat(all % 2).isZero();
        assertThat(m.contractDetails(ContractQuery.options("XSP", "XSP", d("2026-11-20")))).hasSize(all);

        ContractQuery month = new ContractQuery(0, "SPX", SecurityType.OPTION, null, YearMonth.of(2026, 11),
                new BigDecimal("5900"), OptionRight.CALL, 100, "CBOE", "", "", "SPX");
        List<ContractDetails> spx = m.contractDetails(month);
        assertThat(spx).hasSize(1);
        assertThat(spx.get(0).contract().exchange()).isEqualTo("CBOE");
        assertThat(spx.get(0).marketRuleIds()).containsExactly(MarketRules.NICKEL_DIME);

        List<ContractDetails> upro = m.contractDetails(Contract.stock("UPRO"));
        assertThat(upro).hasSize(1);
        assertThat(upro.get(0).contract().primaryExchange()).isEqualTo("ARCA");
        assertThat(upro.get(0).contract().conId()).isEqualTo(Underlying.UPRO.conId());
        assertThat(m.contractDetails(Contract.index("TNX", "CBOE"))).hasSize(1);
        assertThat(m.contractDetails(Contract.index("XSP", "NYSE"))).isEmpty();
        assertThat(m.contractDetails(Contract.stock("NOPE"))).isEmpty();
    }

    @Test
    void keepsConIdsStableAcrossRunsSeedsAndDates() {
        ModelMarket a = marketAt("2026-11-16", 9, 30);
        ModelMarket b = MarketFixtures.market(MarketFixtures.startingAt(MarketFixtures.ny("2026-11-18", 11, 0))
                .withSeed(99));
        Contract xspPut = Contract.option("XSP", d("2026-11-20"), new BigDecimal("590"), OptionRight.PUT, "XSP", 100);
        long idA = a.contractDetails(xspPut).get(0).contract().conId();
        long idB = b.contractDetails(xspPut).get(0).contract().conId();
        assertThat(idA).isEqualTo(idB).isEqualTo(EXPECTED_XSP_590P_20261120).isLessThan(Integer.MAX_VALUE);
        assertThat(a.contract(idA)).isPresent();
        assertThat(Underlying.SPX.conId()).isEqualTo(10_001);
    }

    /** Pinned: class 3, 2515 days after 2020-01-01, 1180 half-points, put. */
    private static final long EXPECTED_XSP_590P_20261120 = ((3L << 12 | 2515) << 15 | 1180) << 1;

    @Test
    void servesMarketRulesListedInDetails() {
        ModelMarket m = marketAt("2026-11-16", 9, 30);
        assertThat(m.marketRule(MarketRules.PENNY_NICKEL)).hasValueSatisfying(r -> {
            assertThat(r.incrementAt(2.99)).isEqualTo(0.01);
            assertThat(r.incrementAt(3.00)).isEqualTo(0.05);
        });
        assertThat(m.marketRule(MarketRules.PENNY)).isPresent();
        assertThat(m.marketRule(12345)).isEmpty();
    }
}
