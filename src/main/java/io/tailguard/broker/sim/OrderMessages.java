package io.tailguard.broker.sim;

import io.tailguard.broker.ibkr.wire.FieldWriter;
import io.tailguard.broker.ibkr.wire.IncomingMessage;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OrderSide;
import java.math.BigDecimal;

/**
 * The order messages a TWS of server version 193 writes: ORDER_STATUS, OPEN_ORDER (133 fields, +8 for
 * the "None" delta-neutral type TWS always sends, +8 per combo leg), COMPLETED_ORDER, EXECUTION_DATA and
 * COMMISSION_REPORT, field for field as in tws-protocol-v193.md. Unset numbers are written the way TWS
 * writes them: Double.MAX_VALUE / Integer.MAX_VALUE text where TWS does, empty elsewhere.
 */
final class OrderMessages {
    static final String MAX_DOUBLE = "1.7976931348623157E308";
    static final String MAX_INT = "2147483647";

    private OrderMessages() {
    }

    static byte[] orderStatus(SimOrder o) {
        return new FieldWriter().add(IncomingMessage.ORDER_STATUS).add(o.orderId).add(o.statusText()).add(o.filled)
                .add(o.remaining()).add(o.avgFillPrice).add(o.permId).add(0).add(o.lastFillPrice).add(o.clientId)
                .add("").add(0).toBytes();
    }

    /**
     * OPEN_ORDER. {@code deltaNeutralNone}: TWS writes the delta-neutral order type as "None" for a plain
     * order, which brings the 8 delta-neutral fields; false writes it empty (133 fields).
     */
    static byte[] openOrder(SimOrder o, boolean deltaNeutralNone) {
        FieldWriter w = new FieldWriter().add(IncomingMessage.OPEN_ORDER).add(o.orderId);
        contract(w, o.contract);
        common(w, o);
        w.add(o.clientId).add(o.permId);
        w.add(false).add(0).add(0) // outsideRth, hidden, discretionaryAmt
                .add("").add("") // goodAfterTime, sharesAllocation
                .add("").add("").add("").add("") // faGroup, faMethod, faPercentage, modelCode
                .add("").add("").add("").add("") // goodTillDate, rule80A, percentOffset, settlingFirm
                .add(0).add("").add(-1) // shortSaleSlot, designatedLocation, exemptCode
                .add(0) // auctionStrategy
                .add("").add("").add("").add("").add("") // startingPrice .. stockRangeUpper
                .add("").add(false).add(false).add(false).add("").add(0) // displaySize .. ocaType
                .add(false).add(false).add("") // eTradeOnly, firmQuoteOnly, nbboPriceCap
                .add(0).add(0); // parentId, triggerMethod
        volatility(w, deltaNeutralNone, true);
        w.add("").add(""); // trailStopPrice, trailingPercent
        w.add("").add(""); // basisPoints, basisPointsType
        combo(w, o);
        w.add("").add("").add(""); // scale: init, subs, increment
        w.add("") // hedgeType
                .add(false) // optOutSmartRouting
                .add("").add("") // clearingAccount, clearingIntent
                .add(false) // notHeld
                .add(false) // no delta-neutral contract
                .add("") // algoStrategy
                .add(false) // solicited
                .add(false) // whatIf
                .add(o.statusText());
        for (int i = 0; i < 9; i++) {
            w.add(MAX_DOUBLE); // margin before / change / after: what-if only
        }
        w.add(MAX_DOUBLE).add(MAX_DOUBLE).add(MAX_DOUBLE).add("").add(""); // commissions, currency, warning
        w.add(false).add(false); // randomizeSize, randomizePrice
        w.add(0); // conditions
        w.add("").add("").add("").add("").add("").add("").add("").add(0); // adjusted order params
        w.add("").add("").add(""); // softDollarTier
        w.add("").add(false).add(false).add(false); // cashQty, dontUseAutoPriceForHedge, isOmsContainer, D-peg
        w.add(false).add("").add("").add(false); // usePriceMgmtAlgo, duration, postToAts, autoCancelParent
        w.add(MAX_INT).add(MAX_INT).add(MAX_DOUBLE).add(MAX_DOUBLE).add(MAX_DOUBLE); // PEG BEST/MID
        w.add("").add(false).add("").add(false); // customerAccount, professional, bondAccruedInterest, overnight
        w.add("").add(MAX_INT); // extOperator, manualOrderIndicator
        return w.toBytes();
    }

    static byte[] openOrderEnd() {
        return new FieldWriter().add(IncomingMessage.OPEN_ORDER_END).add(1).toBytes();
    }

