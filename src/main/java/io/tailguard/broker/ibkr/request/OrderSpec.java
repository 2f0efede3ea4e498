package io.tailguard.broker.ibkr.request;

import io.tailguard.domain.OrderTicket;
import io.tailguard.domain.SecurityType;
import io.tailguard.domain.TimeInForce;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The order fields tailguard sets in PLACE_ORDER: a transmitted limit order. Everything else in the
 * message is written with IB's defaults by {@link OrderEncoder}.
 *
 * @param contract for a combo: secType BAG, the underlying's symbol, SMART, USD
 * @param legs empty unless the contract is a BAG
 * @param smartComboRoutingParams e.g. {@code NonGuaranteed=1} for a combo routed leg by leg; empty otherwise
 */
public record OrderSpec(
        long orderId,
        ContractSpec contract,
        List<ComboLegSpec> legs,
        String action,
        BigDecimal totalQuantity,
        BigDecimal limitPrice,
        String timeInForce,
        String account,
        String orderRef,
        Map<String, String> smartComboRoutingParams) {

    public OrderSpec {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(totalQuantity, "totalQuantity");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(timeInForce, "timeInForce");
        legs = List.copyOf(legs);
        smartComboRoutingParams = Map.copyOf(smartComboRoutingParams);
        account = account == null ? "" : account;
        orderRef = orderRef == null ? "" : orderRef;
        boolean bag = "BAG".equals(contract.secType());
        if (bag && legs.isEmpty()) {
            throw new IllegalArgumentException("a BAG order needs legs");
        }
        if (!bag && (!legs.isEmpty() || !smartComboRoutingParams.isEmpty())) {
            throw new IllegalArgumentException("legs and combo routing params belong to BAG orders only");
        }
    }

    public boolean isCombo() {
        return !legs.isEmpty();
    }

    /** A single-contract ticket from the orders core. */
    public static OrderSpec of(OrderTicket t) {
        if (t.contract().securityType() == SecurityType.COMBO) {
            throw new IllegalArgumentException("a combo ticket needs its legs: use the canonical constructor");
        }
        return new OrderSpec(t.orderId(), ContractSpec.of(t.contract()), List.of(), t.side().name(), t.quantity(),
                t.limitPrice(), tif(t.timeInForce()), t.account(), t.orderRef(), Map.of());
    }

    public static String tif(TimeInForce tif) {
        return tif.name();
    }
}
