package io.tailguard.broker.sim;

import io.tailguard.domain.Contract;
import io.tailguard.domain.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One fill booked by the simulated gateway, with the commission it charged. */
record SimExecution(String execId, long orderId, long permId, int clientId, String orderRef, Contract contract,
        OrderSide side, BigDecimal shares, BigDecimal price, Instant time, BigDecimal cumQty, BigDecimal avgPrice,
        String account, BigDecimal commission) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");

    /** IB's execution time text: "yyyyMMdd HH:mm:ss zone" (UTC here). */
    String timeText() {
        return TIME.format(time.atZone(ZoneOffset.UTC)) + " UTC";
    }
}
