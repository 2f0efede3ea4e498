/**
 * Hedged-portfolio construction under a drawdown threshold.
 */
package io.tailguard.portfolio;
