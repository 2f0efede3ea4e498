package io.tailguard.ledger;

/**
 * The ledger's port for finished proposals: the orders side calls {@link #book} once a proposal is DONE,
 * with its fills, and the ledger books them where the proposal's strategy says (the weekly hedge opens its
 * week's cycle, {@link WeeklyHedgeCycles}; {@link ExecutionRoutes} routes by strategy). Idempotent per
 * proposal: handing the same proposal over again (a retry, the catch-up after a restart) books nothing twice.
 */
public interface ExecutedProposals {
    ExecutionBooking book(ExecutedProposal executed);

    /** Whether what {@code proposalId} traded is in the ledger already (a restart's catch-up skips it). */
    boolean booked(String proposalId);
}
