package io.tailguard.broker.sim;

import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The order messages of the session dispatch table: PLACE_ORDER, CANCEL_ORDER, REQ_OPEN_ORDERS,
 * REQ_ALL_OPEN_ORDERS, REQ_COMPLETED_ORDERS and REQ_EXECUTIONS, served from the gateway's
 * {@link SimOrderBook}.
 */
final class OrderHandlers {
    private static final DateTimeFormatter FILTER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss");

    private OrderHandlers() {
    }

    static void register(Map<Integer, RequestHandler> table) {
        table.put(OutgoingMessage.PLACE_ORDER, (s, in) -> s.gateway().orders().place(s, readPlacement(in)));
        table.put(OutgoingMessage.CANCEL_ORDER, (s, in) -> s.gateway().orders().cancel(s, in.readLong()));
        table.put(OutgoingMessage.REQ_OPEN_ORDERS, (s, in) -> openOrders(s, OutgoingMessage.REQ_OPEN_ORDERS, true));
        table.put(OutgoingMessage.REQ_ALL_OPEN_ORDERS,
                (s, in) -> openOrders(s, OutgoingMessage.REQ_ALL_OPEN_ORDERS, false));
        table.put(OutgoingMessage.REQ_COMPLETED_ORDERS, (s, in) -> {
            List<byte[]> out = new ArrayList<>();
            s.gateway().orders().orders(SimOrder::isFinal).forEach(o -> out.add(OrderMessages.completedOrder(o)));
            out.add(OrderMessages.completedOrdersEnd());
            s.reply(OutgoingMessage.REQ_COMPLETED_ORDERS, out);
        });
        table.put(OutgoingMessage.REQ_EXECUTIONS, OrderHandlers::executions);
    }

    /** The fields the gateway acts on; the ~100 defaults after hidden (and the BAG legs) are not needed. */
    static SimOrderBook.Placement readPlacement(FieldReader in) {
        long orderId = in.readLong();
        RequestedContract contract = RequestedContract.read(in);
        in.skip(2); // secIdType, secId
        String action = in.readString();
        BigDecimal quantity = in.readDecimal();
        String orderType = in.readString();
        BigDecimal limit = in.readDecimal();
        in.readString(); // auxPrice
        String tif = in.readString();
        in.readString(); // ocaGroup
        String account = in.readString();
        in.skip(2); // openClose, origin
        String orderRef = in.readString();
        in.skip(8); // transmit, parentId, blockOrder, sweepToFill, displaySize, triggerMethod, outsideRth, hidden
        List<long[]> legs = new ArrayList<>();
        List<String> legActions = new ArrayList<>();
        if ("BAG".equals(contract.secType())) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                long conId = in.readLong();
                int ratio = in.readInt();
                legActions.add(in.readString());
                in.skip(5); // exchange, openClose, shortSaleSlot, designatedLocation, exemptCode
                legs.add(new long[] {conId, ratio});
            }
        }
        return new SimOrderBook.Placement(orderId, contract, legs, legActions, action, quantity, orderType,
                limit == null ? null : limit.stripTrailingZeros(), tif, account, orderRef);
    }

    private static void openOrders(SimSession s, int messageId, boolean ownOnly) {
        List<byte[]> out = new ArrayList<>();
        s.gateway().orders().orders(o -> !o.isFinal() && (!ownOnly || o.clientId == s.clientId())).forEach(o -> {
            out.add(OrderMessages.openOrder(o, true));
            out.add(OrderMessages.orderStatus(o));
        });
        out.add(OrderMessages.openOrderEnd());
        s.reply(messageId, out);
    }

    /** REQ_EXECUTIONS v3: each execution matching the filter with its commission report, then the end. */
    private static void executions(SimSession s, FieldReader in) {
        s.gateway().executionsRequested();
        in.readInt(); // version 3
        int reqId = in.readInt();
        in.readInt(); // clientId filter (0: all)
        String account = in.readString();
        String time = in.readString();
        in.skip(4); // symbol, secType, exchange, side
        Instant since = time.length() >= 17
                ? LocalDateTime.parse(time.substring(0, 17), FILTER_TIME).toInstant(ZoneOffset.UTC) : Instant.MIN;
        List<byte[]> out = new ArrayList<>();
        for (SimExecution e : s.gateway().orders().executions(
                e -> (account.isEmpty() || account.equals(e.account())) && !e.time().isBefore(since))) {
            out.add(OrderMessages.executionData(reqId, e));
            out.add(OrderMessages.commissionReport(e));
        }
        out.add(OrderMessages.executionDataEnd(reqId));
        s.reply(OutgoingMessage.REQ_EXECUTIONS, out);
    }
}
