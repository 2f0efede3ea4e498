package io.tailguard.broker.ibkr.decode;

import static io.tailguard.testing.ServerMessages.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.broker.ibkr.wire.IncomingMessage;
import io.tailguard.broker.ibkr.wire.ProtocolException;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.SecurityType;
import io.tailguard.testing.ServerMessages;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageDecoderTest {

    @Test
    void decodesAnErrorWithItsIdCodeAndText() {
        assertThat(MessageDecoder.decode(ServerMessages.error(42, 354, "not subscribed")))
                .isEqualTo(new TwsEvent.ErrorMessage(42, 354, "not subscribed", ""));
    }

    @Test
    void decodesTheConnectMessages() {
        assertThat(MessageDecoder.decode(ServerMessages.nextValidId(17))).isEqualTo(new TwsEvent.NextValidId(17));
        assertThat(MessageDecoder.decode(ServerMessages.managedAccounts("DU1,DU2,")))
                .isEqualTo(new TwsEvent.ManagedAccounts(List.of("DU1", "DU2")));
        assertThat(MessageDecoder.decode(of(IncomingMessage.CURRENT_TIME, 1, 1_795_000_000L)))
                .isEqualTo(new TwsEvent.CurrentTime(1_795_000_000L));
        assertThat(MessageDecoder.decode(of(IncomingMessage.MARKET_DATA_TYPE, 1, 5, 3)))
                .isEqualTo(new TwsEvent.MarketDataType(5, 3));
    }

    @Test
    void decodesContractDataOfAnOptionWithItsMarketRules() {
        TwsEvent e = MessageDecoder.decode(ServerMessages.contractData(9, "XSP", "OPT", "20261127", 590.0, "P", "XSP",
                1_005_901, "100", "110,110"));

        TwsEvent.ContractData d = (TwsEvent.ContractData) e;
        assertThat(d.reqId()).isEqualTo(9);
        assertThat(d.details().contract().securityType()).isEqualTo(SecurityType.OPTION);
        assertThat(d.details().contract().expiry()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(d.details().contract().strike()).isEqualByComparingTo("590");
        assertThat(d.details().contract().right()).isEqualTo(OptionRight.PUT);
        assertThat(d.details().contract().multiplier()).isEqualTo(100);
        assertThat(d.details().contract().conId()).isEqualTo(1_005_901);
        assertThat(d.details().minTick()).isEqualTo(0.01);
        assertThat(d.details().marketRuleIds()).containsExactly(110, 110);
        assertThat(d.details().timeZoneId()).isEqualTo("US/Eastern");
        assertThat(MessageDecoder.decode(ServerMessages.contractDataEnd(9))).isEqualTo(new TwsEvent.ContractDataEnd(9));
    }

    @Test
    void decodesOptionParametersPerExchange() {
        TwsEvent.SecDefOptParams p = (TwsEvent.SecDefOptParams) MessageDecoder.decode(ServerMessages.secDefOptParams(3,
                "SMART", 416904, "XSP", List.of("20261127", "20261120"), List.of("590", "590.5")));

        assertThat(p.definition().exchange()).isEqualTo("SMART");
        assertThat(p.definition().expirations()).containsExactly(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 27));
        assertThat(p.definition().strikes()).hasSize(2);
        assertThat(MessageDecoder.decode(ServerMessages.secDefOptParamsEnd(3))).isEqualTo(new TwsEvent.SecDefOptParamsEnd(3));
    }

    @Test
    void decodesTicks() {
        TwsEvent.TickPrice price = (TwsEvent.TickPrice) MessageDecoder.decode(ServerMessages.tickPrice(5, 1, 1.25, "10"));
        assertThat(price.tickType()).isEqualTo(1);
        assertThat(price.price()).isEqualTo(1.25);
        assertThat(price.size()).isEqualByComparingTo("10");
        assertThat(MessageDecoder.decode(ServerMessages.tickSize(5, 3, "7"))).isInstanceOfSatisfying(TwsEvent.TickSize.class,
                s -> assertThat(s.size()).isEqualByComparingTo("7"));
        assertThat(MessageDecoder.decode(of(IncomingMessage.TICK_GENERIC, 6, 5, 24, 0.21)))
                .isEqualTo(new TwsEvent.TickGeneric(5, 24, 0.21));
        assertThat(MessageDecoder.decode(of(IncomingMessage.TICK_STRING, 6, 5, 45, "1795000000")))
                .isEqualTo(new TwsEvent.TickString(5, 45, "1795000000"));
        assertThat(MessageDecoder.decode(ServerMessages.snapshotEnd(5))).isEqualTo(new TwsEvent.TickSnapshotEnd(5));
        assertThat(MessageDecoder.decode(of(IncomingMessage.TICK_REQ_PARAMS, 5, 0.01, "9c0001", 3)))
                .isEqualTo(new TwsEvent.TickReqParams(5, 0.01, "9c0001", 3));
    }

    @Test
    void decodesAnOptionComputationAndTurnsNotComputedIntoNaN() {
        TwsEvent.TickOptionComputation c = (TwsEvent.TickOptionComputation) MessageDecoder.decode(
                ServerMessages.optionComputation(5, 13, -1.0, -2.0, 1.5, 0.01, 0.2, -0.1, 600.0));

        assertThat(c.tickType()).isEqualTo(13);
        assertThat(c.impliedVol()).isNaN();
        assertThat(c.delta()).isNaN();
        assertThat(c.optionPrice()).isEqualTo(1.5);
        assertThat(c.theta()).isEqualTo(-0.1);
        assertThat(c.underlyingPrice()).isEqualTo(600.0);
    }

    @Test
    void decodesHistoricalDataAsOneMessageAt193() {
        TwsEvent.HistoricalData h = (TwsEvent.HistoricalData) MessageDecoder.decode(of(IncomingMessage.HISTORICAL_DATA,
                8, "20261120", "20261123", 1, "20261123", 598.0, 601.0, 597.0, 600.0, "12345", "599.1", 88));

        assertThat(h.reqId()).isEqualTo(8);
        assertThat(h.bars()).singleElement().satisfies(b -> {
            assertThat(b.date()).isEqualTo(LocalDate.of(2026, 11, 23));
            assertThat(b.volume()).isEqualTo(12345.0);
        });
    }

    @Test
    void decodesPositionsAccountSummaryAndMarketRules() {
        TwsEvent.PositionData p = (TwsEvent.PositionData) MessageDecoder.decode(of(IncomingMessage.POSITION, 3, "DU1",
                58_000_001, "UPRO", "STK", "", 0.0, "", "", "ARCA", "USD", "UPRO", "UPRO", "300", 71.25));
        assertThat(p.position().contract().symbol()).isEqualTo("UPRO");
        assertThat(p.position().averageCost()).isEqualTo(71.25);
        assertThat(MessageDecoder.decode(of(IncomingMessage.POSITION_END, 1))).isEqualTo(new TwsEvent.PositionEnd());
        assertThat(MessageDecoder.decode(of(IncomingMessage.ACCOUNT_SUMMARY, 1, 4, "DU1", "BuyingPower", "1000", "USD")))
                .isEqualTo(new TwsEvent.AccountSummaryValue(4, "DU1", "BuyingPower", "1000", "USD"));
        assertThat(MessageDecoder.decode(of(IncomingMessage.ACCOUNT_SUMMARY_END, 1, 4))).isEqualTo(new TwsEvent.AccountSummaryEnd(4));
        TwsEvent.MarketRuleData rule = (TwsEvent.MarketRuleData) MessageDecoder.decode(of(IncomingMessage.MARKET_RULE,
                110, 2, 0.0, 0.01, 3.0, 0.05));
        assertThat(rule.increments()).hasSize(2);
        assertThat(rule.increments().get(1).lowEdge()).isEqualTo(3.0);
    }

    @Test
    void yieldsUnhandledForAnUnknownIdAndFailsLoudlyOnAnUnderrun() {
        assertThat(MessageDecoder.decode(of(777, 1, "x"))).isEqualTo(new TwsEvent.Unhandled(777, 3));
        assertThatThrownBy(() -> MessageDecoder.decode(of(IncomingMessage.TICK_PRICE, 6, 5)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("underrun");
    }
}
