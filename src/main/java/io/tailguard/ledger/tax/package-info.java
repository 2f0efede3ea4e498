/**
 * The tax view: {@link io.tailguard.ledger.tax.Section1256} (the 60/40 split of index options) and
 * {@link io.tailguard.ledger.tax.TaxLotBook} (UPRO share lots, FIFO by default, with wash-sale detection).
 */
package io.tailguard.ledger.tax;
