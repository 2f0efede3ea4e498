package io.tailguard.broker.sim;

import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.OptionChainDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** REQ_CONTRACT_DATA, REQ_SEC_DEF_OPT_PARAMS and REQ_MARKET_RULE, served from the market. */
final class ContractRequests {
    private ContractRequests() {
    }

    static void register(Map<Integer, RequestHandler> table) {
        table.put(OutgoingMessage.REQ_CONTRACT_DATA, ContractRequests::contractData);
        table.put(OutgoingMessage.REQ_SEC_DEF_OPT_PARAMS, ContractRequests::optionParameters);
        table.put(OutgoingMessage.REQ_MARKET_RULE, ContractRequests::marketRule);
    }

    private static void contractData(SimSession s, FieldReader in) {
        in.readInt(); // version 8
        int reqId = in.readInt();
        RequestedContract query = RequestedContract.read(in);
        // includeExpired, secIdType, secId, issuerId follow; nothing here depends on them
        List<ContractDetails> found = query.resolve(s.gateway().market());
        if (found.isEmpty()) {
            s.reply(OutgoingMessage.REQ_CONTRACT_DATA, List.of(GatewayMessages.error(reqId, TwsCode.NO_SECURITY_DEFINITION)));
            return;
        }
        List<byte[]> replies = new ArrayList<>(found.size() + 1);
        found.forEach(d -> replies.add(GatewayMessages.contractData(reqId, d)));
        replies.add(GatewayMessages.contractDataEnd(reqId));
        s.reply(OutgoingMessage.REQ_CONTRACT_DATA, replies);
    }

    private static void optionParameters(SimSession s, FieldReader in) {
        int reqId = in.readInt();
        String underlying = in.readString();
        String exchange = in.readString();
        in.readString(); // underlying secType
        long underlyingConId = in.readLong();
        List<byte[]> replies = new ArrayList<>();
        for (OptionChainDefinition def : s.gateway().market().optionDefinitions(underlying, underlyingConId)) {
            // futFopExchange filters only futures options at IB; "" means every exchange
            if (exchange.isEmpty() || exchange.equals(def.exchange())) {
                replies.add(GatewayMessages.optionParameter(reqId, def));
            }
        }
        replies.add(GatewayMessages.optionParameterEnd(reqId));
        s.reply(OutgoingMessage.REQ_SEC_DEF_OPT_PARAMS, replies);
    }

    private static void marketRule(SimSession s, FieldReader in) {
        int ruleId = in.readInt();
        s.gateway().market().marketRule(ruleId).ifPresentOrElse(
                rule -> s.reply(OutgoingMessage.REQ_MARKET_RULE, List.of(GatewayMessages.marketRule(rule))),
                () -> s.reply(OutgoingMessage.REQ_MARKET_RULE, List.of(GatewayMessages.error(-1,
                        TwsCode.ERROR_VALIDATING_REQUEST.code(),
                        TwsCode.ERROR_VALIDATING_REQUEST.text() + ": unknown market rule id " + ruleId))));
    }
}
