package io.tailguard.ledger.tax;

/** Which open lots a sale of shares closes. FIFO is the IRS default when no lot is identified. */
public enum LotMethod {
    FIFO,
    LIFO,
    HIGHEST_COST
}
