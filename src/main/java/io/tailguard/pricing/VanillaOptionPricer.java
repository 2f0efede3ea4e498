package io.tailguard.pricing;

/** A stateless pricer of vanilla options under one model and exercise style. */
public interface VanillaOptionPricer {

    /** Present value per unit of underlying. */
    double price(VanillaOption option, OptionMarket market);

    /** Present value and first-order greeks per unit of underlying. */
    PriceAndGreeks greeks(VanillaOption option, OptionMarket market);
}
