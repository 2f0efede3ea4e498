package io.tailguard.broker.ibkr.decode;

import io.tailguard.broker.ibkr.decode.TwsEvent.CommissionData;
import io.tailguard.broker.ibkr.decode.TwsEvent.CompletedOrder;
import io.tailguard.broker.ibkr.decode.TwsEvent.ExecutionData;
import io.tailguard.broker.ibkr.decode.TwsEvent.OpenOrder;
import io.tailguard.broker.ibkr.decode.TwsEvent.OrderStatus;
import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.ProtocolException;
import io.tailguard.domain.BrokerOrderStatus;
import io.tailguard.domain.CommissionReport;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ExecutionReport;
import io.tailguard.domain.OpenOrderReport;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.OrderStatusReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The order messages at server version 193: ORDER_STATUS, OPEN_ORDER (133 fields for a plain order, +8
 * with a delta-neutral order type, +8 per combo leg), COMPLETED_ORDER (its own order of the same
 * fields, no order id), EXECUTION_DATA and COMMISSION_REPORT. Every field is read, so a message of the
 * wrong length fails loudly instead of shifting every later field.
 */
final class OrderMessageDecoder {
    private static final DateTimeFormatter EXEC_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");

    private OrderMessageDecoder() {
    }

    /** ORDER_STATUS: no version at 193. */
    static OrderStatus orderStatus(FieldReader r) {
        long orderId = r.readLong();
        String status = r.readString();
        BigDecimal filled = r.readDecimal();
        BigDecimal remaining = r.readDecimal();
        BigDecimal avgFillPrice = r.readDecimal();
        long permId = r.readLong();
        r.readLong(); // parentId
        BigDecimal lastFillPrice = r.readDecimal();
        int clientId = r.readInt();
        String whyHeld = r.readString();
        r.readString(); // mktCapPrice
        return new OrderStatus(new OrderStatusReport(orderId, permId, BrokerOrderStatus.fromIb(status), filled,
                remaining, avgFillPrice, whyHeld), status, lastFillPrice, clientId);
    }

    /** OPEN_ORDER: no version at 193 (see tws-protocol-v193.md for the 133 fields). */
    static OpenOrder openOrder(FieldReader r) {
        long orderId = r.readLong();
        Contract c = WireContracts.read(r);
        Common o = common(r);
        int clientId = r.readInt();
        long permId = r.readLong();
        r.skip(3); // outsideRth, hidden, discretionaryAmt
        r.readString(); // goodAfterTime
        r.readString(); // retired sharesAllocation
        r.skip(4); // faGroup, faMethod, faPercentage, modelCode
        r.skip(4); // goodTillDate, rule80A, percentOffset, settlingFirm
        r.skip(3); // shortSaleSlot, designatedLocation, exemptCode
        r.readString(); // auctionStrategy
        r.skip(5); // startingPrice, stockRefPrice, delta, stockRangeLower, stockRangeUpper
        r.skip(6); // displaySize, blockOrder, sweepToFill, allOrNone, minQty, ocaType
        r.skip(3); // eTradeOnly, firmQuoteOnly, nbboPriceCap
        r.skip(2); // parentId, triggerMethod
        String dnType = volatilityBlock(r, true);
        r.skip(2); // trailStopPrice, trailingPercent
        r.skip(2); // basisPoints, basisPointsType
        List<TwsEvent.ComboLeg> legs = comboBlock(r);
        scaleHedgeBlock(r, true);
        r.readString(); // solicited
        r.readString(); // whatIf
        String status = r.readString();
        r.skip(9); // margin before / change / after (init, maint, equity with loan)
        r.skip(3); // commission, minCommission, maxCommission (what-if only)
        r.skip(2); // commissionCurrency, warningText
        r.skip(2); // randomizeSize, randomizePrice
        pegBenchAndConditions(r, o.orderType());
        r.skip(8); // adjustedOrderType, triggerPrice, trailStopPrice, lmtPriceOffset, adjusted stop/stopLimit/trailing, unit
        r.skip(3); // softDollarTier name, value, displayName
        r.skip(4); // cashQty, dontUseAutoPriceForHedge, isOmsContainer, discretionaryUpToLimitPrice
        r.skip(4); // usePriceMgmtAlgo, duration, postToAts, autoCancelParent
        r.skip(5); // minTradeQty, minCompeteSize, competeAgainstBestOffset, midOffsetAtWhole, midOffsetAtHalf
        r.skip(4); // customerAccount, professionalCustomer, bondAccruedInterest, includeOvernight
        r.skip(2); // extOperator, manualOrderIndicator
        end(r, "OPEN_ORDER");
        OpenOrderReport report = new OpenOrderReport(orderId, permId, o.orderRef(), c, side(o.action()),
                orZero(o.quantity()), o.limitPrice(), BrokerOrderStatus.fromIb(status), BigDecimal.ZERO, o.account());
        return new OpenOrder(report, legs, clientId, o.orderType(), dnType);
    }

