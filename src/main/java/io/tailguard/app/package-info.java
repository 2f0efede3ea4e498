/**
 * Configuration loading and wiring (the command line and {@link io.tailguard.console.Main} sit above it, in
 * {@code console}). The market clock a process decides by
 * ({@link io.tailguard.app.MarketClock}) and the daemon's published simulated gateway
 * ({@link io.tailguard.app.SimGatewayRegistry}) are wired here. The daemon's shared services are built once in
 * {@code DaemonServices}; the adapters between the orders side and the ledger's ports live here too
 * ({@link io.tailguard.app.OrderFills}, {@code ExecutionHandover}).
 */
package io.tailguard.app;
