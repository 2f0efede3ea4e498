package io.tailguard.broker.ibkr.request;

import io.tailguard.broker.ibkr.wire.FieldWriter;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Payloads of the order messages at server version 193 (PLACE_ORDER, CANCEL_ORDER, the open /
 * completed order requests and REQ_EXECUTIONS), fields in the order of tws-protocol-v193.md. Byte
 * equality with the reference peer is checked by the golden request vectors.
 *
 * <p>PLACE_ORDER carries ~118 fields of which we set a dozen. The rest are IB's defaults as its own
 * client sends them: 0 for flags, {@code -1} for exemptCode ("no exemption"), empty for every unset
 * optional number (IB reads an empty field as "unset", whereas 0 would be a value: a 0 auxPrice is
 * harmless, a 0 percentOffset or minQty is not).
 */
public final class OrderEncoder {
    /** REQ_EXECUTIONS filter time, in UTC: IB reads "yyyyMMdd-HH:mm:ss" as UTC when no zone is given. */
    private static final DateTimeFormatter FILTER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private OrderEncoder() {
    }

    /** PLACE_ORDER: no version field at 193 (the order-container version dropped it). */
    public static byte[] placeOrder(OrderSpec o) {
        ContractSpec c = o.contract();
        FieldWriter w = new FieldWriter().add(OutgoingMessage.PLACE_ORDER).add(o.orderId());
        w.add(c.conId()).add(c.symbol()).add(c.secType()).add(c.lastTradeDateOrContractMonth()).add(c.strike())
                .add(c.right()).add(c.multiplier()).add(c.exchange()).add(c.primaryExchange()).add(c.currency())
                .add(c.localSymbol()).add(c.tradingClass()).add("").add(""); // secIdType, secId
        w.add(o.action()).add(o.totalQuantity()).add("LMT").add(o.limitPrice()).add(""); // auxPrice unset
        w.add(o.timeInForce()).add("") // ocaGroup
                .add(o.account()).add("") // openClose: "" lets IB decide (O for a new position)
                .add(0) // origin: customer
                .add(o.orderRef()).add(true) // transmit
                .add(0) // parentId
                .add(false).add(false) // blockOrder, sweepToFill
                .add(0).add(0) // displaySize, triggerMethod (default)
                .add(false).add(false); // outsideRth, hidden
        if (o.isCombo()) {
            w.add(o.legs().size());
            for (ComboLegSpec leg : o.legs()) {
                w.add(leg.conId()).add(leg.ratio()).add(leg.action()).add(leg.exchange())
                        .add(0) // openClose: same as the parent
                        .add(0).add("") // shortSaleSlot, designatedLocation
                        .add(-1); // exemptCode
            }
            w.add(0); // no per-leg prices: the combo trades at its net limit
            Map<String, String> params = new TreeMap<>(o.smartComboRoutingParams());
            w.add(params.size());
            params.forEach((tag, value) -> w.add(tag).add(value));
        }
        w.add("") // retired sharesAllocation
                .add(0) // discretionaryAmt
                .add("").add("") // goodAfterTime, goodTillDate
                .add("").add("").add("") // faGroup, faMethod, faPercentage
                .add(""); // modelCode
        w.add(0).add("").add(-1) // shortSaleSlot, designatedLocation, exemptCode
                .add(0) // ocaType
                .add("").add("") // rule80A, settlingFirm
                .add(false) // allOrNone
                .add("").add("") // minQty, percentOffset
                .add(false).add(false) // eTradeOnly, firmQuoteOnly (IB refuses true for these now)
                .add("") // nbboPriceCap
                .add(0) // auctionStrategy unset
                .add("").add("").add("") // startingPrice, stockRefPrice, delta
                .add("").add("") // stockRangeLower, stockRangeUpper
                .add(false); // overridePercentageConstraints
        w.add("").add("") // volatility, volatilityType
                .add("").add("") // deltaNeutralOrderType (empty: none, so no DN block), deltaNeutralAuxPrice
                .add(false) // continuousUpdate
                .add(""); // referencePriceType
        w.add("").add("") // trailStopPrice, trailingPercent
                .add("").add("").add("") // scaleInitLevelSize, scaleSubsLevelSize, scalePriceIncrement (unset: no 7 more)
                .add("").add("").add(""); // scaleTable, activeStartTime, activeStopTime
        w.add("") // hedgeType (empty: no hedgeParam)
                .add(false) // optOutSmartRouting
                .add("").add("") // clearingAccount, clearingIntent
                .add(false) // notHeld
                .add(false) // no delta-neutral contract
                .add("") // algoStrategy (empty: no params)
                .add("") // algoId
                .add(false) // whatIf
                .add("") // orderMiscOptions
                .add(false) // solicited
                .add(false).add(false); // randomizeSize, randomizePrice
        w.add(0) // conditions (LMT is not PEG BENCH: no reference fields)
                .add("").add("").add("") // adjustedOrderType, triggerPrice, lmtPriceOffset
                .add("").add("").add("") // adjustedStopPrice, adjustedStopLimitPrice, adjustedTrailingAmount
                .add(0); // adjustableTrailingUnit
        w.add("") // extOperator
                .add("").add("") // softDollarTier name, value
                .add("") // cashQty
                .add("").add("").add("").add("") // mifid2 decision maker/algo, execution trader/algo
                .add(false) // dontUseAutoPriceForHedge
                .add(false) // isOmsContainer
                .add(false) // discretionaryUpToLimitPrice
                .add("") // usePriceMgmtAlgo: IB's default
                .add("") // duration
                .add("") // postToAts
                .add(false) // autoCancelParent
                .add("") // advancedErrorOverride
                .add(""); // manualOrderTime
        // no IBKRATS minTradeQty, no PEG BEST/MID offsets for a LMT order
        w.add("") // customerAccount
                .add(false) // professionalCustomer
                .add(false) // includeOvernight
                .add(""); // manualOrderIndicator
        return w.toBytes();
    }

    /** CANCEL_ORDER: no version at 193; orderId, manualOrderCancelTime, extOperator, manualOrderIndicator. */
    public static byte[] cancelOrder(long orderId) {
        return new FieldWriter().add(OutgoingMessage.CANCEL_ORDER).add(orderId).add("").add("").add("").toBytes();
    }

    /** This client's open orders. */
    public static byte[] reqOpenOrders() {
        return new FieldWriter().add(OutgoingMessage.REQ_OPEN_ORDERS).add(1).toBytes();
    }

    /** Every client's open orders of the account (orders of a previous session included). */
    public static byte[] reqAllOpenOrders() {
        return new FieldWriter().add(OutgoingMessage.REQ_ALL_OPEN_ORDERS).add(1).toBytes();
    }

    /** REQ_COMPLETED_ORDERS: no version; apiOnly = only orders placed through the API. */
    public static byte[] reqCompletedOrders(boolean apiOnly) {
        return new FieldWriter().add(OutgoingMessage.REQ_COMPLETED_ORDERS).add(apiOnly).toBytes();
    }

    /**
     * REQ_EXECUTIONS v=3 with a filter: clientId 0 and empty account/symbol/secType/exchange/side
     * mean "any"; {@code since} null means no time filter.
     */
    public static byte[] reqExecutions(int reqId, String account, Instant since) {
        return new FieldWriter().add(OutgoingMessage.REQ_EXECUTIONS).add(3).add(reqId)
                .add(0).add(account == null ? "" : account).add(since == null ? "" : filterTime(since))
                .add("").add("").add("").add("").toBytes();
    }

    public static String filterTime(Instant t) {
        return FILTER_TIME.format(t);
    }
}
