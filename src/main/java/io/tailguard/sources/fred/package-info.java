/**
 * FRED (St. Louis Fed) HTTP API adapter. Entry point: {@link io.tailguard.sources.fred.FredClient#observations},
 * the {@code fred/series/observations} endpoint in JSON, rate limited and retried through Resilience4j.
 */
package io.tailguard.sources.fred;