    /** COMPLETED_ORDER: no version and no order id; the fill quantity and completion time are in it. */
    static CompletedOrder completedOrder(FieldReader r) {
        Contract c = WireContracts.read(r);
        Common o = common(r);
        long permId = r.readLong();
        r.skip(3); // outsideRth, hidden, discretionaryAmt
        r.readString(); // goodAfterTime
        r.skip(4); // faGroup, faMethod, faPercentage, modelCode
        r.skip(4); // goodTillDate, rule80A, percentOffset, settlingFirm
        r.skip(3); // shortSaleSlot, designatedLocation, exemptCode
        r.skip(5); // startingPrice, stockRefPrice, delta, stockRangeLower, stockRangeUpper
        r.skip(5); // displaySize, sweepToFill, allOrNone, minQty, ocaType
        r.readString(); // triggerMethod
        String dnType = volatilityBlock(r, false);
        r.skip(2); // trailStopPrice, trailingPercent
        List<TwsEvent.ComboLeg> legs = comboBlock(r);
        scaleHedgeBlock(r, false);
        r.readString(); // solicited
        String status = r.readString();
        r.skip(2); // randomizeSize, randomizePrice
        pegBenchAndConditions(r, o.orderType());
        r.skip(2); // trailStopPrice, lmtPriceOffset
        r.skip(3); // cashQty, dontUseAutoPriceForHedge, isOmsContainer
        r.readString(); // autoCancelDate
        BigDecimal filled = r.readDecimal();
        r.skip(2); // refFuturesConId, autoCancelParent
        r.skip(3); // shareholder, imbalanceOnly, routeMarketableToBbo
        r.readString(); // parentPermId
        String completedTime = r.readString();
        String completedStatus = r.readString();
        r.skip(5); // minTradeQty, minCompeteSize, competeAgainstBestOffset, midOffsetAtWhole, midOffsetAtHalf
        r.skip(2); // customerAccount, professionalCustomer
        end(r, "COMPLETED_ORDER");
        OpenOrderReport report = new OpenOrderReport(0, permId, o.orderRef(), c, side(o.action()),
                orZero(o.quantity()), o.limitPrice(), BrokerOrderStatus.fromIb(status), filled, o.account());
        return new CompletedOrder(report, legs, completedTime, completedStatus, dnType);
    }

    /** EXECUTION_DATA: no version at 193; reqId -1 when nobody asked (a live fill). */
    static ExecutionData executionData(FieldReader r) {
        int reqId = r.readInt();
        long orderId = r.readLong();
        Contract contract = WireContracts.read(r);
        String execId = r.readString();
        String time = r.readString();
        String account = r.readString();
        r.readString(); // execExchange
        String side = r.readString();
        BigDecimal shares = r.readDecimal();
        BigDecimal price = r.readDecimal();
        long permId = r.readLong();
        r.readInt(); // clientId
        r.readInt(); // liquidation
        BigDecimal cumQty = r.readDecimal();
        BigDecimal avgPrice = r.readDecimal();
        String orderRef = r.readString();
        r.skip(2); // evRule, evMultiplier
        r.readString(); // modelCode
        r.readInt(); // lastLiquidity
        r.readString(); // pendingPriceRevision
        end(r, "EXECUTION_DATA");
        ExecutionReport e = new ExecutionReport(execId, orderId, permId, orderRef, contract, executionSide(side),
                orZero(shares), orZero(price), executionTime(time), cumQty, avgPrice, account);
        return new ExecutionData(reqId, e);
    }

    /** COMMISSION_REPORT: an unset commission (Double.MAX_VALUE) is unknown, never 0. */
    static CommissionData commissionReport(FieldReader r) {
        r.readInt(); // version
        String execId = r.readString();
        BigDecimal commission = r.readDecimal();
        String currency = r.readString();
        BigDecimal realizedPnl = r.readDecimal();
        r.readString(); // yield
        r.readString(); // yieldRedemptionDate
        return new CommissionData(execId, commission == null ? null : new CommissionReport(execId, commission,
                currency), realizedPnl);
    }

    /** IB's execution time "yyyyMMdd HH:mm:ss" optionally followed by a zone id (else the gateway's zone: UTC here). */
    static Instant executionTime(String text) {
        String t = text.trim();
        try {
            if (t.length() > 17) {
                ZoneId zone = ZoneId.of(t.substring(17).trim());
                return LocalDateTime.parse(t.substring(0, 17), EXEC_TIME).atZone(zone).toInstant();
            }
            return LocalDateTime.parse(t, EXEC_TIME).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            throw new ProtocolException("bad execution time '" + text + "'");
        }
    }