    /** COMPLETED_ORDER: no order id; the filled quantity and the completion time are in it. */
    static byte[] completedOrder(SimOrder o) {
        FieldWriter w = new FieldWriter().add(IncomingMessage.COMPLETED_ORDER);
        contract(w, o.contract);
        common(w, o);
        w.add(o.permId);
        w.add(false).add(0).add(0).add("") // outsideRth, hidden, discretionaryAmt, goodAfterTime
                .add("").add("").add("").add("") // faGroup, faMethod, faPercentage, modelCode
                .add("").add("").add("").add("") // goodTillDate, rule80A, percentOffset, settlingFirm
                .add(0).add("").add(-1) // shortSaleSlot, designatedLocation, exemptCode
                .add("").add("").add("").add("").add("") // startingPrice .. stockRangeUpper
                .add("").add(false).add(false).add("").add(0) // displaySize, sweepToFill, allOrNone, minQty, ocaType
                .add(0); // triggerMethod
        volatility(w, true, false);
        w.add("").add(""); // trailStopPrice, trailingPercent
        combo(w, o);
        w.add("").add("").add(""); // scale
        w.add("").add("").add("").add(false).add(false).add(""); // hedgeType, clearing x2, notHeld, DN contract, algo
        w.add(false).add(o.statusText()); // solicited, status
        w.add(false).add(false).add(0); // randomize x2, conditions
        w.add("").add(""); // trailStopPrice, lmtPriceOffset
        w.add("").add(false).add(false); // cashQty, dontUseAutoPriceForHedge, isOmsContainer
        w.add("").add(o.filled).add(0).add(false); // autoCancelDate, filledQuantity, refFuturesConId, autoCancelParent
        w.add("").add(false).add(false).add(0); // shareholder, imbalanceOnly, routeMarketableToBbo, parentPermId
        w.add(o.completedTime).add(o.statusText()); // completedTime, completedStatus
        w.add(MAX_INT).add(MAX_INT).add(MAX_DOUBLE).add(MAX_DOUBLE).add(MAX_DOUBLE); // PEG BEST/MID
        w.add("").add(false); // customerAccount, professionalCustomer
        return w.toBytes();
    }

    static byte[] completedOrdersEnd() {
        return new FieldWriter().add(IncomingMessage.COMPLETED_ORDERS_END).toBytes();
    }

    /** EXECUTION_DATA: 32 fields after the id. */
    static byte[] executionData(int reqId, SimExecution e) {
        FieldWriter w = new FieldWriter().add(IncomingMessage.EXECUTION_DATA).add(reqId).add(e.orderId());
        Contract c = e.contract();
        w.add(c.conId()).add(c.symbol()).add(RequestedContract.secTypeText(c.securityType()))
                .add(RequestedContract.expiryText(c)).add(c.strike() == null ? BigDecimal.ZERO : c.strike())
                .add(RequestedContract.rightText(c.right())).add(c.multiplier() == 0 ? "" : Integer.toString(c.multiplier()))
                .add(c.exchange()).add(c.currency()).add(c.localSymbol()).add(c.tradingClass());
        w.add(e.execId()).add(e.timeText()).add(e.account()).add(c.isOption() ? "CBOE" : "ARCA")
                .add(e.side() == OrderSide.BUY ? "BOT" : "SLD").add(e.shares()).add(e.price()).add(e.permId())
                .add(e.clientId()).add(0).add(e.cumQty()).add(e.avgPrice()).add(e.orderRef())
                .add("").add("") // evRule, evMultiplier
                .add("").add(2).add(false); // modelCode, lastLiquidity (2 = removed liquidity), pendingPriceRevision
        return w.toBytes();
    }

    static byte[] executionDataEnd(int reqId) {
        return new FieldWriter().add(IncomingMessage.EXECUTION_DATA_END).add(1).add(reqId).toBytes();
    }

    /** COMMISSION_REPORT; realized P&L, yield and redemption date unset as TWS sends them. */
    static byte[] commissionReport(SimExecution e) {
        return new FieldWriter().add(IncomingMessage.COMMISSION_REPORT).add(1).add(e.execId()).add(e.commission())
                .add("USD").add(MAX_DOUBLE).add(MAX_DOUBLE).add("").toBytes();
    }

    private static void contract(FieldWriter w, Contract c) {
        w.add(c.conId()).add(c.symbol()).add(RequestedContract.secTypeText(c.securityType()))
                .add(RequestedContract.expiryText(c)).add(c.strike() == null ? BigDecimal.ZERO : c.strike())
                .add(RequestedContract.rightText(c.right()))
                .add(c.multiplier() == 0 ? "" : Integer.toString(c.multiplier()))
                .add(c.exchange()).add(c.currency()).add(c.localSymbol()).add(c.tradingClass());
    }

    /** action .. orderRef. */
    private static void common(FieldWriter w, SimOrder o) {
        w.add(o.side.name()).add(o.quantity).add("LMT").add(o.limitPrice).add(MAX_DOUBLE)
                .add(o.tif).add("").add(o.account).add(o.isCombo() ? "" : "O").add(0).add(o.orderRef);
    }

    private static void volatility(FieldWriter w, boolean deltaNeutralNone, boolean openOrder) {
        w.add(MAX_DOUBLE).add(0); // volatility, volatilityType
        w.add(deltaNeutralNone ? "None" : "").add(MAX_DOUBLE);
        if (deltaNeutralNone) {
            w.add(0); // DN conId
            if (openOrder) {
                w.add("").add("").add("").add(""); // settlingFirm, clearingAccount, clearingIntent, openClose
            }
            w.add(false).add(0).add(""); // shortSale, shortSaleSlot, designatedLocation
        }
        w.add(false).add(0); // continuousUpdate, referencePriceType
    }

    private static void combo(FieldWriter w, SimOrder o) {
        w.add(""); // comboLegsDescription
        w.add(o.legs.size());
        for (SimOrder.Leg leg : o.legs) {
            w.add(leg.contract().conId()).add(leg.ratio()).add(leg.side().name()).add("SMART")
                    .add(0).add(0).add("").add(-1);
        }
        w.add(0); // per-leg prices
        w.add(0); // smart combo routing params
    }
}
