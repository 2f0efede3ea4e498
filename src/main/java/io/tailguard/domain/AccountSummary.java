package io.tailguard.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** The account figures the strategies need. */
public record AccountSummary(
        String account,
        BigDecimal netLiquidation,
        BigDecimal totalCash,
        BigDecimal buyingPower,
        String currency) {
    public AccountSummary {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(netLiquidation, "netLiquidation");
        Objects.requireNonNull(totalCash, "totalCash");
        Objects.requireNonNull(buyingPower, "buyingPower");
        Objects.requireNonNull(currency, "currency");
    }

    /** Paper accounts at IB start with DU (individual) or DF (advisor). */
    public static boolean isPaperAccount(String accountId) {
        return accountId != null && (accountId.startsWith("DU") || accountId.startsWith("DF"));
    }
}
