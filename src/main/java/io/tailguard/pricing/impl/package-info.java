/**
 * Raw formulas as static methods: the normal distribution ({@link io.tailguard.pricing.impl.Gaussian}),
 * the normalised Black function and its inversion, Black-Scholes-Merton greeks and the Leisen-Reimer
 * tree. Callers outside {@code pricing} should use the pricers instead.
 */
package io.tailguard.pricing.impl;
