package io.tailguard.broker.sim;

import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** REQ_POSITIONS / CANCEL_POSITIONS and REQ_ACCOUNT_SUMMARY / CANCEL_ACCOUNT_SUMMARY from the {@link SimAccount}. */
final class AccountRequests {
    private AccountRequests() {
    }

    static void register(Map<Integer, RequestHandler> table) {
        table.put(OutgoingMessage.REQ_POSITIONS, AccountRequests::positions);
        table.put(OutgoingMessage.CANCEL_POSITIONS, (s, in) -> {
            in.readInt();
            s.positionsSubscribed(false);
        });
        table.put(OutgoingMessage.REQ_ACCOUNT_SUMMARY, AccountRequests::accountSummary);
        table.put(OutgoingMessage.CANCEL_ACCOUNT_SUMMARY, (s, in) -> {
            in.readInt();
            in.readInt(); // reqId: summaries are sent once, so there is nothing left to stop
        });
    }

    /**
     * The full list and POSITION_END, then (as TWS does until CANCEL_POSITIONS) a POSITION for every
     * change. The list is read and written under the account's lock and the subscription starts there,
     * so no update can overtake the list or be missed between the two.
     */
    private static void positions(SimSession s, FieldReader in) {
        in.readInt();
        s.replyWith(OutgoingMessage.REQ_POSITIONS, () -> s.gateway().account().withPositions(positions -> {
            positions.forEach(p -> s.send(GatewayMessages.position(p)));
            s.send(GatewayMessages.positionEnd());
            s.positionsSubscribed(true);
        }));
    }

    private static void accountSummary(SimSession s, FieldReader in) {
        in.readInt();
        int reqId = in.readInt();
        in.readString(); // group: "All"
        String tags = in.readString();
        SimAccount account = s.gateway().account();
        SimAccount.Summary sum = account.summary(s.gateway().market());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("AccountType", "INDIVIDUAL");
        values.put("NetLiquidation", text(sum.netLiquidation()));
        values.put("TotalCashValue", text(sum.totalCash()));
        values.put("SettledCash", text(sum.totalCash()));
        values.put("BuyingPower", text(sum.buyingPower()));
        values.put("AvailableFunds", text(sum.availableFunds()));
        values.put("ExcessLiquidity", text(sum.excessLiquidity()));
        values.put("GrossPositionValue", text(sum.grossPositionValue()));
        List<String> wanted = Arrays.stream(tags.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        List<byte[]> replies = new ArrayList<>();
        for (String tag : wanted) {
            String value = values.get(tag);
            if (value != null) {
                String currency = "AccountType".equals(tag) ? "" : "USD";
                replies.add(GatewayMessages.accountSummary(reqId, account.accountId(), tag, value, currency));
            }
        }
        replies.add(GatewayMessages.accountSummaryEnd(reqId));
        s.reply(OutgoingMessage.REQ_ACCOUNT_SUMMARY, replies);
    }

    private static String text(BigDecimal v) {
        return v.toPlainString();
    }
}
