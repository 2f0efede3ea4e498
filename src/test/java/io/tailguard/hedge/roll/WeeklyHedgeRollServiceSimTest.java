package io.tailguard.hedge.roll;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.app.WeeklyHedgeStrategy;
import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.broker.sim.market.ClockMode;
import io.tailguard.broker.sim.market.MarketModelConfig;
import io.tailguard.broker.sim.market.ModelMarket;
import io.tailguard.broker.sim.market.VolOverride;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.SecurityType;
import io.tailguard.hedge.HedgeDecision;
import io.tailguard.hedge.LossMeasure;
import io.tailguard.hedge.RollTolerance;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.orders.Actor;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.ProposalState;
import io.tailguard.calendar.ExchangeCalendar;
import io.tailguard.signals.HoldState;
import io.tailguard.signals.VolatilityRegime;
import io.tailguard.testing.SignalFixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole roll analysis against the simulated gateway over loopback, through our own client. */
class WeeklyHedgeRollServiceSimTest {
    private static final SignalsReader NO_SNAPSHOT = SignalsReader.none(SignalFixtures.REGIME_RULE);
    private final ExchangeCalendar calendar = ExchangeCalendar.nyse();
    private final List<Proposal> stored = new CopyOnWriteArrayList<>();
    private SimGateway gateway;
    private Clock marketClock;
    private IbkrBroker broker;

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private WeeklyHedgeRollService service(double vol, WeeklyHedgeConfig config) {
        gateway = SimGateway.withModelMarket(SimGatewayConfig.defaults().withPort(0), MarketModelConfig.defaults())
                .start();
        ((ModelMarket) gateway.market()).setVolOverride(VolOverride.fixed(vol));
        // the market's own clock, not the machine's: its chain lists expiries from its start date, and a
        // roll dated by the wall clock weeks later picked a far expiry and found no feasible hedge
        marketClock = ((ModelMarket) gateway.market()).clock();
        broker = new IbkrBroker(new IbkrClientConfig("127.0.0.1", gateway.port(), 21, 1, 45, 90,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(500)),
                marketClock);
        broker.connect();
        return new WeeklyHedgeRollService(marketClock, broker, NO_SNAPSHOT, stored::add, calendar, config);
    }

    /**
     * The embedded default's market ({@code BrokerConnection}: the model from the given instant at 5,900 /
     * 80.00, its own start volatility), on a manual clock standing at {@code nowInNewYork}.
     */
    private WeeklyHedgeRollService embeddedDefault(String nowInNewYork, WeeklyHedgeConfig config) {
        Instant now = LocalDateTime.parse(nowInNewYork).atZone(ExchangeCalendar.NEW_YORK).toInstant();
        gateway = SimGateway.withModelMarket(SimGatewayConfig.defaults().withPort(0),
                MarketModelConfig.defaults().withStart(now, 5900.0, 80.0).withClock(ClockMode.MANUAL, 1.0)).start();
        marketClock = ((ModelMarket) gateway.market()).clock();
        broker = new IbkrBroker(new IbkrClientConfig("127.0.0.1", gateway.port(), 21, 1, 45, 90,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(500)),
                marketClock);
        broker.connect();
        return new WeeklyHedgeRollService(marketClock, broker, NO_SNAPSHOT, stored::add, calendar, config);
    }

