package io.tailguard.broker.sim;

import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import java.util.List;
import java.util.Map;

/** START_API and the small session requests: REQ_IDS, REQ_CURRENT_TIME, REQ_MARKET_DATA_TYPE. */
final class ConnectionRequests {
    private ConnectionRequests() {
    }

    static void register(Map<Integer, RequestHandler> table) {
        table.put(OutgoingMessage.START_API, ConnectionRequests::startApi);
        table.put(OutgoingMessage.REQ_IDS, (s, in) -> {
            in.readInt(); // version
            in.readInt(); // numIds: TWS answers with one id whatever the count
            s.reply(OutgoingMessage.REQ_IDS, List.of(GatewayMessages.nextValidId(s.gateway().nextValidId())));
        });
        table.put(OutgoingMessage.REQ_CURRENT_TIME, (s, in) -> {
            in.readInt();
            s.reply(OutgoingMessage.REQ_CURRENT_TIME,
                    List.of(GatewayMessages.currentTime(s.gateway().market().now().getEpochSecond())));
        });
        table.put(OutgoingMessage.REQ_MARKET_DATA_TYPE, (s, in) -> {
            in.readInt();
            int type = in.readInt();
            if (type < 1 || type > 4) {
                s.send(GatewayMessages.error(-1, TwsCode.ERROR_VALIDATING_REQUEST.code(),
                        TwsCode.ERROR_VALIDATING_REQUEST.text() + ":-'bx' : cause - Invalid market data type " + type));
                return;
            }
            // TWS acknowledges nothing here; the type shows in MARKET_DATA_TYPE of the next tickers
            s.marketDataType(type);
        });
    }

    /** After START_API: 326 for a client id in use, else accounts, next order id and the farm notices. */
    private static void startApi(SimSession s, io.tailguard.broker.ibkr.wire.FieldReader in) {
        in.readInt(); // version 2
        int clientId = in.readInt();
        if (in.hasNext()) {
            in.readString(); // optional capabilities
        }
        SimGateway gateway = s.gateway();
        if (!gateway.claimClientId(s, clientId)) {
            s.send(GatewayMessages.error(-1, TwsCode.CLIENT_ID_IN_USE));
            s.close();
            return;
        }
        s.send(GatewayMessages.managedAccounts(gateway.config().managedAccounts()));
        s.send(GatewayMessages.nextValidId(gateway.nextValidId()));
        s.send(GatewayMessages.error(-1, TwsCode.MARKET_DATA_FARM_OK));
        s.send(GatewayMessages.error(-1, TwsCode.HMDS_FARM_OK));
        s.send(GatewayMessages.error(-1, TwsCode.SEC_DEF_FARM_OK));
    }
}
