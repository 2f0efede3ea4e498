package io.tailguard.ledger.tax;

import java.math.BigDecimal;

/**
 * A loss sale with a purchase of the same shares within 30 days before or after it: the loss on the matched
 * shares is disallowed now and added to the replacement lot's basis. A flag for the trader and the tax
 * preparer; the bot never trades to avoid the rule.
 */
public record WashSale(String saleRef, String replacementLotRef, BigDecimal shares, BigDecimal disallowedLoss) {
}