    @ParameterizedTest(name = "at {0} New York: analysis on the close of {1}")
    @CsvSource({
            "2026-12-03T20:13, 2026-12-03, 2026-12-04",   // Thursday evening
            "2026-12-03T11:00, 2026-12-02, 2026-12-03",   // Thursday in the session: Wednesday's close
            "2026-12-05T12:00, 2026-12-04, 2026-12-07",   // Saturday
            "2026-12-07T08:00, 2026-12-04, 2026-12-07"})  // Monday before the open
    void theDefaultStrategyPreviewsAHedgeOnTheEmbeddedDefaultsMarketAtAnyHour(String now, String analysis,
            String execution) {
        RollAnalysis a = embeddedDefault(now, strategy()).preview(false);

        assertThat(a.analysisDate()).isEqualTo(LocalDate.parse(analysis));
        assertThat(a.executionDate()).isEqualTo(LocalDate.parse(execution));
        assertThat(calendar.tradingDaysBetween(a.analysisDate(), a.market().expiry())).isGreaterThanOrEqualTo(5);
        // the mid-teens: puts alone cannot meet the 2.7% tolerance, covered calls on part of the shares do
        assertThat(a.regime()).isEqualTo(VolatilityRegime.MODEST);
        assertThat(a.feasible()).as(a.report()).isTrue();
        assertThat(a.feasibleTolerance()).isEmpty();
        Proposal p = a.proposal().orElseThrow();
        // the id carries the New York date and time of the roll (20:13 on Dec 3 is Dec 4 in UTC), as a trader's does
        assertThat(p.id()).matches("H-" + now.replace("-", "").replace("T", "-").replace(":", "") + "00-[0-9a-f]{3}");
        assertThat(p.createdBy()).isEqualTo(Actor.DAEMON);
        assertThat(p.legs()).anySatisfy(l -> {
            assertThat(l.contract().symbol()).isEqualTo("XSP");
            assertThat(l.intent()).isEqualTo(LegIntent.BUY_PROTECTION);
        });
        // MODEST lets the calls (when they pay) cover at most half of the 4,000 shares
        assertThat(p.legs().stream().filter(l -> l.intent() == LegIntent.OPEN_SHORT_CALL)
                .mapToLong(l -> Math.abs(l.quantity()) * 100L).sum()).isBetween(0L, 2000L);
        assertThat(stored).isEmpty();
    }

    @Test
    void anInfeasibleRollSaysWhichToleranceWouldHavePassedAndThatFigurePasses() {
        WeeklyHedgeConfig tight = strategy().withLossTolerance(new WeeklyHedgeConfig.LossTolerance(0.005,
                LossMeasure.P5));
        WeeklyHedgeRollService service = embeddedDefault("2026-12-03T20:13", tight);

        RollAnalysis a = service.preview(false);

        assertThat(a.feasible()).isFalse();
        assertThat(a.proposal()).isEmpty();
        RollTolerance feasible = a.feasibleTolerance().orElseThrow();
        String figure = java.math.BigDecimal.valueOf(Math.round(feasible.fractionOfPosition() * 10_000), 4)
                .stripTrailingZeros().toPlainString();
        assertThat(a.report()).contains("NO FEASIBLE HEDGE", "feasible tolerance",
                "lossTolerance.fractionOfPosition: " + figure, "closest (not proposed)");
        // the same market (the clock stands still), the same paths: the figure passes, a basis point less does not
        RollAnalysis at = new WeeklyHedgeRollService(marketClock, broker, NO_SNAPSHOT, stored::add, calendar,
                tight.withLossTolerance(new WeeklyHedgeConfig.LossTolerance(feasible.fractionOfPosition(),
                        LossMeasure.P5))).preview(false);
        RollAnalysis below = new WeeklyHedgeRollService(marketClock, broker, NO_SNAPSHOT, stored::add,
                calendar, tight.withLossTolerance(new WeeklyHedgeConfig.LossTolerance(
                        feasible.fractionOfPosition() - 0.0001, LossMeasure.P5))).preview(false);
        assertThat(at.feasible()).as(at.report()).isTrue();
        assertThat(below.feasible()).as(below.report()).isFalse();
    }

    private static WeeklyHedgeConfig strategy() {
        WeeklyHedgeConfig c = WeeklyHedgeStrategy.load(Path.of("strategies", "weekly-xsp-hedge.yaml"));
        return c.withSimulation(c.simulation().withPaths(20_000));
    }

    private LocalDate today() {
        return calendar.tradingDayOnOrBefore(LocalDate.ofInstant(marketClock.instant(), ExchangeCalendar.NEW_YORK));
    }

