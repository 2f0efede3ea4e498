package io.tailguard.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * IB's COMMISSION_REPORT, joined to its execution by {@code execId}. It arrives after the execution,
 * often with other messages in between; until then the commission is unknown, never zero.
 */
public record CommissionReport(String execId, BigDecimal commission, String currency) {
    public CommissionReport {
        Objects.requireNonNull(execId, "execId");
        Objects.requireNonNull(commission, "commission");
        currency = currency == null || currency.isEmpty() ? "USD" : currency;
    }

    public String execIdBase() {
        return ExecutionReport.baseOf(execId);
    }
}