    private record Common(String action, BigDecimal quantity, String orderType, BigDecimal limitPrice,
            String account, String orderRef) {
    }

    /** action .. orderRef: the 11 fields both messages share after the contract. */
    private static Common common(FieldReader r) {
        String action = r.readString();
        BigDecimal quantity = r.readDecimal();
        String orderType = r.readString();
        BigDecimal lmt = r.readDecimal();
        r.readString(); // auxPrice
        r.readString(); // tif
        r.readString(); // ocaGroup
        String account = r.readString();
        r.readString(); // openClose
        r.readString(); // origin
        String orderRef = r.readString();
        return new Common(action, quantity, orderType, lmt, account, orderRef);
    }

    /**
     * volatility .. referencePriceType. A non-empty delta-neutral order type (TWS sends "None" for a
     * plain order) brings 8 more fields in OPEN_ORDER and 4 in COMPLETED_ORDER.
     */
    private static String volatilityBlock(FieldReader r, boolean openOrder) {
        r.skip(2); // volatility, volatilityType
        String dnType = r.readString();
        r.readString(); // deltaNeutralAuxPrice
        if (!dnType.isEmpty()) {
            r.readString(); // DN conId
            if (openOrder) {
                r.skip(3); // DN settlingFirm, clearingAccount, clearingIntent
                r.readString(); // DN openClose
            }
            r.skip(3); // DN shortSale, shortSaleSlot, designatedLocation
        }
        r.readString(); // continuousUpdate
        r.readString(); // referencePriceType
        return dnType;
    }

    /** comboLegsDescription, legs (8 fields each), per-leg prices, smart combo routing params. */
    private static List<TwsEvent.ComboLeg> comboBlock(FieldReader r) {
        r.readString(); // comboLegsDescription
        int count = count(r);
        List<TwsEvent.ComboLeg> legs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long conId = r.readLong();
            int ratio = r.readInt();
            String action = r.readString();
            String exchange = r.readString();
            r.skip(4); // openClose, shortSaleSlot, designatedLocation, exemptCode
            legs.add(new TwsEvent.ComboLeg(conId, ratio, action, exchange));
        }
        r.skip(count(r)); // per-leg prices
        r.skip(2 * count(r)); // smart combo routing tag/value pairs
        return legs;
    }

    /** scale (+7 when an increment is set), hedge (+param), [optOutSmartRouting], clearing, notHeld, DN contract, algo. */
    private static void scaleHedgeBlock(FieldReader r, boolean openOrder) {
        r.skip(2); // scaleInitLevelSize, scaleSubsLevelSize
        double increment = r.readMaxDouble();
        if (!Double.isNaN(increment) && increment > 0) {
            r.skip(7);
        }
        if (!r.readString().isEmpty()) {
            r.readString(); // hedgeParam
        }
        if (openOrder) {
            r.readString(); // optOutSmartRouting
        }
        r.skip(2); // clearingAccount, clearingIntent
        r.readString(); // notHeld
        if (r.readBool()) {
            r.skip(3); // delta-neutral contract conId, delta, price
        }
        if (!r.readString().isEmpty()) {
            r.skip(2 * count(r)); // algo params
        }
    }

    private static void pegBenchAndConditions(FieldReader r, String orderType) {
        if ("PEG BENCH".equals(orderType) || "PEGBENCH".equals(orderType)) {
            r.skip(5);
        }
        int conditions = count(r);
        if (conditions > 0) {
            throw new ProtocolException("order conditions are not supported (" + conditions + " in the message)");
        }
    }

    private static int count(FieldReader r) {
        int n = r.readInt();
        if (n < 0 || n > 1000) {
            throw new ProtocolException("bad count " + n);
        }
        return n;
    }

    private static void end(FieldReader r, String message) {
        if (r.hasNext()) {
            throw new ProtocolException(message + " has " + r.remaining() + " fields more than expected");
        }
    }

    private static OrderSide side(String action) {
        return switch (action) {
            case "BUY" -> OrderSide.BUY;
            case "SELL", "SSHORT" -> OrderSide.SELL;
            default -> throw new ProtocolException("unknown order action '" + action + "'");
        };
    }

    private static OrderSide executionSide(String side) {
        return switch (side) {
            case "BOT" -> OrderSide.BUY;
            case "SLD" -> OrderSide.SELL;
            default -> throw new ProtocolException("unknown execution side '" + side + "'");
        };
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
