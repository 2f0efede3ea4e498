package io.tailguard.broker.ibkr.decode;

import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.DailyBar;
import io.tailguard.domain.OptionChainDefinition;
import io.tailguard.domain.Position;
import io.tailguard.domain.PriceIncrement;
import java.math.BigDecimal;
import java.util.List;

/**
 * One decoded TWS-to-client message. Names follow IB's message names; the request id (tickerId,
 * reqId) is the correlation key where the message has one. Order events (ORDER_STATUS, OPEN_ORDER,
 * EXECUTION_DATA, ...) join this hierarchy in the orders issue.
 */
public sealed interface TwsEvent {

    /** Events answering one request carry its id. */
    sealed interface Correlated extends TwsEvent {
        int reqId();
    }

    record ErrorMessage(int id, int code, String text, String advancedOrderRejectJson) implements TwsEvent {
    }

    record NextValidId(int orderId) implements TwsEvent {
    }

    record ManagedAccounts(List<String> accounts) implements TwsEvent {
    }

    record CurrentTime(long epochSeconds) implements TwsEvent {
    }

    record MarketDataType(int reqId, int type) implements Correlated {
    }

    record ContractData(int reqId, ContractDetails details) implements Correlated {
    }

    record ContractDataEnd(int reqId) implements Correlated {
    }

    record SecDefOptParams(int reqId, OptionChainDefinition definition) implements Correlated {
    }

    record SecDefOptParamsEnd(int reqId) implements Correlated {
    }

    /** Price ticks: 1 bid, 2 ask, 4 last, 9 close; delayed 66 bid, 67 ask, 68 last, 75 close. */
    record TickPrice(int reqId, int tickType, double price, BigDecimal size, int attribMask) implements Correlated {
    }

    /** Size ticks: 0 bid, 3 ask, 5 last, 8 volume; delayed 69, 70, 71, 74. */
    record TickSize(int reqId, int tickType, BigDecimal size) implements Correlated {
    }

    /**
     * Option computation: tick 10 bid, 11 ask, 12 last, 13 model (80..83 delayed). Values IB has not
     * computed (-1 for prices and vol, -2 for greeks) are NaN here.
     */
    record TickOptionComputation(int reqId, int tickType, int tickAttrib, double impliedVol, double delta,
            double optionPrice, double pvDividend, double gamma, double vega, double theta, double underlyingPrice)
            implements Correlated {
    }

    record TickGeneric(int reqId, int tickType, double value) implements Correlated {
    }

    record TickString(int reqId, int tickType, String value) implements Correlated {
    }

    record TickSnapshotEnd(int reqId) implements Correlated {
    }

    record TickReqParams(int reqId, double minTick, String bboExchange, int snapshotPermissions)
            implements Correlated {
    }

    /** At 193 the whole answer is one message (HISTORICAL_DATA_END only exists from 196). */
    record HistoricalData(int reqId, String startDate, String endDate, List<DailyBar> bars) implements Correlated {
    }

    record PositionData(Position position) implements TwsEvent {
    }

    record PositionEnd() implements TwsEvent {
    }

    record AccountSummaryValue(int reqId, String account, String tag, String value, String currency)
            implements Correlated {
    }

    record AccountSummaryEnd(int reqId) implements Correlated {
    }

    record MarketRuleData(int marketRuleId, List<PriceIncrement> increments) implements TwsEvent {
    }

    /** ORDER_STATUS; {@code rawStatus} is IB's text, the report carries it translated. */
    record OrderStatus(io.tailguard.domain.OrderStatusReport report, String rawStatus, BigDecimal lastFillPrice,
            int clientId) implements TwsEvent {
    }

    /** OPEN_ORDER; the report's filled quantity is 0 here (IB sends it in the ORDER_STATUS that follows). */
    record OpenOrder(io.tailguard.domain.OpenOrderReport report, List<ComboLeg> comboLegs,
            int clientId, String orderType, String deltaNeutralOrderType) implements TwsEvent {
        public OpenOrder {
            comboLegs = List.copyOf(comboLegs);
        }
    }

    /** A combo leg as OPEN_ORDER / COMPLETED_ORDER report it (action BUY/SELL for one BUY of the combo). */
    record ComboLeg(long conId, int ratio, String action, String exchange) {
    }

    record OpenOrderEnd() implements TwsEvent {
    }

    /** COMPLETED_ORDER: no order id on the wire (0 in the report); orderRef and permId identify it. */
    record CompletedOrder(io.tailguard.domain.OpenOrderReport report, List<ComboLeg> comboLegs,
            String completedTime, String completedStatus, String deltaNeutralOrderType) implements TwsEvent {
        public CompletedOrder {
            comboLegs = List.copyOf(comboLegs);
        }
    }

    record CompletedOrdersEnd() implements TwsEvent {
    }

    /** EXECUTION_DATA; reqId -1 for a live fill nobody asked about. */
    record ExecutionData(int reqId, io.tailguard.domain.ExecutionReport execution) implements Correlated {
    }

    record ExecutionDataEnd(int reqId) implements Correlated {
    }

    /** COMMISSION_REPORT; {@code report} is null when IB sent the commission as unset (unknown, not zero). */
    record CommissionData(String execId, io.tailguard.domain.CommissionReport report, BigDecimal realizedPnl)
            implements TwsEvent {
    }

    /** A message id we do not decode (yet): logged and skipped. */
    record Unhandled(int messageId, int fieldCount) implements TwsEvent {
    }
}