    @Test
    void aCheapWeekProposesXspPutsThatKeepTheLossWithinTheTolerance() {
        // the simulated chain's puts carry skew and a spread: 3.5% of the position is feasible there at 11%
        WeeklyHedgeRollService service = service(0.11,
                strategy().withLossTolerance(new WeeklyHedgeConfig.LossTolerance(0.035, LossMeasure.P5)));
        LocalDate today = today();

        RollAnalysis analysis = service.roll(today, calendar.nextTradingDay(today), false);

        assertThat(analysis.regime()).isEqualTo(VolatilityRegime.CHEAP);
        assertThat(analysis.holdOut()).isEqualTo(HoldState.HOLD);
        assertThat(analysis.holdOutSource()).contains("fallback");
        assertThat(analysis.shares()).isEqualTo(4000);
        assertThat(analysis.optimization()).get().satisfies(o -> {
            assertThat(o.decision()).isInstanceOf(HedgeDecision.Chosen.class);
            var best = ((HedgeDecision.Chosen) o.decision()).best();
            assertThat(o.measure().of(best.hedged())).isGreaterThanOrEqualTo(-o.toleranceUsd());
        });
        assertThat(calendar.tradingDaysBetween(today, analysis.market().expiry())).isGreaterThanOrEqualTo(5);
        assertThat(stored).singleElement().isEqualTo(analysis.proposal().orElseThrow());
        Proposal p = stored.get(0);
        assertThat(p.state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(p.strategy()).isEqualTo("weekly-xsp-hedge");
        assertThat(p.legs()).isNotEmpty().allSatisfy(l -> {
            assertThat(l.contract().symbol()).isEqualTo("XSP");
            assertThat(l.contract().right()).isEqualTo(OptionRight.PUT);
            assertThat(l.contract().expiry()).isEqualTo(analysis.market().expiry());
            assertThat(l.contract().conId()).isPositive();
            assertThat(l.side()).isEqualTo(OrderSide.BUY);
            assertThat(l.intent()).isEqualTo(LegIntent.BUY_PROTECTION);
            assertThat(l.worstPrice()).isGreaterThanOrEqualTo(l.limitPrice());
        });
        assertThat(p.everyLegReducesRisk()).isTrue();
        assertThat(p.metrics()).containsKeys("hedged_expected_usd", "unhedged_p5_usd", "hold_out_source", "regime");
        assertThat(analysis.report()).contains("strike comparison", "hedged", "unhedged");
    }

    @Test
    void aRichWeekWithATightToleranceSellsCoveredCallsButNeverMoreThanTheSharesCover() {
        // 2.5% of the position: puts alone cannot keep the loss within it at 22% (2% is infeasible), the
        // calls' premium buys the protection, as many of them as the 4,000 shares cover
        WeeklyHedgeConfig tight = strategy().withLossTolerance(new WeeklyHedgeConfig.LossTolerance(0.025,
                LossMeasure.P5));
        WeeklyHedgeRollService service = service(0.22, tight);
        LocalDate today = today();

        RollAnalysis analysis = service.analyze(today, calendar.nextTradingDay(today), false);

        assertThat(analysis.regime()).isEqualTo(VolatilityRegime.RICH);
        var evaluated = analysis.optimization().orElseThrow().evaluated();
        assertThat(evaluated).anySatisfy(s -> assertThat(s.structure().legs()).anyMatch(l -> l.isShort()));
        assertThat(evaluated).allSatisfy(s -> assertThat(s.structure().legs().stream().filter(l -> l.isShort())
                .mapToLong(l -> -l.contracts() * 100L).sum()).isLessThanOrEqualTo(4000));
        // the proposal itself sells calls, and no more than the shares cover
        Proposal p = analysis.proposal().orElseThrow(() -> new AssertionError("no proposal:\n" + analysis.report()));
        List<ProposalLeg> sold = p.legs().stream().filter(l -> l.side() == OrderSide.SELL).toList();
        assertThat(sold).as("covered calls in a rich week:\n" + analysis.report()).isNotEmpty()
                .allSatisfy(l -> assertThat(l.intent()).isEqualTo(LegIntent.OPEN_SHORT_CALL));
        assertThat(sold.stream().mapToLong(l -> l.quantity() * 100L).sum()).as("shares under the calls")
                .isBetween(1L, 4000L);
        assertThat(stored).isEmpty();
    }

    @Test
    void outProposesToSellTheUnderlyingAndNoHedge() {
        WeeklyHedgeConfig base = strategy();
        WeeklyHedgeRollService service = service(0.15, base.withRiskAssessment(new WeeklyHedgeConfig.RiskAssessment(
                WeeklyHedgeConfig.RiskSource.CONFIGURED, WeeklyHedgeConfig.HoldFallback.OUT)));
        LocalDate today = today();

        RollAnalysis analysis = service.analyze(today, calendar.nextTradingDay(today), false);

        assertThat(analysis.holdOut()).isEqualTo(HoldState.OUT);
        assertThat(analysis.optimization()).isEmpty();
        assertThat(analysis.proposal().orElseThrow().legs()).singleElement().satisfies(l -> {
            assertThat(l.contract().securityType()).isEqualTo(SecurityType.STOCK);
            assertThat(l.side()).isEqualTo(OrderSide.SELL);
            assertThat(l.quantity()).isEqualTo(4000);
            assertThat(l.intent()).isEqualTo(LegIntent.SELL_UNDERLYING);
        });
    }
}
