package io.tailguard.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A position held at the broker. Quantity is signed: negative is short. */
public record Position(String account, Contract contract, BigDecimal quantity, double averageCost) {
    public Position {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(quantity, "quantity");
    }
}
