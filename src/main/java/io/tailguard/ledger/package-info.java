/**
 * Fills, commissions, positions, hedge cycles, P&amp;L and tax lots.
 */
package io.tailguard.ledger;
