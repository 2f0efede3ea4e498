/**
 * Proposals, approval, gates, risk checks, submission, re-pricing and reconciliation.
 */
package io.tailguard.orders;
