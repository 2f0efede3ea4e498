package io.tailguard.ledger;

/** Where an entry's money counts in a cycle's P&amp;L. */
public enum PnlBucket {
    UNDERLYING,
    PUTS,
    CALLS,
    COMMISSIONS
}
