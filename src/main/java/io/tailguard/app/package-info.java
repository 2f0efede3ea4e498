/**
 * Configuration loading and wiring, and {@link io.tailguard.app.Main}. The market clock a process decides by
 * ({@link io.tailguard.app.MarketClock}) and the daemon's published simulated gateway
 * ({@link io.tailguard.app.SimGatewayRegistry}) are wired here.
 */
package io.tailguard.app;
