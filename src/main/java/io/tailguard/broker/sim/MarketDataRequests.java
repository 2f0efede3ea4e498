package io.tailguard.broker.sim;

import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.Quote;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * REQ_MKT_DATA (streaming and snapshot) and CANCEL_MKT_DATA, with IB's checks in IB's order: unknown
 * contract (200), no permission for live data (354), duplicate ticker id (322), no line free (101).
 */
final class MarketDataRequests {
    private MarketDataRequests() {
    }

    static void register(Map<Integer, RequestHandler> table) {
        table.put(OutgoingMessage.REQ_MKT_DATA, MarketDataRequests::request);
        table.put(OutgoingMessage.CANCEL_MKT_DATA, (s, in) -> {
            in.readInt();
            int tickerId = in.readInt();
            s.marketData().remove(tickerId);
            s.gateway().lines().release(s, tickerId); // also a line whose first reply is still delayed
        });
    }

    private static void request(SimSession s, FieldReader in) {
        in.readInt(); // version 11
        int tickerId = in.readInt();
        RequestedContract query = RequestedContract.read(in);
        if ("BAG".equalsIgnoreCase(query.secType())) {
            in.skip(in.readInt() * 4);
        }
        if (in.readBool()) {
            in.skip(3); // delta-neutral contract
        }
        Set<Integer> genericTicks = Arrays.stream(in.readString().split(",")).map(String::trim)
                .filter(t -> t.matches("\\d+")).map(Integer::valueOf).collect(Collectors.toSet());
        boolean snapshot = in.readBool();
        boolean regulatorySnapshot = in.readBool();
        SimGateway gateway = s.gateway();
        List<ContractDetails> found = query.resolve(gateway.market());
        if (found.size() != 1) {
            s.reply(OutgoingMessage.REQ_MKT_DATA, List.of(GatewayMessages.error(tickerId, TwsCode.NO_SECURITY_DEFINITION)));
            return;
        }
        ContractDetails details = found.get(0);
        int type = s.marketDataType();
        boolean delayed = type == 3 || type == 4;
        if (!delayed && gateway.config().permissionlessSymbols().contains(details.contract().symbol())) {
            s.reply(OutgoingMessage.REQ_MKT_DATA, List.of(GatewayMessages.error(tickerId, TwsCode.NOT_SUBSCRIBED.code(),
                    TwsCode.NOT_SUBSCRIBED.text() + "Delayed market data is available." + details.contract().symbol()
                            + " " + details.contract().exchange() + "/TOP/ALL")));
            return;
        }
        if (s.marketData().containsKey(tickerId) || gateway.lines().holds(s, tickerId)) {
            s.reply(OutgoingMessage.REQ_MKT_DATA, List.of(GatewayMessages.error(tickerId, TwsCode.DUPLICATE_TICKER_ID)));
            return;
        }
        if (!gateway.lines().tryAcquire(s, tickerId)) {
            s.reply(OutgoingMessage.REQ_MKT_DATA, List.of(GatewayMessages.error(tickerId, TwsCode.MAX_TICKERS_REACHED)));
            return;
        }
        MarketDataLine line = new MarketDataLine(tickerId, details, genericTicks, delayed);
        Quote quote = gateway.quote(details.contract().conId());
        List<byte[]> replies = new ArrayList<>();
        replies.add(GatewayMessages.marketDataType(tickerId, type));
        if (delayed) {
            replies.add(GatewayMessages.error(tickerId, TwsCode.DELAYED_DATA));
        }
        replies.add(GatewayMessages.tickReqParams(tickerId, details.minTick(), details.contract().exchange()));
        if (quote != null) {
            replies.addAll(line.allTicks(quote, gateway.market().now().getEpochSecond()));
        }
        if (snapshot || regulatorySnapshot) {
            replies.add(GatewayMessages.tickSnapshotEnd(tickerId));
            s.reply(OutgoingMessage.REQ_MKT_DATA, replies, () -> gateway.lines().release(s, tickerId));
            return;
        }
        // pushes start once the first ticks are written (they may be delayed), unless cancelled meanwhile
        s.reply(OutgoingMessage.REQ_MKT_DATA, replies, () -> {
            if (gateway.lines().holds(s, tickerId) && s.isOpen()) {
                s.marketData().put(tickerId, line);
            }
        });
    }

    /** Pushes the changed ticks of every streaming line of a session (called by the gateway's tick pusher). */
    static void pushChanges(SimSession s) {
        for (MarketDataLine line : s.marketData().values()) {
            Quote q = s.gateway().quote(line.conId());
            if (q != null) {
                line.changedTicks(q).forEach(s::send);
            }
        }
    }
}
