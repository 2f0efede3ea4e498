/**
 * The weekly roll: {@link io.tailguard.hedge.roll.WeeklyHedgeRollService} reads the account and the chains
 * through the broker port, runs the optimizer and hands an orders proposal to a
 * {@link io.tailguard.hedge.roll.ProposalSink}.
 */
package io.tailguard.hedge.roll;
