package io.tailguard.domain;

import java.util.List;
import java.util.Objects;

/**
 * A qualified contract with the broker's trading details: minimum tick, the market rules that give
 * price increments by price level, the exchange time zone and trading / liquid hours (IB's text format).
 */
public record ContractDetails(
        Contract contract,
        double minTick,
        List<Integer> marketRuleIds,
        String longName,
        long underlyingConId,
        String timeZoneId,
        String tradingHours,
        String liquidHours) {

    public ContractDetails {
        Objects.requireNonNull(contract, "contract");
        marketRuleIds = List.copyOf(marketRuleIds);
        longName = longName == null ? "" : longName;
        timeZoneId = timeZoneId == null ? "" : timeZoneId;
        tradingHours = tradingHours == null ? "" : tradingHours;
        liquidHours = liquidHours == null ? "" : liquidHours;
    }
}
