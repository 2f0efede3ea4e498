package io.tailguard.ledger;

/** What a ledger entry records. Every type is booked from a broker report, never assumed. */
public enum EntryType {
    /** The underlying shares held when the cycle opened, valued at the start price (a cost, not a trade). */
    POSITION_AT_START,
    /** One execution, as the broker reported it. */
    FILL,
    /** Cancels an earlier FILL whose execution the broker corrected; the corrected FILL follows it. */
    FILL_REVERSAL,
    /** The commission of one execution, booked when its report arrives (or a later adjustment of it). */
    COMMISSION,
    /** A cash-settled index option closed at its intrinsic value against the settlement price. */
    CASH_SETTLEMENT,
    /** An option that expired worthless. */
    EXPIRY,
    /** A short option closed by assignment (no cash on the option itself). */
    ASSIGNMENT,
    /** The shares delivered on an assignment, at the strike. */
    ASSIGNED_SHARES
}
