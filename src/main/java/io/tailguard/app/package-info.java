/**
 * Configuration loading and wiring, and {@link io.tailguard.app.Main}.
 */
package io.tailguard.app;
