/**
 * The weekly roll: {@link io.tailguard.hedge.roll.WeeklyHedgeRollService} reads the account and the chains
 * through the broker port, takes hold/out, the volatility regime, the hedge intensity and the exposure
 * multiplier from the latest signal snapshot as the strategy says ({@link io.tailguard.hedge.roll.RollSignals},
 * read through the {@link io.tailguard.hedge.roll.SignalsReader} port), runs the optimizer and hands an orders
 * proposal to a {@link io.tailguard.hedge.roll.ProposalSink}.
 */
package io.tailguard.hedge.roll;
